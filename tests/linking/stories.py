"""Stories written for the linking tests: each a Document with the events read from it.

The events are built by hand (not by the pipeline), so a test shows exactly what the linker was
given; the places are real (GeoNames coordinates).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from fogwatch.linking import Mention, mention_of
from fogwatch.records import (
    Actor,
    Certainty,
    Claim,
    Document,
    Event,
    Fatalities,
    Place,
    Plover,
    Precision,
    Source,
    SourceKind,
    Span,
    When,
)

KANSAFRA = Place("Kansafra", "Idlib", None, "SYR", 35.6599, 36.4849, 169304, "PPL", 1)
KAFR_NABL = Place("Kafr Nabl", "Idlib", None, "SYR", 35.6136, 36.5614, 169577, "PPL", 1)
IDLIB_CITY = Place("Idlib", "Idlib", None, "SYR", 35.9306, 36.6339, 169389, "PPLA", 1)
IDLIB_PROVINCE = Place("Idlib", "Idlib", None, "SYR", 35.8333, 36.6667, 169388, "ADM1", 3)
ANKARA = Place("Ankara", "Ankara", None, "TUR", 39.9199, 32.8543, 323786, "PPLC", 1)

TUR_MIL = Actor("Military Forces of Turkey", "TUR-MIL", "TUR", "military")
RUS_MIL = Actor("Military Forces of Russia", "RUS-MIL", "RUS", "military")
SYR_MIL = Actor("Military Forces of Syria", "SYR-MIL", "SYR", "military")
PROTESTERS = Actor("Protesters (Syria)", None, "SYR", "protesters")

AIR_STRIKE = ("Explosions/Remote violence", "Air/drone strike", Plover("ASSAULT", "aerial"))
ATTACK = ("Violence against civilians", "Attack", Plover("ASSAULT", None))
PROTEST = ("Protests", "Peaceful protest", Plover("PROTEST", None))


@dataclass(frozen=True)
class Told:
    """One event as a story tells it."""

    kind: tuple[str | None, str | None, Plover] = AIR_STRIKE
    place: Place | None = KANSAFRA
    day: dt.date | None = None
    precision: Precision = "day"
    killed: Fatalities | None = None
    certainty: Certainty = "reported"
    source: tuple[str, SourceKind] | None = None
    actors1: tuple[Actor, ...] = (RUS_MIL,)
    actors2: tuple[Actor, ...] = (TUR_MIL,)


def story(name: str, published: str, *told: Told, outlet: str = "Example Wire",
          text: str = "") -> list[Mention]:
    """The mentions of a story published on `published` (YYYY-MM-DD) telling `told`."""
    day = dt.date.fromisoformat(published)
    document = Document(id=f"doc-{name}", text=text or f"A story called {name}.",
                        published=day, source=outlet)
    return [mention_of(_event(document, n, t), document) for n, t in enumerate(told)]


def _event(document: Document, n: int, told: Told) -> Event:
    event_type, sub_event_type, plover = told.kind
    start = told.day or document.published
    assert start is not None
    end = start
    if told.precision == "week":
        start, end = start - dt.timedelta(days=start.weekday()), start + dt.timedelta(
            days=6 - start.weekday())
    claims: tuple[Claim, ...] = ()
    if told.source is not None:
        name, kind = told.source
        claims = (Claim(id=f"{document.id}-c{n}", source=Source(name, kind), via=(name,),
                        certainty=told.certainty, span=Span(0, 1, "A")),)
    return Event(
        id=f"{document.id}-e{n}", doc_id=document.id, event_type=event_type,
        sub_event_type=sub_event_type, plover=plover, actors1=told.actors1,
        actors2=told.actors2, place=told.place,
        when=When(start, end, told.precision), claims=claims, certainty=told.certainty,
        fatalities=told.killed,
    )


def killed(best: int, low: int | None = None, high: int | None = -1) -> Fatalities:
    """A killed figure; `high=-1` (default) means the same as best, None means open above."""
    return Fatalities(low=best if low is None else low, best=best,
                      high=best if high == -1 else high)
