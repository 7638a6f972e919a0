"""Event types shared by all languages, and what each implies for judging.

A language module maps its predicates onto these ids; the judge reads the properties
here. `state` marks facts that change over time (an employer, a manager, a head
count), so two sources published at different times may both have been right.
`object_kinds` names the slot kinds that fill the event's object role and hold one value
at a time: someone reports to one manager, so two different managers conflict.
`opposite` names the event that undoes this one (joining and leaving a company): claims
with opposite events are about different things even when everything else matches.
`first_of` marks an event that is the first of a family ("first released" is the
earliest release): a later event of that family does not contradict its date.
`family` groups event types a translation may render with each other's predicates (a
release and a launch, joining and holding a role); claims of different families are
about different things (a departure is never a release). `personal` events have a
person as their subject, so a sentence that names no one
(common in Chinese, which drops subjects) continues with the person last written about.
"""

from __future__ import annotations

from dataclasses import dataclass

from reconcile.model import SlotKind


@dataclass(frozen=True, slots=True)
class EventType:
    name: str
    family: str
    state: bool
    object_kinds: tuple[SlotKind, ...] = ()
    personal: bool = False
    opposite: str | None = None
    first_of: str | None = None


EVENT_TYPES: dict[str, EventType] = {
    event.name: event
    for event in (
        EventType("join", "employment", state=True, personal=True, opposite="leave"),
        EventType("leave", "departure", state=False, personal=True, opposite="join"),
        EventType("report_to", "reporting", state=True, personal=True, object_kinds=("person",)),
        EventType("hold_role", "employment", state=True, personal=True),
        EventType("lead", "employment", state=True),
        EventType("debut", "debut", state=False, first_of="milestone"),
        EventType("release", "milestone", state=False),
        EventType("launch", "milestone", state=False),
        EventType("graduate", "education", state=False, personal=True),
        EventType("study", "education", state=False, personal=True),
        EventType("publish", "publication", state=False, personal=True),
        EventType("found", "founding", state=False),
        EventType("invest", "finance", state=False),
        EventType("train", "milestone", state=False),
        EventType("award", "recognition", state=False),
        EventType("reach", "milestone", state=False),
        EventType("announce", "milestone", state=False),
        EventType("acquire", "finance", state=False),
        EventType("hold_event", "gathering", state=False),
        EventType("die", "death", state=False, personal=True),
        EventType("arrest", "legal", state=False, personal=True),
        EventType("visit", "gathering", state=False),
        EventType("sign", "agreement", state=False),
        EventType("grow", "milestone", state=False),
        EventType("team_size", "headcount", state=True),
    )
}
