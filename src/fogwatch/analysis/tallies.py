"""Cumulative tallies against the incidents linked: "16 Turkish soldiers killed since December"
beside the sum of the linked incidents that killed Turkish forces since then.

A tally is a cumulative figure (`Figure.cumulative`: its own record, never part of one event's
toll). Its victims' country is read from its `who` ("Turkish soldiers" -> TUR, through the
country and demonym tables); the incidents compared are those whose second side (the side
acted upon) has that country, dated from the tally's `since` (else from the beginning) to the
day the tally was published. A gap between the two is itself a finding: incidents never
reported, or reported and not linked, or a tally that counts more than killings.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from fogwatch.analysis.dyads import incident_day
from fogwatch.lexicons import alias_key, country_codes
from fogwatch.records import Figure, Incident

__all__ = ["Tally", "TallyGap", "tally_country", "tally_gaps"]

_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]+")


@dataclass(frozen=True, slots=True)
class Tally:
    """A cumulative figure and the report that told it."""

    figure: Figure
    doc_id: str
    published: dt.date | None


@dataclass(frozen=True, slots=True)
class TallyGap:
    """The latest tally for a country's losses since a date, and what the incidents add up to."""

    country: str
    kind: str
    since: dt.date | None
    as_of: dt.date
    told: int
    linked: int
    incident_ids: tuple[str, ...]
    doc_id: str
    text: str | None

    @property
    def gap(self) -> int:
        """How many more the tally counts than the linked incidents (negative: fewer)."""
        return self.told - self.linked


def tally_country(figure: Figure) -> str | None:
    """The country of a tally's victims, from its `who` (None when it names none)."""
    words = _WORD.findall(figure.who or "")
    codes = country_codes()
    for size in (3, 2, 1):
        for n in range(len(words) - size + 1):
            code = codes.get(alias_key(" ".join(words[n:n + size])))
            if code is not None:
                return code
    return None


def tally_gaps(tallies: Iterable[Tally], incidents: Sequence[Incident]) -> list[TallyGap]:
    """For each (country, kind, since), its latest tally beside the linked incidents' sum of
    best killed (only killed tallies are compared: incidents reconcile killed counts only)."""
    latest: dict[tuple[str, str, dt.date | None], Tally] = {}
    for tally in tallies:
        figure, country = tally.figure, tally_country(tally.figure)
        if (not figure.cumulative or figure.kind != "killed" or figure.best is None
                or tally.published is None or country is None):
            continue
        key = (country, figure.kind, figure.since)
        held = latest.get(key)
        if held is None or (tally.published, tally.doc_id) > (held.published or dt.date.min,
                                                              held.doc_id):
            latest[key] = tally
    gaps = [_gap(key, tally, incidents) for key, tally in latest.items()]
    return sorted(gaps, key=lambda g: (g.country, g.since or dt.date.min, g.as_of))


def _gap(key: tuple[str, str, dt.date | None], tally: Tally,
         incidents: Sequence[Incident]) -> TallyGap:
    country, kind, since = key
    as_of = tally.published or dt.date.max
    matched = [i for i in incidents
               if (day := incident_day(i)) is not None and (since is None or day >= since)
               and day <= as_of and any(a.country == country for a in i.actors2)
               and i.fatalities is not None and i.fatalities.best]
    linked = sum(i.fatalities.best or 0 for i in matched if i.fatalities is not None)
    figure = tally.figure
    return TallyGap(country=country, kind=kind, since=since, as_of=as_of,
                    told=figure.best or 0, linked=linked,
                    incident_ids=tuple(sorted(i.id for i in matched)), doc_id=tally.doc_id,
                    text=figure.span.text if figure.span is not None else None)
