"""Incidents written by hand for the analysis tests."""

from __future__ import annotations

import datetime as dt

from fogwatch.records import (
    Actor,
    Certainty,
    Claim,
    Fatalities,
    Incident,
    Place,
    Plover,
    Report,
    Source,
    Span,
    When,
)

RUS_MIL = Actor("Military Forces of Russia", "RUS-MIL", "RUS", "military")
TUR_MIL = Actor("Military Forces of Turkey", "TUR-MIL", "TUR", "military")
SYR_MIL = Actor("Military Forces of Syria", "SYR-MIL", "SYR", "military")
HTS = Actor("Hayat Tahrir al-Sham", "HTS", "SYR", "rebel")
TUR_GOV = Actor("Government of Turkey", "TUR-GOV", "TUR", "government")
RUS_GOV = Actor("Government of Russia", "RUS-GOV", "RUS", "government")
KANSAFRA = Place("Kansafra", "Idlib", None, "SYR", 35.66, 36.48, 169304, "PPL", 1)

STRIKE = ("Explosions/Remote violence", "Air/drone strike", Plover("ASSAULT", "aerial"))
CLASH = ("Battles", "Armed clash", Plover("FIGHT", None))
THREAT = (None, None, Plover("THREATEN", None))
TALKS = (None, None, Plover("CONSULT", None))


def report(doc: str, published: str, certainty: Certainty = "reported",
           killed: int | None = None, source: str = "Example Wire") -> Report:
    claim = Claim(id=f"{doc}-claim", source=Source(source, "media"), via=(source,),
                  certainty=certainty, span=Span(0, 12, f"{source} said"))
    return Report(event_id=f"{doc}-e", doc_id=doc, published=dt.date.fromisoformat(published),
                  source=source, certainty=certainty,
                  fatalities=Fatalities(killed, killed, killed) if killed is not None else None,
                  claims=(claim,))


def incident(name: str, day: str, kind: tuple[str | None, str | None, Plover],
             actors1: tuple[Actor, ...], actors2: tuple[Actor, ...], killed: int | None = None,
             reports: tuple[Report, ...] = (), certainty: Certainty = "reported",
             denied_by: tuple[str, ...] = ()) -> Incident:
    start = dt.date.fromisoformat(day)
    reports = reports or (report(f"doc-{name}", day, killed=killed),)
    return Incident(
        id=f"inc-{name}", events=tuple(r.event_id for r in reports), event_type=kind[0],
        sub_event_type=kind[1], plover=kind[2], place=KANSAFRA,
        when=When(start, start, "day"),
        fatalities=Fatalities(killed, killed, killed) if killed is not None else None,
        certainty=certainty, first_reported=min(r.published for r in reports if r.published),
        confirmed_at=None, actors1=actors1, actors2=actors2, denied_by=denied_by,
        reports=reports)
