"""Sentences -> atomic Claims: typed slots, an event type, a resolved subject.

A sentence that reports several dated events ("2020年6月项目启动，2021年5月发布…") is cut at
clause boundaries into one claim per event, so each claim holds one checkable fact. A
claim that names no one continues with the last person or thing written about, which
is how both pronouns ("she", 她) and Chinese dropped subjects are resolved.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Literal

from reconcile.lang import EVENT_TYPES, rules_for
from reconcile.lang.rules import LangRules
from reconcile.lang.terms import find_terms
from reconcile.model import Claim, DateValue, Document, Sentence, Slot, SlotKind
from reconcile.normalize.date import DateContext, find_dates
from reconcile.normalize.org import find_orgs
from reconcile.normalize.person import find_persons
from reconcile.normalize.prefilter import Alternation
from reconcile.normalize.quantity import find_quantities
from reconcile.normalize.text import fold

# When two slots claim the same characters, the kind listed first keeps them:
# "2021年10月" is a date, not the quantity 2021; "36Kr" is an organisation.
_SLOT_PRIORITY: tuple[SlotKind, ...] = ("date", "org", "person", "quantity")

# How many sentences a relative date ("一个月后", "later") may reach back for its anchor.
_DATE_REACH = 8


@dataclass(frozen=True, slots=True)
class _Patterns:
    events: Alternation  # every predicate of every event type, in lexicon order
    event_names: tuple[str, ...]  # the event type of each predicate
    clause_separator: re.Pattern[str]
    framing_clause_end: re.Pattern[str]
    person_pronoun: re.Pattern[str] | None
    thing_pronoun: re.Pattern[str] | None
    org_description: re.Pattern[str] | None
    possessive_apposition: re.Pattern[str]


def _any_of(fragments: Sequence[str]) -> re.Pattern[str] | None:
    return re.compile("|".join(f"(?:{fragment})" for fragment in fragments), re.IGNORECASE) if fragments else None


@cache
def _patterns(lang: str) -> _Patterns:
    """One scan of a sentence finds every predicate, as one alternation of them all would."""
    rules = rules_for(lang)
    predicates = [(event, predicate) for event, phrases in rules.events.predicates.items() for predicate in phrases]
    return _Patterns(
        events=Alternation([predicate for _, predicate in predicates], re.IGNORECASE),
        event_names=tuple(event for event, _ in predicates),
        clause_separator=re.compile(rules.text.clause_separators),
        framing_clause_end=re.compile(rules.text.framing_clause_end),
        person_pronoun=_any_of(rules.names.person_pronouns),
        thing_pronoun=_any_of(rules.names.org_pronouns),
        org_description=_any_of(rules.names.org_descriptions),
        possessive_apposition=re.compile(rules.names.possessive_apposition),
    )


def _find_slots(text: str, rules: LangRules, context: DateContext, mentioned: dict[str, str]) -> list[Slot]:
    """All slots of a folded sentence, overlaps resolved by `_SLOT_PRIORITY`; the people it
    names join `mentioned` (the document's names so far, as written -> canonical)."""
    found = {
        "date": find_dates(text, rules, context),
        "org": (orgs := find_orgs(text, rules)),
        "person": find_persons(text, rules, orgs, mentioned),
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
    mentioned.update((slot.text, _value(slot)) for slot in kept if slot.kind == "person")
    return sorted(kept, key=lambda slot: slot.start)


@dataclass(frozen=True, slots=True)
class _Clause:
    start: int
    end: int
    slots: list[Slot]
    events: list[tuple[int, str]]

    @property
    def has_date(self) -> bool:
        return any(slot.kind == "date" for slot in self.slots)

    @property
    def has_quantity(self) -> bool:
        return any(slot.kind == "quantity" for slot in self.slots)

    def joined(self, after: _Clause) -> _Clause:
        """This clause and the one `after` it as one."""
        return _Clause(self.start, after.end, self.slots + after.slots, self.events + after.events)


def _clauses(text: str, patterns: _Patterns) -> list[tuple[int, int]]:
    """(start, end) of each clause; a separator (", and", "；") belongs to neither side, so a
    claim does not end in ", but"."""
    ends = [0]
    for match in patterns.clause_separator.finditer(text):
        ends += [match.start(), match.end()]
    ends.append(len(text))
    return [(start, end) for start, end in zip(ends[::2], ends[1::2], strict=True) if start < end]


def _events(text: str, patterns: _Patterns) -> list[tuple[int, str]]:
    """(position, event type) of every predicate in `text`, by position."""
    return [(match.start(), patterns.event_names[index]) for index, match in patterns.events.scanner(text).finditer()]


_EVENT_RANK = {event: rank for rank, event in enumerate(EVENT_TYPES)}


def _ranked_events(events: Sequence[tuple[int, str]]) -> tuple[str, ...]:
    """The distinct event types of a claim, most specific first (lexicon order ranks them)."""
    return tuple(sorted({event for _, event in events}, key=_EVENT_RANK.__getitem__))


def _main_event(events: Sequence[tuple[int, str]]) -> str | None:
    ranked = _ranked_events(events)
    return ranked[0] if ranked else None


def _framed(clauses: list[_Clause], text: str, patterns: _Patterns) -> list[_Clause]:
    """`clauses` with each framing clause joined to the clause after it: one that ends so
    (与2002年相比，增长40倍) or one that is only a date (2月7日，阿里巴巴公布…), which states no fact
    of its own."""
    joined: list[_Clause] = []
    frame: _Clause | None = None
    for index, clause in enumerate(clauses):
        framing = index + 1 < len(clauses) and (
            patterns.framing_clause_end.search(text, clause.start, clause.end) or _only_a_date(text, clause)
        )
        clause = frame.joined(clause) if frame is not None else clause
        if framing:
            frame = clause
        else:
            frame = None
            joined.append(clause)
    return joined


def _only_a_date(text: str, clause: _Clause) -> bool:
    """Whether the clause holds nothing but its dates (and spaces or punctuation)."""
    if not clause.slots or any(slot.kind != "date" for slot in clause.slots):
        return False
    rest = list(text[clause.start : clause.end])
    for slot in clause.slots:
        rest[slot.start - clause.start : slot.end - clause.start] = [" "] * (slot.end - slot.start)
    return not any(char.isalnum() for char in rest)


def _group(clauses: list[_Clause]) -> list[_Clause]:
    """Merge clauses into atomic claims: a new claim starts at a second date or a second
    amount, so each claim holds one checkable fact. (Splitting at a change of predicate
    cut dates off their main clause: "到2017年，…面积要达到3000平方米".)"""
    groups: list[_Clause] = []
    for clause in clauses:
        if not groups:
            groups.append(clause)
            continue
        current = groups[-1]
        new_date = clause.has_date and current.has_date
        new_amount = clause.has_quantity and current.has_quantity
        if new_date or new_amount:
            groups.append(clause)
        else:
            groups[-1] = current.joined(clause)
    return groups


@dataclass(slots=True)
class _Discourse:
    """What the text has been about so far, for pronouns and dropped subjects."""

    person: str | None = None
    thing: tuple[str, SubjectKind] | None = None
    date: DateValue | None = None
    date_sentence: int = 0
    # The organisations named so far, oldest first: (name as written and canonical, casefolded; canonical)
    orgs: list[tuple[str, str]] = field(default_factory=list)

    def latest_org(self, head: str) -> str | None:
        """The organisation a description with this head noun refers back to ("the ministry")."""
        head = head.casefold()
        return next((value for names, value in reversed(self.orgs) if head in names), None)


SubjectKind = Literal["person", "org", "term"]


def _subject(
    text: str,
    start: int,
    end: int,
    slots: Sequence[Slot],
    terms: Sequence[tuple[int, int, str]],
    event: str | None,
    predicate: int | None,
    patterns: _Patterns,
    discourse: _Discourse,
    shared: tuple[str, SubjectKind] | None,
) -> tuple[str, SubjectKind] | None:
    """Who or what the claim is about, and whether that is a person, an organisation or a term.

    `shared` is the subject of the sentence's previous claim: a later clause whose names all
    follow its predicate shares it, as they are its objects ("M6 was changed to…, and then
    trained a model… as GPT-3": GPT-3 did not train anything).
    """
    people = [slot for slot in slots if slot.kind == "person"]
    pronoun = patterns.person_pronoun.search(text, start, end) if patterns.person_pronoun else None
    if pronoun and discourse.person and (not people or pronoun.start() < people[0].start):
        return discourse.person, "person"
    if shared and predicate is not None:
        named_at = [slot.start for slot in slots if slot.kind in ("person", "org")] + [at for at, _, _ in terms]
        if named_at and min(named_at) > predicate:
            return shared
    if people:
        first = people[0]
        if len(people) > 1 and patterns.possessive_apposition.fullmatch(text, first.end, people[1].start):
            first = people[1]  # "Wang Haifeng's former deputy, Zhao Ming, joined": Zhao Ming joined
        return _value(first), "person"
    if event is not None and EVENT_TYPES[event].personal and discourse.person:
        return discourse.person, "person"
    named: list[tuple[int, str, SubjectKind]] = sorted(
        [(slot.start, _value(slot), "org") for slot in slots if slot.kind == "org"]
        + [(position, term, "term") for position, _, term in terms]
    )
    description = patterns.org_description.search(text, start, end) if patterns.org_description else None
    if (
        description
        and (not named or description.start() < named[0][0])
        and (antecedent := discourse.latest_org(description.group("head")))
    ):
        return antecedent, "org"
    thing_pronoun = patterns.thing_pronoun.search(text, start, end) if patterns.thing_pronoun else None
    if thing_pronoun and discourse.thing and (not named or thing_pronoun.start() < named[0][0]):
        return discourse.thing
    if named:
        return named[0][1], named[0][2]
    return None


def _object(group: _Clause, event: str | None, subject: str | None) -> str | None:
    """The person or organisation nearest the main predicate, other than the subject.

    What someone joined or left sits next to the verb in both languages ("joined
    ByteDance", "从达摩院离职"), whatever else the sentence names. An event whose object is
    of one kind takes the nearest of that kind: one reports to a person, not to the
    company named on the way (向字节AML…负责人项亮汇报).
    """
    if event is None:
        return None
    position = next(position for position, name in group.events if name == event)
    names = [slot for slot in group.slots if slot.kind in ("person", "org") and _value(slot) != subject]
    if kinds := EVENT_TYPES[event].object_kinds:
        names = [slot for slot in names if slot.kind in kinds] or names
    if not names:
        return None
    nearest = min(names, key=lambda slot: (min(abs(slot.start - position), abs(slot.end - position)), slot.start))
    return _value(nearest)


def _value(slot: Slot) -> str:
    value = slot.value
    return getattr(value, "value", slot.text)


def extract(document: Document, sentences: Sequence[Sentence]) -> tuple[Claim, ...]:
    """The claims of `document`, in reading order, with ids `<doc>#<n>`."""
    rules = rules_for(document.lang)
    patterns = _patterns(document.lang)
    discourse = _Discourse()
    mentioned: dict[str, str] = {}  # the people named so far, as written -> canonical
    claims: list[Claim] = []
    sections = list(document.sections)
    for sentence in sentences:
        if sections and sentence.start >= sections[0]:
            while sections and sentence.start >= sections[0]:
                sections.pop(0)
            discourse.date = None
        if sentence.index - discourse.date_sentence > _DATE_REACH:
            discourse.date = None
        folded = fold(sentence.text)
        slots = _find_slots(folded, rules, DateContext(document.published, discourse.date), mentioned)
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
        shared: tuple[str, SubjectKind] | None = None
        for group in _group(_framed(clauses, folded, patterns)):
            start, end = group.start, group.end
            while start < end and (folded[start].isspace() or folded[start] in ",，、;；:："):
                start += 1
            while end > start and folded[end - 1].isspace():
                end -= 1
            event = _main_event(group.events)
            has_fact = any(slot.kind in ("date", "quantity") for slot in group.slots)
            group_terms = [term for term in terms if start <= term[0] < end]
            predicate = next((position for position, name in group.events if name == event), None)
            resolved = _subject(
                folded, start, end, group.slots, group_terms, event, predicate, patterns, discourse, shared
            )
            shared = resolved
            subject, subject_kind = resolved if resolved else (None, None)
            focus = _object(group, event, subject)
            for slot in group.slots:
                if slot.kind == "date" and isinstance(slot.value, DateValue) and slot.value.anchor != "now":
                    discourse.date = slot.value
                    discourse.date_sentence = sentence.index
            discourse.orgs.extend(
                (f"{slot.text}\n{_value(slot)}".casefold(), _value(slot)) for slot in group.slots if slot.kind == "org"
            )
            if subject_kind == "person":
                discourse.person = subject
            elif resolved is not None:
                discourse.thing = resolved
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
                    events=_ranked_events(group.events),
                    subject=subject,
                    subject_kind=subject_kind,
                    object=focus,
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
