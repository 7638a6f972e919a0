"""PLACEHOLDER — to be replaced by the date normaliser."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from reconcile.lang.rules import LangRules
from reconcile.model import DateValue, Slot


@dataclass(frozen=True, slots=True)
class DateContext:
    """What a relative date is relative to: the document's publication date, the last stated date."""

    published: DateValue | None
    previous: DateValue | None


def date_from_iso(text: str) -> DateValue:
    """A DateValue from "2023", "2023-03", "2024-07-28" or "2024-07-28 12:39"; ValueError otherwise."""
    match = re.fullmatch(r"\s*(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?\s*", text)
    if not match:
        raise ValueError(f"not an ISO date: {text!r}")
    year = int(match.group(1))
    if match.group(3):
        day = date(year, int(match.group(2)), int(match.group(3)))
        return DateValue(day, day, "day", day.isoformat())
    if match.group(2):
        month = int(match.group(2))
        last = calendar.monthrange(year, month)[1]
        return DateValue(date(year, month, 1), date(year, month, last), "month", f"{year:04d}-{month:02d}")
    return DateValue(date(year, 1, 1), date(year, 12, 31), "year", f"{year:04d}")


def find_dates(text: str, rules: LangRules, context: DateContext) -> list[Slot]:
    """Dates in `text` (already folded) as intervals, relative phrases resolved against `context`."""
    slots = []
    for match in re.finditer(r"(\d{4})年(\d{1,2})月", text):
        value = date_from_iso(f"{match.group(1)}-{match.group(2)}")
        slots.append(Slot("date", match.group(), match.start(), match.end(), value))
    return slots
