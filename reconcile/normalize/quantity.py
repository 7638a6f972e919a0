"""PLACEHOLDER — to be replaced by the quantity normaliser."""

from __future__ import annotations

import re

from reconcile.lang.rules import LangRules
from reconcile.model import Quantity, Slot

_NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?![\w.])")


def find_quantities(text: str, rules: LangRules) -> list[Slot]:
    """Quantities in `text` (already folded), with intervals and canonical units."""
    slots = []
    for match in _NUMBER.finditer(text):
        number = float(match.group())
        slots.append(Slot("quantity", match.group(), match.start(), match.end(), Quantity(number, number, number, "")))
    return slots
