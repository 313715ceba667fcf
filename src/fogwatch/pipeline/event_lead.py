"""The story's main event: which of its sentences' events leads, and how a protest story's
lead takes the handling of the crowd told in the sentences after it.

A main event yields to a graver one told beside it (`events_precedence.csv`); a protest's lead
is escalated to the gravest handling told anywhere in the story, and the rule that did it is
recorded as the event's `typed_by`, with the other event's trigger as the words it rested on.
"""

from __future__ import annotations

import dataclasses
import functools

from fogwatch import lexicons
from fogwatch.pipeline.event_parties import ARMED
from fogwatch.records import ACLED_TAXONOMY, Event, Evidence

__all__ = ["PROTEST_ESCALATION", "escalate"]

PROTEST_ESCALATION = ("Peaceful protest", "Protest with intervention",
                      "Excessive force against protesters")


@functools.lru_cache(maxsize=1)
def _precedence() -> dict[str, frozenset[str]]:
    """Main sub-type -> the event types or sub-types told beside it that lead instead (or the
    PLOVER events of typeless violence that do)."""
    table: dict[str, set[str]] = {}
    for row in lexicons.read_table("events_precedence.csv"):
        table.setdefault(row["main_sub_event_type"], set()).add(row["yields_to"])
    return {main: frozenset(others) for main, others in table.items()}


def _graver(event: Event, graver: frozenset[str]) -> bool:
    """Whether an event is of a type or sub-type listed as graver, or is typeless violence
    (`event_type` None) of a listed PLOVER event ("ASSAULT": a shooting ACLED leaves out)."""
    if event.event_type is None:
        return event.plover is not None and event.plover.event in graver
    return event.event_type in graver or event.sub_event_type in graver


def _yield_lead(events: list[Event]) -> list[Event]:
    """The main event gives the lead to a graver one told beside it (weapons seized after a
    clash: the clash; people taken as others are killed: the attack; a gun recovered after a
    shooting: the shooting)."""
    graver = _precedence().get(events[0].sub_event_type or "", frozenset())
    for i, event in enumerate(events[1:], start=1):
        if _graver(event, graver):
            return [event, *events[:i], *events[i + 1:]]
    if events[0].sub_event_type == "Attack" and not events[0].actors2:
        # an attack with no victim named, then armed sides fighting: the attack opened a battle
        for i, event in enumerate(events[1:], start=1):
            if event.sub_event_type == "Armed clash" and event.plover is not None and (
                    event.plover.event == "FIGHT") and any(
                    a.sector in ARMED for a in event.actors2):
                return [event, *events[:i], *events[i + 1:]]
    return events


def _told_by(main: Event, other: Event, rule: str, sub: str) -> Event:
    """The main event retyped as `sub` by a story-level rule resting on `other`'s trigger."""
    words = tuple(Evidence("event_type", e.span) for e in other.evidence if e.field == "event")
    event_type = next(t for t, subs in ACLED_TAXONOMY.items() if sub in subs)
    return dataclasses.replace(main, event_type=event_type, sub_event_type=sub, typed_by=rule,
                               evidence=main.evidence + words)


def escalate(events: list[Event], story_protest: bool) -> list[Event]:
    """The main event yields to a graver one told beside it (`events_precedence.csv`).

    A protest story's main event takes the gravest handling of the crowd told anywhere in it
    ("... gathered in the square. Police detained ten of them." is a protest with intervention);
    a crowd that turns violent itself makes it a violent demonstration, whoever intervened.
    """
    if not events:
        return events
    events = _yield_lead(events)
    if events[0].sub_event_type not in PROTEST_ESCALATION[:2]:
        return events
    if story_protest:
        violent = next((e for e in events[1:] if e.sub_event_type == "Violent demonstration"),
                       None)
        if violent is not None:
            main = _told_by(events[0], violent, "story escalation: violent crowd",
                            "Violent demonstration")
            return [main, *events[1:]]
    level = PROTEST_ESCALATION.index(events[0].sub_event_type or "")
    gravest = None
    for event in events[1:]:
        sub = event.sub_event_type
        if sub == "Arrests" and story_protest:
            sub = "Protest with intervention"
        if sub in PROTEST_ESCALATION and PROTEST_ESCALATION.index(sub) > level:
            level, gravest = PROTEST_ESCALATION.index(sub), event
    if gravest is None:
        return events
    main = _told_by(events[0], gravest, "story escalation: gravest handling",
                    PROTEST_ESCALATION[level])
    return [main, *events[1:]]
