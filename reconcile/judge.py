"""Alignments -> Findings: a verdict per aligned group, from normalised slots only.

Two claims conflict only when slots of the same kind and role are incompatible: dates
whose intervals are disjoint, quantities of compatible units whose intervals are
disjoint, or two different people in a single-valued role (the manager one reports to).
One side being more precise, or saying more, is added detail; anything else agrees.
Similarity is reported but never consulted here: embeddings cannot tell "left in
September" from "left in October".
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import partial

from reconcile.align import NameMatcher
from reconcile.lang import EVENT_TYPES
from reconcile.model import (
    OPEN_FUTURE,
    OPEN_PAST,
    VERDICTS,
    Alignment,
    Claim,
    DateValue,
    Document,
    Entity,
    Finding,
    Quantity,
    SlotKind,
    Verdict,
    unit_name,
)
from reconcile.normalize.person import clearly_different


@dataclass(slots=True)
class _Outcome:
    conflicts: list[str] = field(default_factory=list)
    details: list[str] = field(default_factory=list)
    agreements: list[str] = field(default_factory=list)
    disputed: list[str] = field(default_factory=list)

    @property
    def verdict(self) -> Verdict:
        if self.conflicts:
            return "conflict"
        return "adds_detail" if self.details else "agree"


def _date_text(value: DateValue, side: str) -> str:
    basis = f", {value.basis}" if value.basis else ""
    return f"{value.label} ({side}{basis})"


def _time_of_writing(side: str, values: Sequence[DateValue]) -> str:
    return f"date: {side} speaks of the time of writing ({', '.join(_date_text(value, side) for value in values)})"


def _compare_dates(
    a: Sequence[DateValue],
    b: Sequence[DateValue],
    side_a: str,
    side_b: str,
    outcome: _Outcome,
    context: tuple[Sequence[DateValue], Sequence[DateValue]] = ((), ()),
    later: int | None = None,
    periods: tuple[DateValue, DateValue] | None = None,
) -> None:
    """`later` is 1 when side b may state a later event than a's first one (a debut), 0 the
    other way round, None when the two claims state the same event."""
    if not a and not b:
        return
    if not a or not b:
        side, values = (side_b, b) if not a else (side_a, a)
        if all(value.anchor == "now" for value in values):  # 截至目前 against "so far": no date of an event
            outcome.details.append(_time_of_writing(side, values))
        else:
            outcome.details.append(f"date: only {side} gives one ({', '.join(v.label for v in values)})")
        return
    left, right = list(a), list(b)
    for x in list(left):
        match = next((y for y in right if x.overlaps(y)), None)
        if match is None:
            continue
        left.remove(x)
        right.remove(match)
        if x.low == match.low and x.high == match.high:
            outcome.agreements.append(f"date: {x.label}")
        elif periods == (x, match):  # not one date told more precisely: two stretches of time
            outcome.details.append(f"date: different periods ({x.label} ({side_a}), {match.label} ({side_b}))")
        elif match.contains(x) or x.contains(match):
            precise, vague, side = (x, match, side_a) if match.contains(x) else (match, x, side_b)
            outcome.details.append(f"date: {side} is more precise ({precise.label} within {vague.label})")
        else:
            outcome.agreements.append(f"date: {x.label} and {match.label} overlap")
    # A date the other side states in a neighbouring clause of the same sentence is not lost.
    left = [x for x in left if not any(x.overlaps(y) for y in context[1])]
    right = [y for y in right if not any(y.overlaps(x) for x in context[0])]
    # "now", "at present": the time of writing, not when the event happened.
    for side, values in ((side_a, left), (side_b, right)):
        for value in [v for v in values if v.anchor == "now"]:
            values.remove(value)
            outcome.details.append(_time_of_writing(side, [value]))
    if left and right and later is not None:
        # "first released in March" is not contradicted by a release in May.
        first, then = (left, right) if later == 1 else (right, left)
        if all(y.low > x.high for x in first for y in then):
            outcome.details.append(f"date: {side_b if later == 1 else side_a} gives a later event than the first one")
            return
    if left and right:
        for x, y in zip(left, right, strict=False):
            outcome.conflicts.append(f"date: {_date_text(x, side_a)} vs {_date_text(y, side_b)}")
        outcome.disputed.append("date")
    elif left or right:
        side, values = (side_a, left) if left else (side_b, right)
        outcome.details.append(f"date: only {side} gives {', '.join(v.label for v in values)}")


def _hedge_dropped(x: Quantity, y: Quantity) -> bool:
    """One side states N exactly, the other "over N" or "nearly N": they meet only at N."""
    if x.stated_exactly == y.stated_exactly:
        return False
    stated, hedged = (x, y) if x.stated_exactly else (y, x)
    return hedged.low <= stated.value <= hedged.high


# Two amounts this close (relative to the larger) are one figure told twice, whatever units.
_NEAR_VALUES = 0.05


def _distance(x: Quantity, y: Quantity) -> float:
    """How far apart two stated values are, relative to the larger."""
    return abs(x.value - y.value) / max(abs(x.value), abs(y.value), 1e-12)


def _same_figure(x: Quantity, y: Quantity) -> bool:
    """One interval, or one number written to different last digits (21.59万 and 215,900;
    1.5亿 and "150 million"). "trillions" and 万亿 share a floor, but 万亿 is the more precise."""
    if (x.value, x.low, x.high, x.low_open, x.high_open) == (y.value, y.low, y.high, y.low_open, y.high_open):
        return True
    return x.value == y.value and x.stated_exactly and y.stated_exactly


# Units no period explains a difference in: "Dai, 47, … joined in 1999" and 现年48岁…2000年加入
# differ in age whatever year each claim also gives.
_UNITS_OF_A_MOMENT = frozenset({"age", "ordinal"})


def _compare_quantities(
    a: Sequence[Quantity],
    b: Sequence[Quantity],
    side_a: str,
    side_b: str,
    outcome: _Outcome,
    context: tuple[Sequence[Quantity], Sequence[Quantity]] = ((), ()),
    periods: tuple[DateValue, DateValue] | None = None,
) -> None:
    """Match overlapping amounts (same unit first, then one side without a unit); the rest
    of one unit on both sides conflict, unless the claims measure different `periods` and
    the unit is one measured over a period (revenue, growth; not an age or a rank)."""
    left, right = list(a), list(b)
    pairs: list[tuple[Quantity, Quantity]] = []
    units_a, units_b = {x.unit for x in a}, {y.unit for y in b}

    def same_unit(x: Quantity, y: Quantity) -> bool:
        return x.unit == y.unit

    def either_unit(x: Quantity, y: Quantity) -> bool:
        return x.unit == y.unit or not x.unit or not y.unit

    def unit_free(x: Quantity, y: Quantity) -> bool:
        """One side names no unit and the other names one the first side never uses."""
        return (not x.unit and y.unit not in units_a) or (not y.unit and x.unit not in units_b)

    def equal(x: Quantity, y: Quantity) -> bool:
        return x.value == y.value and x.overlaps(y)

    def overlap(x: Quantity, y: Quantity) -> bool:
        return x.overlaps(y)

    def near(x: Quantity, y: Quantity) -> bool:
        return x.overlaps(y) and _distance(x, y) <= _NEAR_VALUES

    # Equal values first, then overlapping near ones (a unit left unsaid on one side is no
    # obstacle to either: "more than 1,000 injured" is 1011人受伤), then overlapping intervals
    # of one unit, then overlaps with a unitless number when its unit is unused. Within a
    # step the closest values pair first, so 1011人 meets ">1,000", not "at least nine".
    for units_meet, values_meet in (
        (either_unit, equal),
        (either_unit, near),
        (same_unit, overlap),
        (unit_free, overlap),
    ):
        candidates = [
            (i, j) for i, x in enumerate(left) for j, y in enumerate(right) if units_meet(x, y) and values_meet(x, y)
        ]
        paired_left: set[int] = set()
        paired_right: set[int] = set()
        for i, j in sorted(candidates, key=lambda ij: _distance(left[ij[0]], right[ij[1]])):
            if i not in paired_left and j not in paired_right:
                paired_left.add(i)
                paired_right.add(j)
                pairs.append((left[i], right[j]))
        left = [x for i, x in enumerate(left) if i not in paired_left]
        right = [y for j, y in enumerate(right) if j not in paired_right]
    # "15" against "more than 15": a translation that drops a hedge says less, not otherwise.
    for x in list(left):
        match = next((y for y in right if x.unit == y.unit and _hedge_dropped(x, y)), None)
        if match is not None:
            left.remove(x)
            right.remove(match)
            hedged, side = (match, side_b) if x.stated_exactly else (x, side_a)
            outcome.details.append(f"{_topic(x.unit)}: {side} hedges it ({hedged.label})")
    for x, match in pairs:
        topic = _topic(x.unit or match.unit)
        if _same_figure(x, match):
            stated = min(x, match, key=lambda q: (not q.unit, q.high - q.low))  # its unit, its digits
            outcome.agreements.append(f"{topic}: {stated.label}")
        elif match.contains(x) or x.contains(match):
            precise, vague, side = (x, match, side_a) if match.contains(x) else (match, x, side_b)
            shown = precise.label if precise.label != vague.label else precise.span_label
            within = f"{shown} within {vague.label}"
            outcome.details.append(f"{topic}: {side} is more precise ({within})")
        else:
            outcome.agreements.append(f"{topic}: {x.label} and {match.label} overlap")
    left = [x for x in left if not any(either_unit(x, y) and x.overlaps(y) for y in context[1])]
    right = [y for y in right if not any(either_unit(x, y) and x.overlaps(y) for x in context[0])]
    for unit in sorted({x.unit for x in left} & {y.unit for y in right}):
        mine = [x for x in left if x.unit == unit]
        theirs = [y for y in right if y.unit == unit]
        if unit == "" and (len(mine) > 1 or len(theirs) > 1):
            continue
        for x, y in zip(mine, theirs, strict=False):
            left.remove(x)
            right.remove(y)
            first, second = f"{x.label} ({side_a})", f"{y.label} ({side_b})"
            if periods is None or unit in _UNITS_OF_A_MOMENT:
                outcome.conflicts.append(f"{_topic(unit)}: {first} vs {second}")
            else:
                outcome.details.append(f"{_topic(unit)}: {first} and {second}, over those periods")
        if periods is None or unit in _UNITS_OF_A_MOMENT:
            outcome.disputed.append(_topic(unit))
    for side, values in ((side_a, left), (side_b, right)):
        if values:
            outcome.details.append(f"only {side} gives {', '.join(v.label for v in values)}")


def _topic(unit: str) -> str:
    """What a quantity's reason is about, as the report writes it: "USD", "papers", "number"."""
    return unit_name(unit) or "number"


def _different_people(extra_a: list[str], extra_b: list[str]) -> bool:
    """The same statement names one person on each side that the other side does not.

    Only Chinese names in pinyin are compared: for them a different spelling is a
    different person, while a transliterated foreign name may legitimately differ.
    """
    return len(extra_a) == len(extra_b) == 1 and clearly_different(extra_a[0], extra_b[0])


def _names(claim: Claim, kind: SlotKind) -> list[str]:
    return [slot.value.value for slot in claim.slots_of(kind) if isinstance(slot.value, Entity)]


def _compare_entities(
    a: Claim,
    b: Claim,
    side_a: str,
    side_b: str,
    outcome: _Outcome,
    names: NameMatcher,
    context: tuple[Sequence[str], Sequence[str]] = ((), ()),
) -> None:
    """People and organisations: a different filler of a single-valued role conflicts."""
    kinds: tuple[SlotKind, ...] = ("person", "org")
    for kind in kinds:
        same = partial(names.same, kind)
        mine, theirs = _names(a, kind), _names(b, kind)
        implicit_a = [a.subject] if a.subject and a.subject_kind == kind else []
        implicit_b = [b.subject] if b.subject and b.subject_kind == kind else []
        if kind == "person":
            implicit_a += context[0]
            implicit_b += context[1]
        event = EVENT_TYPES.get(a.event or "") if a.event == b.event else None
        if event is not None and kind in event.object_kinds:
            objects_a = [name for name in mine if not (a.subject and same(name, a.subject))]
            objects_b = [name for name in theirs if not (b.subject and same(name, b.subject))]
            if objects_a and objects_b and not any(same(x, y) for x in objects_a for y in objects_b):
                outcome.conflicts.append(
                    f"{kind} ({event.name}): {', '.join(objects_a)} ({side_a}) vs {', '.join(objects_b)} ({side_b})"
                )
                outcome.disputed.append(kind)
                continue
        # A name the other side refers to by pronoun or leaves implicit is not extra detail.
        extra_a = [name for name in mine if not any(same(name, other) for other in theirs + implicit_b)]
        extra_b = [name for name in theirs if not any(same(name, other) for other in mine + implicit_a)]
        if kind == "person" and _different_people(extra_a, extra_b):
            outcome.conflicts.append(f"person: {', '.join(extra_a)} ({side_a}) vs {', '.join(extra_b)} ({side_b})")
            outcome.disputed.append(kind)
            continue
        if kind == "org":
            _more_specific(extra_a, extra_b, side_a, side_b, outcome, names)
        for side, extra in ((side_a, extra_a), (side_b, extra_b)):
            if extra:
                outcome.details.append(f"{kind}: only {side} names {', '.join(dict.fromkeys(extra))}")


def _more_specific(
    extra_a: list[str], extra_b: list[str], side_a: str, side_b: str, outcome: _Outcome, names: NameMatcher
) -> None:
    """An organisation on one side that belongs to one on the other is the more specific of the
    two, not a name only one side gives ("Microsoft" against 微软亚洲研究院). Both leave the extras."""
    for unit, wholes, side in ((extra_a, extra_b, side_a), (extra_b, extra_a, side_b)):
        for name in list(unit):
            whole = next((other for other in wholes if names.part_of(name, other)), None)
            if whole is not None:
                outcome.details.append(f"org: {side} is more specific ({name} within {whole})")
                unit.remove(name)
                wholes.remove(whole)


def _side_labels(documents: Sequence[Document]) -> dict[str, str]:
    """ "EN"/"ZH" when each language has one source, else the document id."""
    languages = [document.lang for document in documents]
    return {
        document.id: document.lang.upper() if languages.count(document.lang) == 1 else document.id
        for document in documents
    }


def compare_claims(
    a: Claim, b: Claim, labels: dict[str, str], published: dict[str, DateValue | None]
) -> tuple[Verdict, tuple[str, ...]]:
    """The verdict on two claims and its reasons (`labels` name each document in the reasons)."""
    outcome = _compare(a, b, labels, published, NameMatcher())
    reasons = {"conflict": outcome.conflicts, "adds_detail": outcome.details, "agree": outcome.agreements}
    return outcome.verdict, tuple(reasons[outcome.verdict])


def _later_side(a: Claim, b: Claim) -> int | None:
    """Which claim may report a later event: the one that is not the first of its family."""
    for first, then, side in ((a, b, 1), (b, a, 0)):
        kind = EVENT_TYPES.get(first.event or "")
        other = EVENT_TYPES.get(then.event or "")
        if kind and other and kind.first_of == other.family and then.event != first.event:
            return side
    return None


@dataclass(frozen=True, slots=True)
class _Context:
    """What the rest of a claim's sentence states: the other side may put it in this claim."""

    dates: tuple[DateValue, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    persons: tuple[str, ...] = ()


def _context(claim: Claim, siblings: Sequence[Claim]) -> _Context:
    slots = [slot for other in siblings if other.id != claim.id for slot in other.slots]
    return _Context(
        tuple(slot.value for slot in slots if isinstance(slot.value, DateValue)),
        tuple(slot.value for slot in slots if isinstance(slot.value, Quantity)),
        tuple(slot.value.value for slot in slots if slot.kind == "person" and isinstance(slot.value, Entity)),
    )


def _compare(
    a: Claim,
    b: Claim,
    labels: dict[str, str],
    published: dict[str, DateValue | None],
    names: NameMatcher,
    contexts: tuple[_Context, _Context] = (_Context(), _Context()),
) -> _Outcome:
    outcome = _Outcome()
    side_a, side_b = labels[a.doc], labels[b.doc]
    context_a, context_b = contexts
    periods = _different_periods(a, b)
    _compare_dates(
        [s.value for s in a.slots_of("date") if isinstance(s.value, DateValue)],
        [s.value for s in b.slots_of("date") if isinstance(s.value, DateValue)],
        side_a,
        side_b,
        outcome,
        (context_a.dates, context_b.dates),
        _later_side(a, b),
        periods,
    )
    _compare_quantities(
        [s.value for s in a.slots_of("quantity") if isinstance(s.value, Quantity)],
        [s.value for s in b.slots_of("quantity") if isinstance(s.value, Quantity)],
        side_a,
        side_b,
        outcome,
        (context_a.quantities, context_b.quantities),
        periods,
    )
    _compare_entities(a, b, side_a, side_b, outcome, names, (context_a.persons, context_b.persons))
    event = EVENT_TYPES.get(a.event or b.event or "")
    pub_a, pub_b = published[a.doc], published[b.doc]
    if (
        outcome.conflicts
        and event is not None
        and event.state
        and pub_a
        and pub_b
        and pub_a.label[:7] != pub_b.label[:7]
    ):
        first, second = sorted((pub_a.label[:7], pub_b.label[:7]))
        outcome.conflicts.append(f"may be outdated: sources published {first} and {second}")
    return outcome


# A date spanning more than this many days is a period a figure may be measured over.
_PERIOD_DAYS = 31


def _different_periods(a: Claim, b: Claim) -> tuple[DateValue, DateValue] | None:
    """The periods the two claims measure, when each gives one and they differ: 4.6% "in the
    third quarter" and 4.8% 前三季度 (January to September) are two figures, not one told two
    ways. A period is a closed span of more than a month; a day or a month is a point in time,
    so 2021 against 2021-10 can still be one event dated twice."""
    spans = []
    for claim in (a, b):
        periods = [
            s.value
            for s in claim.slots_of("date")
            if isinstance(s.value, DateValue)
            and s.value.low != OPEN_PAST
            and s.value.high != OPEN_FUTURE
            and (s.value.high - s.value.low).days > _PERIOD_DAYS
        ]
        if len(periods) != 1:
            return None
        spans.append(periods[0])
    first, second = spans
    return None if (first.low, first.high) == (second.low, second.high) else (first, second)


def _fact(claims: Sequence[Claim], disputed: Sequence[str]) -> str:
    subject = next((c.subject for c in claims if c.subject), None)
    event = next((c.event for c in claims if c.event), None)
    parts = [subject or "unnamed subject", (event or "statement").replace("_", " ")]
    if disputed:
        parts.append(", ".join(dict.fromkeys(disputed)))
    return " · ".join(parts)


def judge(
    documents: Sequence[Document],
    claims: Sequence[Claim],
    alignments: Sequence[Alignment],
    conflict_score: float = 0.0,
    names: NameMatcher | None = None,
) -> tuple[Finding, ...]:
    """A finding per alignment and per claim left one-sided, conflicts first, with ids F001…

    A conflict needs a confident pairing: below `conflict_score` the two claims may not
    talk about the same thing, and their disagreement is reported as added detail that
    says so instead of as a conflict. `names` decides who and what is the same across
    sources (the same matcher that aligned them).
    """
    names = names or NameMatcher()
    by_id = {claim.id: claim for claim in claims}
    labels = _side_labels(documents)
    published = {document.id: document.published for document in documents}
    drafts: list[Finding] = []
    aligned: set[str] = set()
    sentences: dict[tuple[str, int], list[Claim]] = defaultdict(list)
    for claim in claims:
        sentences[claim.doc, claim.sentence].append(claim)
    for alignment in alignments:
        members = [by_id[claim_id] for claim_id in alignment.claims]
        aligned.update(alignment.claims)
        outcomes = [
            _compare(
                a,
                b,
                labels,
                published,
                names,
                (_context(a, sentences[a.doc, a.sentence]), _context(b, sentences[b.doc, b.sentence])),
            )
            for a, b in itertools.combinations(members, 2)
        ]
        verdict = min((outcome.verdict for outcome in outcomes), key=VERDICTS.index)
        chosen = {"conflict": "conflicts", "adds_detail": "details", "agree": "agreements"}[verdict]
        reasons = tuple(dict.fromkeys(reason for outcome in outcomes for reason in getattr(outcome, chosen)))
        agreements = tuple(dict.fromkeys(reason for outcome in outcomes for reason in outcome.agreements))
        disputed = [kind for outcome in outcomes for kind in outcome.disputed]
        if verdict == "conflict" and (alignment.score or 0.0) < conflict_score:
            verdict = "adds_detail"
            doubt = f"uncertain pairing (score {alignment.score:.2f} < {conflict_score:.2f}), so not called a conflict"
            reasons = (doubt, *reasons)
        drafts.append(
            Finding(
                "",
                verdict,
                alignment.claims,
                alignment.similarity,
                reasons or ("same event, no slot disagrees",),
                _fact(members, disputed),
                alignment.score,
                agreements,
            )
        )
    for claim in claims:
        if claim.id not in aligned:
            reason = f"only {labels[claim.doc]} reports this; no matching claim in the other source(s)"
            drafts.append(Finding("", "adds_detail", (claim.id,), None, (reason,), _fact([claim], [])))
    order = {claim.id: index for index, claim in enumerate(claims)}
    drafts.sort(key=lambda d: (VERDICTS.index(d.verdict), len(d.claims) == 1, order[d.claims[0]]))
    return tuple(replace(draft, id=f"F{index:03d}") for index, draft in enumerate(drafts, start=1))
