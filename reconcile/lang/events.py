"""Event types shared by all languages, and what each implies for judging.

A language module maps its predicates onto these ids; the judge reads the properties
here. `state` marks facts that change over time (an employer, a manager, a head
count), so two sources published at different times may both have been right.
`object_kinds` names the slot kinds that fill the event's object role and hold one value
at a time: someone reports to one manager, so two different managers conflict.
`personal` events have a person as their subject, so a sentence that names no one
(common in Chinese, which drops subjects) continues with the person last written about.
"""

from __future__ import annotations

from dataclasses import dataclass

from reconcile.model import SlotKind


@dataclass(frozen=True, slots=True)
class EventType:
    name: str
    state: bool
    object_kinds: tuple[SlotKind, ...] = ()
    personal: bool = False


EVENT_TYPES: dict[str, EventType] = {
    event.name: event
    for event in (
        EventType("join", personal=True, state=True),
        EventType("leave", personal=True, state=False),
        EventType("report_to", personal=True, state=True, object_kinds=("person",)),
        EventType("hold_role", personal=True, state=True),
        EventType("lead", state=True),
        EventType("release", state=False),
        EventType("launch", state=False),
        EventType("graduate", personal=True, state=False),
        EventType("study", personal=True, state=False),
        EventType("publish", personal=True, state=False),
        EventType("found", state=False),
        EventType("invest", state=False),
        EventType("train", state=False),
        EventType("award", state=False),
        EventType("reach", state=False),
        EventType("announce", state=False),
        EventType("acquire", state=False),
        EventType("hold_event", state=False),
        EventType("die", personal=True, state=False),
        EventType("arrest", personal=True, state=False),
        EventType("visit", state=False),
        EventType("sign", state=False),
        EventType("grow", state=False),
        EventType("team_size", state=True),
    )
}
