"""PLACEHOLDER — to be replaced by the person normaliser."""

from __future__ import annotations

from reconcile.lang.rules import LangRules
from reconcile.model import Slot


def find_persons(text: str, rules: LangRules) -> list[Slot]:
    """People named in `text` (already folded), each under one canonical Latin-script name."""
    return []


def same_person(a: str, b: str) -> bool:
    """Whether two canonical names denote the same person (order and spelling tolerant)."""
    return a.lower() == b.lower()
