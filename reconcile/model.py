"""Frozen values passed between pipeline stages.

Every stage takes and returns these types only: ingest -> Document, segment -> Sentence,
extract -> Claim (holding Slots), align -> Alignment, judge -> Finding. A value never
points forward to a later stage, so stages can be tested in isolation.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any, Literal, TypeVar

Verdict = Literal["agree", "adds_detail", "conflict"]
Precision = Literal["year", "month", "day"]
SlotKind = Literal["date", "quantity", "person", "org"]
DateAnchor = Literal["absolute", "published", "now", "previous"]
VERDICTS: tuple[Verdict, ...] = ("conflict", "adds_detail", "agree")

OPEN_PAST = date.min
OPEN_FUTURE = date.max


_Value = TypeVar("_Value")


def _pickled_by_fields(cls: type[_Value]) -> type[_Value]:
    """Pickle as (class, field values), rebuilt through __init__: half the time of the
    slotted dataclass' own state, which looks its fields up again for every object (claims,
    slots and findings cross processes and caches by the thousand)."""
    names = tuple(item.name for item in fields(cls))  # type: ignore[arg-type]

    def reduce(self: Any) -> tuple[type, tuple[Any, ...]]:
        return type(self), tuple([getattr(self, name) for name in names])

    setattr(cls, "__reduce__", reduce)  # noqa: B010 (mypy refuses assigning a method)
    return cls


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class DateValue:
    """A point in time known to lie in [low, high] (both inclusive).

    `precision` is the unit the source stated (a year, a month or a day); `label` is the
    value as a reader would write it ("2022-09", "≤2021-12"); `basis` records how a
    relative phrase was resolved, so a verdict can show its work. `anchor` says what the
    date was resolved against: nothing, the publication date, the moment of writing
    ("now", "目前": the time of reporting, not an event), or the previous date in the text.
    """

    low: date
    high: date
    precision: Precision
    label: str
    basis: str = ""
    anchor: DateAnchor = "absolute"

    def overlaps(self, other: DateValue) -> bool:
        return self.low <= other.high and other.low <= self.high

    def contains(self, other: DateValue) -> bool:
        return self.low <= other.low and other.high <= self.high

    @property
    def span_days(self) -> int:
        return (self.high - self.low).days


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Quantity:
    """An amount known to lie between `low` and `high` in `unit`.

    Open bounds say the endpoint itself is excluded: "nearly 100" is [90, 100) and
    "100余" is (100, 200), so the two do not overlap. `unit` is a canonical unit name
    ("parameters", "usd", "percent") or "" when the text names none. `stated_range` keeps
    the two numbers of a range as written ("3000-4000万" is (3e7, 4e7), whatever a hedge
    or the last digit makes of the interval), so a reader is shown the range, not its midpoint.
    `rounded` says the interval is only the reach of the last digit written (21.59万 is
    215,850–215,950): the number itself is stated as exactly as "215,900".
    """

    value: float
    low: float
    high: float
    unit: str
    low_open: bool = False
    high_open: bool = False
    stated_range: tuple[float, float] | None = None
    rounded: bool = False

    def overlaps(self, other: Quantity) -> bool:
        low, high, low_open, high_open = self._against(other)
        other_low, other_high, other_low_open, other_high_open = other._against(self)
        if high < other_low or other_high < low:
            return False
        if high == other_low and (high_open or other_low_open):
            return False
        return not (other_high == low and (other_high_open or low_open))

    def contains(self, other: Quantity) -> bool:
        low, high, _, _ = self._against(other)
        other_low, other_high, _, _ = other._against(self)
        return low <= other_low and other_high <= high

    def _against(self, other: Quantity) -> tuple[float, float, bool, bool]:
        """The interval compared with `other`: the reach of the last digit against another
        stated number (1.5亿 meets "152 million"), the number itself against a hedge or a
        range ("3 billion" and "more than 3 billion" meet only at 3 billion)."""
        if self.rounded and not other.stated_exactly:
            return self.value, self.value, False, False
        return self.low, self.high, self.low_open, self.high_open

    @property
    def is_exact(self) -> bool:
        return self.low == self.high

    @property
    def stated_exactly(self) -> bool:
        """A number as written, no hedge, range or order of magnitude: exact, or to its last digit."""
        return self.is_exact or self.rounded

    @property
    def width(self) -> float:
        return self.high - self.low if math.isfinite(self.high) else math.inf

    @property
    def label(self) -> str:
        """As a reader writes it: "10 trillion parameters", "<100 papers", ">100 papers", "3rd"."""
        if self.unit == "ordinal" and self.low == self.high == int(self.value):
            return _ordinal_label(int(self.value))
        unit = _unit_suffix(unit_name(self.unit))
        if self.stated_range is not None:
            stated = _range_label(*self.stated_range)
            exact = (self.low, self.high) == self.stated_range and not (self.low_open or self.high_open)
            return f"{stated}{unit}" if exact else f"~{stated}{unit}"
        number = _number_label(self.value)
        if number == "1" and self.unit in SINGULAR_UNITS:
            unit = _unit_suffix(unit_name(self.unit, one=True))  # "~1 year", not "~1 years"
        if self.high_open and self.high == self.value:
            return f"<{number}{unit}"
        if self.low_open and self.low == self.value:
            return f">{number}{unit}"
        if self.low == self.high or self.rounded:  # "1.5亿" is 150 million as written, not "about"
            return f"{number}{unit}"
        if self.value == self.low and math.isfinite(self.high):
            return f"{_range_label(self.low, self.high)}{unit}"
        if self.value == self.low:
            return f"≥{number}{unit}"
        if self.value == self.high:
            return f"≤{number}{unit}"
        return f"~{number}{unit}"

    @property
    def span_label(self) -> str:
        """Both ends of the interval, where `label` says one ("120–130 papers" for 120余篇, which
        `label` writes ">120 papers" as it does "more than 120 papers")."""
        if math.isfinite(self.low) and math.isfinite(self.high) and self.low < self.high:
            return f"{_range_label(self.low, self.high)}{_unit_suffix(unit_name(self.unit))}"
        return self.label


_MAGNITUDE_WORDS = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
# The canonical units that count things, by their singular: labels say "1 year", "1 person".
SINGULAR_UNITS: Mapping[str, str] = {
    "bps": "basis point", "cases": "case", "celsius": "celsius", "citations": "citation", "companies": "company",
    "days": "day", "fahrenheit": "fahrenheit", "feet": "foot",
    "gpus": "gpu", "hectares": "hectare", "hours": "hour", "households": "household", "inches": "inch",
    "institutions": "institution", "kinds": "kind", "miles": "mile", "minutes": "minute",
    "models": "model", "months": "month", "papers": "paper", "parameters": "parameter",
    "patents": "patent", "people": "person", "pp": "percentage point", "seconds": "second", "signatures": "signature",
    "stars": "star", "tasks": "task", "times": "time", "tonnes": "tonne", "users": "user", "vehicles": "vehicle",
    "weeks": "week", "years": "year",
}  # fmt: skip
# Units written as a reader expects them, where the canonical name is an identifier.
_UNIT_NAMES: Mapping[str, str] = {
    "usd": "USD", "cny": "CNY", "eur": "EUR", "gbp": "GBP", "hkd": "HKD", "jpy": "JPY",
    "gpus": "GPUs", "gpu": "GPU", "km2": "km²", "m2": "m²", "bps": "basis points", "pp": "percentage points",
    "tb": "TB", "gb": "GB", "mah": "mAh", "ordinal": "rank",
}  # fmt: skip


# Units whose label reads otherwise than "<number> <unit>": "16%", "54 years old".
_UNIT_SUFFIXES: Mapping[str, str] = {"percent": "%", "age": " years old", "celsius": " °C", "fahrenheit": " °F"}


def _unit_suffix(name: str) -> str:
    """What follows the number: " USD", "%" (written against it), or nothing."""
    return _UNIT_SUFFIXES.get(name, f" {name}" if name else "")


def unit_name(unit: str, *, one: bool = False) -> str:
    """A canonical unit as the report writes it ("usd" -> "USD"), singular for one of it."""
    name = SINGULAR_UNITS.get(unit, unit) if one else unit
    return _UNIT_NAMES.get(name, name)


def _magnitude_word(value: float) -> tuple[float, str]:
    return next(((size, word) for size, word in _MAGNITUDE_WORDS if abs(value) >= size), (1.0, ""))


def _number_label(value: float) -> str:
    size, word = _magnitude_word(value)
    if word:
        return f"{value / size:.6g} {word}"
    return f"{int(value):,}" if value == int(value) else f"{value:,.4g}"


def _ordinal_label(rank: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st."""
    suffix = "th" if 10 <= rank % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(rank % 10, "th")
    return f"{rank:,}{suffix}"


def _range_label(low: float, high: float) -> str:
    """Both ends of a range, its magnitude said once when they share it: "30–40 million";
    spelt "-10 to -5" below zero, where a dash would run into the minus sign."""
    dash = " to " if low < 0 else "–"
    size, word = _magnitude_word(low)
    if word and _magnitude_word(high)[1] == word:
        return f"{low / size:.4g}{dash}{high / size:.4g} {word}"
    return f"{_number_label(low)}{dash}{_number_label(high)}"


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Entity:
    """A person or organisation under its canonical name (Latin script where one exists)."""

    value: str


SlotValue = DateValue | Quantity | Entity


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Slot:
    """One normalised fact inside a claim; `start`/`end` index the document text."""

    kind: SlotKind
    text: str
    start: int
    end: int
    value: SlotValue


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Document:
    """An ingested article: clean text plus a map from clean offsets back to the source.

    `source_map` holds (clean_start, source_start, length) runs for every stretch of
    `text` copied verbatim from the file; characters the cleaner inserted (a space that
    replaced a line break) are not in any run. `sections` are the offsets where headings
    start: a relative date ("一个月后", "later") never reaches back across a heading.
    """

    id: str
    lang: str
    title: str
    published: DateValue | None
    path: str
    text: str
    source: str = ""
    encoding: str = "utf-8"
    source_map: tuple[tuple[int, int, int], ...] = field(default=(), repr=False)
    sections: tuple[int, ...] = ()

    def source_offset(self, offset: int) -> int:
        """Offset in the original file of the clean-text character at `offset`."""
        best = 0
        for clean_start, source_start, length in self.source_map:
            if clean_start > offset:
                break
            best = source_start + min(offset - clean_start, length)
        return best


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Sentence:
    doc: str
    index: int
    start: int
    end: int
    text: str


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Claim:
    """One checkable statement: a span of a sentence with its slots and event type.

    `event` is its main event type and `events` every event type its predicates express
    ("when Alibaba Cloud released …, its parameters had reached 10 trillion": release, reach).
    `subject` is the canonical person or organisation the statement is about (pronouns
    resolved), `subject_kind` what sort of name it is; `object` the person or organisation
    nearest the main predicate (what was joined or left, whom one reports to); `terms` are
    Latin-script names (model and product names such as "M6") that read the same in every
    language and so anchor alignment.
    """

    id: str
    doc: str
    lang: str
    text: str
    start: int
    end: int
    sentence: int
    event: str | None
    subject: str | None
    slots: tuple[Slot, ...]
    terms: tuple[str, ...] = ()
    events: tuple[str, ...] = ()
    subject_kind: Literal["person", "org", "term"] | None = None
    object: str | None = None

    def slots_of(self, kind: SlotKind) -> tuple[Slot, ...]:
        return tuple(slot for slot in self.slots if slot.kind == kind)


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Alignment:
    """Claims from different documents judged to talk about the same thing."""

    claims: tuple[str, ...]
    similarity: float | None
    score: float | None


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Finding:
    """A verdict on one aligned group (or one one-sided claim), with reasons a reader can check.

    `similarity` is the cosine of the claims' embeddings; `score` the alignment score
    (cosine adjusted by shared names, event type and slots) that paired them.
    `agreements` are the facts the claims share whatever the verdict: beside a conflict
    on the date, the same 10 trillion parameters is worth knowing.
    """

    id: str
    verdict: Verdict
    claims: tuple[str, ...]
    similarity: float | None
    reasons: tuple[str, ...]
    fact: str
    score: float | None = None
    agreements: tuple[str, ...] = ()
