"""Dyads and their daily series.

A dyad is an ordered pair (side 1, side 2): the countries of an incident's actors1 and actors2
("RUS:TUR": Russian forces acting on Turkish ones), or their actor ids ("RUS-MIL:TUR-MIL").
A series counts incidents, not reports, so one strike told by a dozen outlets counts once:
events by ACLED type, fatalities low/best/high, and the verbal conflict (THREATEN, DEMAND,
ACCUSE, REJECT) and cooperation (CONSULT, AGREE) of data/analysis_plover_classes.csv.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from fogwatch.errors import InputError
from fogwatch.lexicons import read_table
from fogwatch.records import Actor, Incident

__all__ = [
    "Dyad",
    "DyadDay",
    "DyadSeries",
    "Side",
    "dyad_series",
    "dyads_of",
    "incident_day",
    "known_dyads",
    "parse_dyad",
    "plover_class",
]

Dyad = tuple[str, str]
Side = Literal["country", "id"]


@dataclass(frozen=True, slots=True)
class DyadDay:
    """One day of a dyad: incidents by ACLED event type (PLOVER type when it has none),
    killed low/best/high summed over them, verbal conflict and cooperation counts."""

    day: dt.date
    events_by_type: tuple[tuple[str, int], ...] = ()
    fatalities_low: int = 0
    fatalities_best: int = 0
    fatalities_high: int = 0
    verbal_conflict: int = 0
    cooperation: int = 0
    incident_ids: tuple[str, ...] = ()

    @property
    def material(self) -> int:
        """Incidents that were done, not said (neither verbal conflict nor cooperation)."""
        return len(self.incident_ids) - self.verbal_conflict - self.cooperation


@dataclass(frozen=True, slots=True)
class DyadSeries:
    """A dyad's daily rows, every day from its first incident to its last (quiet days zero)."""

    dyad: Dyad
    side: Side
    days: tuple[DyadDay, ...]

    @property
    def label(self) -> str:
        return f"{self.dyad[0]}:{self.dyad[1]}"


def parse_dyad(text: str) -> Dyad:
    """"RUS:TUR" -> ("RUS", "TUR"); an InputError saying how to write one otherwise."""
    parts = [p.strip().upper() for p in text.split(":")]
    if len(parts) != 2 or not all(parts):
        raise InputError(f"{text!r} is not a dyad; write two sides with a colon, e.g. "
                            "RUS:TUR (countries) or RUS-MIL:TUR-MIL (actor ids)")
    return parts[0], parts[1]


def incident_day(incident: Incident) -> dt.date | None:
    """The day an incident is counted on: its start, else the day it was first reported."""
    if incident.when is not None and incident.when.start is not None:
        return incident.when.start
    return incident.first_reported


def dyads_of(incident: Incident, side: Side = "country") -> set[Dyad]:
    """The ordered dyads an incident belongs to (both sides known)."""
    first = {_side(a, side) for a in incident.actors1} - {None}
    second = {_side(a, side) for a in incident.actors2} - {None}
    return {(a, b) for a in first for b in second if a is not None and b is not None}


def known_dyads(incidents: Iterable[Incident], side: Side = "country") -> list[tuple[Dyad, int]]:
    """Every dyad with its number of incidents, the busiest first."""
    counts: Counter[Dyad] = Counter(d for i in incidents for d in dyads_of(i, side))
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def dyad_series(incidents: Iterable[Incident], dyad: Dyad,
                side: Side | None = None) -> DyadSeries:
    """The daily series of `dyad` over `incidents` (see DyadSeries).

    `side` says whether the dyad names countries or actor ids; by default, ids when either side
    has a hyphen ("TUR-MIL"), countries otherwise.
    """
    side = side or ("id" if any("-" in s for s in dyad) else "country")
    by_day: dict[dt.date, list[Incident]] = defaultdict(list)
    for incident in incidents:
        day = incident_day(incident)
        if day is not None and dyad in dyads_of(incident, side):
            by_day[day].append(incident)
    if not by_day:
        return DyadSeries(dyad, side, ())
    first, last = min(by_day), max(by_day)
    days = [_day(first + dt.timedelta(days=n), by_day.get(first + dt.timedelta(days=n), []))
            for n in range((last - first).days + 1)]
    return DyadSeries(dyad, side, tuple(days))


def plover_class(incident: Incident) -> str:
    """"verbal_conflict", "cooperation" or "material" (done, not said)."""
    plover = incident.plover.event if incident.plover is not None else None
    return _classes().get(plover or "", "material")


def _day(day: dt.date, incidents: Sequence[Incident]) -> DyadDay:
    types: Counter[str] = Counter()
    low = best = high = verbal = cooperation = 0
    for incident in sorted(incidents, key=lambda i: i.id):
        label = incident.event_type or (incident.plover.event if incident.plover else "Other")
        types[label] += 1
        kind = plover_class(incident)
        verbal += kind == "verbal_conflict"
        cooperation += kind == "cooperation"
        f = incident.fatalities
        if f is not None and f.best is not None:
            best += f.best
            low += f.low if f.low is not None else f.best
            high += f.high if f.high is not None else f.best
    return DyadDay(day=day, events_by_type=tuple(sorted(types.items())), fatalities_low=low,
                   fatalities_best=best, fatalities_high=high, verbal_conflict=verbal,
                   cooperation=cooperation,
                   incident_ids=tuple(sorted(i.id for i in incidents)))


def _side(actor: Actor, side: Side) -> str | None:
    return actor.country if side == "country" else actor.id


@functools.lru_cache(maxsize=1)
def _classes() -> dict[str, str]:
    return {row["plover"]: row["class"] for row in read_table("analysis_plover_classes.csv")}
