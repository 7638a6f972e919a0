"""The shape of per-language knowledge.

A language module (`en.py`, `zh.py`) fills one `LangRules` with data only: word lists,
lexicons and regular-expression fragments. Stage code reads these fields and never asks
which language it is handling, so adding a language means adding a data module.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

Bound = Literal["below", "above", "around", "at_most", "at_least"]


@dataclass(frozen=True, slots=True)
class Approximator:
    """A hedge on a number: "nearly" (before it) or 余 (after it) and the interval it implies."""

    phrase: str
    position: Literal["before", "after"]
    bound: Bound


@dataclass(frozen=True, slots=True)
class TextRules:
    """How running text is cut into sentences and clauses, and how wrapped lines rejoin."""

    sentence_terminators: str
    closing_marks: str
    abbreviations: frozenset[str]
    clause_separators: str
    space_after_terminator: bool
    header_fields: Mapping[str, tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class NumberRules:
    """Numerals, magnitudes, hedges and units of measure."""

    number_words: Mapping[str, float]
    magnitudes: Mapping[str, float]
    vague_magnitudes: Mapping[str, tuple[float, float]]
    approximators: tuple[Approximator, ...]
    range_separators: tuple[str, ...]
    units: Mapping[str, str]
    currency_prefixes: Mapping[str, str]
    percent_phrases: tuple[str, ...]
    unit_gap: int


@dataclass(frozen=True, slots=True)
class DateRules:
    """Month names, absolute date patterns and the phrases that make a date relative."""

    month_names: Mapping[str, int]
    relative_years: Mapping[str, int]
    relative_days: Mapping[str, int]
    recent_phrases: tuple[str, ...]
    now_phrases: tuple[str, ...]
    after_previous_phrases: tuple[str, ...]
    offset_units: Mapping[str, str]
    offset_after: tuple[str, ...]
    offset_before: tuple[str, ...]
    year_parts: Mapping[str, tuple[int, int]]
    before_phrases: tuple[str, ...]
    after_phrases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class NameRules:
    """Titles to strip, pronouns to resolve, and the words that mark an organisation."""

    honorifics: tuple[str, ...]
    person_pronouns: tuple[str, ...]
    org_pronouns: tuple[str, ...]
    org_suffixes: tuple[str, ...]
    name_stopwords: frozenset[str]


@dataclass(frozen=True, slots=True)
class EventRules:
    """Predicate lexicon: event type -> phrases that express it."""

    predicates: Mapping[str, tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class LangRules:
    code: str
    name: str
    text: TextRules
    numbers: NumberRules
    dates: DateRules
    names: NameRules
    events: EventRules
    stopwords: frozenset[str]
