"""PLACEHOLDER — to be replaced by the organisation normaliser."""

from __future__ import annotations

from reconcile.lang.rules import LangRules
from reconcile.model import Slot


def find_orgs(text: str, rules: LangRules) -> list[Slot]:
    """Organisations named in `text` (already folded), under canonical names from the lexicon."""
    return []


def same_org(a: str, b: str) -> bool:
    """Whether two canonical organisation names denote the same organisation."""
    return a.lower() == b.lower()
