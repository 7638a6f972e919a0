"""Sentences -> atomic Claims: typed slots, an event type, a resolved subject.

A sentence that reports several dated events ("2020年6月项目启动，2021年5月发布…") is cut at
clause boundaries into one claim per event, so each claim holds one checkable fact. A
claim that names no one continues with the last person or thing written about, which
is how both pronouns ("she", 她) and Chinese dropped subjects are resolved.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from reconcile.lang import EVENT_TYPES, rules_for
from reconcile.lang.rules import LangRules
from reconcile.lang.terms import find_terms
from reconcile.model import Claim, DateValue, Document, Sentence, Slot, SlotKind
from reconcile.normalize.date import DateContext, find_dates
from reconcile.normalize.org import find_orgs
from reconcile.normalize.person import find_persons
from reconcile.normalize.quantity import find_quantities
from reconcile.normalize.text import fold

# When two slots claim the same characters, the kind listed first keeps them:
# "2021年10月" is a date, not the quantity 2021; "36Kr" is an organisation.
_SLOT_PRIORITY: tuple[SlotKind, ...] = ("date", "org", "person", "quantity")


@dataclass(frozen=True, slots=True)
class _Patterns:
    events: tuple[tuple[str, re.Pattern[str]], ...]
    clause_separator: re.Pattern[str]
    person_pronoun: re.Pattern[str] | None
    thing_pronoun: re.Pattern[str] | None


def _alternation(phrases: Sequence[str]) -> re.Pattern[str] | None:
    if not phrases:
        return None
    parts = [
        rf"\b{re.escape(phrase)}\b" if phrase[:1].isascii() and phrase[:1].isalpha() else re.escape(phrase)
        for phrase in sorted(phrases, key=len, reverse=True)
    ]
    return re.compile("|".join(parts), re.IGNORECASE)


@cache
def _patterns(lang: str) -> _Patterns:
    rules = rules_for(lang)
    return _Patterns(
        events=tuple(
            (event, re.compile("|".join(phrases), re.IGNORECASE)) for event, phrases in rules.events.predicates.items()
        ),
        clause_separator=re.compile(rules.text.clause_separators),
        person_pronoun=_alternation(rules.names.person_pronouns),
        thing_pronoun=_alternation(rules.names.org_pronouns),
    )


def _find_slots(text: str, rules: LangRules, context: DateContext) -> list[Slot]:
    """All slots of a folded sentence, overlaps resolved by `_SLOT_PRIORITY`."""
    found = {
        "date": find_dates(text, rules, context),
        "org": find_orgs(text, rules),
        "person": find_persons(text, rules),
        "quantity": find_quantities(text, rules),
    }
    taken = [False] * len(text)
    kept: list[Slot] = []
    for kind in _SLOT_PRIORITY:
        for slot in found[kind]:
            if any(taken[slot.start : slot.end]):
                continue
            taken[slot.start : slot.end] = [True] * (slot.end - slot.start)
            kept.append(slot)
    return sorted(kept, key=lambda slot: slot.start)


@dataclass(slots=True)
class _Clause:
    start: int
    end: int
    slots: list[Slot]
    events: list[tuple[int, str]]

    @property
    def has_date(self) -> bool:
        return any(slot.kind == "date" for slot in self.slots)


def _clauses(text: str, patterns: _Patterns) -> list[tuple[int, int]]:
    bounds = [0]
    for match in patterns.clause_separator.finditer(text):
        bounds.append(match.end())
    bounds.append(len(text))
    return [(start, end) for start, end in itertools.pairwise(bounds) if start < end]


def _events(text: str, patterns: _Patterns) -> list[tuple[int, str]]:
    """(position, event type) of every predicate in `text`, by position."""
    hits = [(match.start(), event) for event, pattern in patterns.events for match in pattern.finditer(text)]
    return sorted(hits)


def _main_event(events: Sequence[tuple[int, str]]) -> str | None:
    """The most specific event of a claim: lexicon order ranks event types."""
    if not events:
        return None
    order = list(EVENT_TYPES)
    return min((event for _, event in events), key=order.index)


def _group(clauses: list[_Clause]) -> list[_Clause]:
    """Merge clauses into atomic claims: a new claim starts at a second date or a new event."""
    groups: list[_Clause] = []
    for clause in clauses:
        if not groups:
            groups.append(clause)
            continue
        current = groups[-1]
        new_date = clause.has_date and current.has_date
        current_event = _main_event(current.events)
        clause_event = _main_event(clause.events)
        new_event = (
            clause_event is not None
            and current_event is not None
            and clause_event != current_event
            and bool(clause.slots)
            and bool(current.slots)
        )
        if new_date or new_event:
            groups.append(clause)
        else:
            current.end = clause.end
            current.slots.extend(clause.slots)
            current.events.extend(clause.events)
    return groups


@dataclass(slots=True)
class _Discourse:
    """What the text has been about so far, for pronouns and dropped subjects."""

    person: str | None = None
    thing: str | None = None
    date: DateValue | None = None


def _subject(
    text: str,
    start: int,
    end: int,
    slots: Sequence[Slot],
    terms: Sequence[tuple[int, int, str]],
    event: str | None,
    patterns: _Patterns,
    discourse: _Discourse,
) -> str | None:
    """Who or what the claim is about."""
    people = [slot for slot in slots if slot.kind == "person"]
    pronoun = patterns.person_pronoun.search(text, start, end) if patterns.person_pronoun else None
    if pronoun and discourse.person and (not people or pronoun.start() < people[0].start):
        return discourse.person
    if people:
        return _value(people[0])
    thing_pronoun = patterns.thing_pronoun.search(text, start, end) if patterns.thing_pronoun else None
    if event is not None and EVENT_TYPES[event].personal and discourse.person:
        return discourse.person
    orgs = [slot for slot in slots if slot.kind == "org"]
    named = sorted([(slot.start, _value(slot)) for slot in orgs] + [(s, term) for s, _, term in terms])
    if thing_pronoun and discourse.thing and (not named or thing_pronoun.start() < named[0][0]):
        return discourse.thing
    if named:
        return named[0][1]
    return None


def _value(slot: Slot) -> str:
    value = slot.value
    return getattr(value, "value", slot.text)


def extract(document: Document, sentences: Sequence[Sentence]) -> tuple[Claim, ...]:
    """The claims of `document`, in reading order, with ids `<doc>#<n>`."""
    rules = rules_for(document.lang)
    patterns = _patterns(document.lang)
    discourse = _Discourse()
    claims: list[Claim] = []
    for sentence in sentences:
        folded = fold(sentence.text)
        slots = _find_slots(folded, rules, DateContext(document.published, discourse.date))
        terms = [
            term
            for term in find_terms(folded)
            if not any(slot.start < term[1] and term[0] < slot.end for slot in slots)
        ]
        events = _events(folded, patterns)
        clauses = [
            _Clause(
                start,
                end,
                [slot for slot in slots if start <= slot.start < end],
                [hit for hit in events if start <= hit[0] < end],
            )
            for start, end in _clauses(folded, patterns)
        ]
        for group in _group(clauses):
            start, end = group.start, group.end
            while start < end and (folded[start].isspace() or folded[start] in ",，、;；:："):
                start += 1
            while end > start and folded[end - 1].isspace():
                end -= 1
            event = _main_event(group.events)
            has_fact = any(slot.kind in ("date", "quantity") for slot in group.slots)
            group_terms = [term for term in terms if start <= term[0] < end]
            subject = _subject(folded, start, end, group.slots, group_terms, event, patterns, discourse)
            for slot in group.slots:
                if slot.kind == "date" and isinstance(slot.value, DateValue) and slot.value.anchor != "now":
                    discourse.date = slot.value
            if subject is not None:
                if subject in {_value(slot) for slot in group.slots if slot.kind != "person"} | {
                    term for _, _, term in group_terms
                }:
                    discourse.thing = subject
                else:
                    discourse.person = subject
            if not (has_fact or (event is not None and (group.slots or subject))):
                continue
            offset = sentence.start
            claims.append(
                Claim(
                    id=f"{document.id}#{len(claims) + 1:03d}",
                    doc=document.id,
                    lang=document.lang,
                    text=document.text[offset + start : offset + end],
                    start=offset + start,
                    end=offset + end,
                    sentence=sentence.index,
                    event=event,
                    subject=subject,
                    slots=tuple(
                        replace(
                            slot,
                            text=sentence.text[slot.start : slot.end],
                            start=offset + slot.start,
                            end=offset + slot.end,
                        )
                        for slot in group.slots
                    ),
                    terms=tuple(dict.fromkeys(term for _, _, term in group_terms)),
                )
            )
    return tuple(claims)
