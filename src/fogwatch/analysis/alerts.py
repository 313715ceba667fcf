"""Escalation alerts, each tied to its incidents and the words behind them.

Four kinds:
- `first_direct_clash`: the first incident in which two different states' forces (sectors in
  data/analysis_state_sectors.csv) act on each other with violence;
- `above_baseline`: a dyad's incidents done (not said) or its best fatalities over the last
  `WINDOW_DAYS` days far above its own trailing baseline. With x the window's total and m the
  mean of the same total over the `BASELINE_DAYS` days before the window (scaled to the window),
  the alert fires when x >= `MIN_WINDOW_TOTAL` and x > m + `SIGMAS` * sqrt(m + 1): a Poisson
  three-sigma test, with one added so that a dyad quiet until now needs a real jump. A dyad
  needs a full baseline (its first incident at least `BASELINE_DAYS` days before the window);
  the alert fires on the first day of a run above, not again until the value has fallen back;
- `confirmed_far_above`: a confirmed figure at least `FAR_ABOVE_RATIO` times (and
  `FAR_ABOVE_MIN` more than) the highest figure reported before the confirmation;
- `denied_then_confirmed`: an incident denied in one report and confirmed in a later one.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from fogwatch.analysis.dyads import (
    Dyad,
    DyadSeries,
    dyad_series,
    dyads_of,
    incident_day,
    plover_class,
)
from fogwatch.lexicons import read_table
from fogwatch.records import Incident

__all__ = [
    "BASELINE_DAYS",
    "FAR_ABOVE_MIN",
    "FAR_ABOVE_RATIO",
    "MIN_WINDOW_TOTAL",
    "SIGMAS",
    "WINDOW_DAYS",
    "Alert",
    "alerts",
    "baseline_alerts",
]

WINDOW_DAYS = 7
BASELINE_DAYS = 28
SIGMAS = 3.0
MIN_WINDOW_TOTAL = 3
FAR_ABOVE_RATIO = 2.0
FAR_ABOVE_MIN = 3
_VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence",
                            "Violence against civilians", "Riots"})


@dataclass(frozen=True, slots=True)
class Alert:
    """Something an analyst should look at: its kind, dyad ("RUS:TUR" sides, None when it is
    about one incident without a dyad), day, incidents, a sentence saying why, and the words
    of the claims behind it as (document content hash, text) pairs."""

    kind: str
    dyad: Dyad | None
    date: dt.date
    incident_ids: tuple[str, ...]
    why: str
    evidence: tuple[tuple[str, str], ...] = ()


def alerts(incidents: Iterable[Incident]) -> list[Alert]:
    """Every alert over `incidents`, oldest first (then by kind and dyad)."""
    found = list(incidents)
    result = [*_first_direct_clashes(found), *_confirmations(found)]
    for dyad, _ in _dyads(found):
        result.extend(baseline_alerts(dyad_series(found, dyad, "country"), found))
    return sorted(result, key=lambda a: (a.date, a.kind, a.dyad or ("", ""), a.incident_ids))


def baseline_alerts(series: DyadSeries, incidents: Sequence[Incident] = ()) -> list[Alert]:
    """`above_baseline` alerts of one dyad's series (module docstring for the statistic)."""
    by_id = {i.id: i for i in incidents}
    result: list[Alert] = []
    for measure, label in (("material", "incidents of violence"),
                           ("fatalities_best", "people killed")):
        values = [getattr(day, measure) for day in series.days]
        above = False
        for n, day in enumerate(series.days):
            window = sum(values[max(0, n - WINDOW_DAYS + 1):n + 1])
            before = values[max(0, n - WINDOW_DAYS - BASELINE_DAYS + 1):
                            max(0, n - WINDOW_DAYS + 1)]
            mean = sum(before) * WINDOW_DAYS / BASELINE_DAYS
            now = (len(before) == BASELINE_DAYS and window >= MIN_WINDOW_TOTAL
                   and window > mean + SIGMAS * math.sqrt(mean + 1))
            if now and not above:
                ids = tuple(sorted({i for d in series.days[max(0, n - WINDOW_DAYS + 1):n + 1]
                                    for i in d.incident_ids}))
                result.append(Alert(
                    kind="above_baseline", dyad=series.dyad, date=day.day, incident_ids=ids,
                    why=(f"{series.label}: {window} {label} in the {WINDOW_DAYS} days to "
                         f"{day.day.isoformat()}, against {mean:.1f} expected from the "
                         f"{BASELINE_DAYS} days before"),
                    evidence=_evidence(by_id[i] for i in ids if i in by_id)))
            above = now
    return result


def _first_direct_clashes(incidents: Sequence[Incident]) -> list[Alert]:
    seen: set[frozenset[str]] = set()
    result = []
    for incident in sorted(incidents, key=lambda i: (incident_day(i) or dt.date.max, i.id)):
        day = incident_day(incident)
        if day is None or incident.event_type not in _VIOLENT_TYPES:
            continue
        for a, b in sorted(_state_dyads(incident)):
            pair = frozenset((a, b))
            if pair in seen:
                continue
            seen.add(pair)
            result.append(Alert(
                kind="first_direct_clash", dyad=(a, b), date=day, incident_ids=(incident.id,),
                why=(f"the first {incident.sub_event_type or incident.event_type} in which "
                     f"{a} state forces acted on {b} state forces ({_where(incident)})"),
                evidence=_evidence([incident])))
    return result


def _confirmations(incidents: Sequence[Incident]) -> list[Alert]:
    result = []
    for incident in incidents:
        dyad = min(dyads_of(incident), default=None)
        reports = sorted(incident.reports, key=lambda r: (r.published or dt.date.max, r.doc_id))
        confirmed = [r for r in reports if r.certainty == "confirmed" and r.published]
        if not confirmed:
            continue
        first = confirmed[0]
        denials = [r for r in reports if r.certainty == "denied" and r.published
                   and first.published and r.published <= first.published]
        if denials:
            who = ", ".join(incident.denied_by) or "a source"
            result.append(Alert(
                kind="denied_then_confirmed", dyad=dyad, date=first.published or dt.date.min,
                incident_ids=(incident.id,),
                why=(f"denied by {who} on {denials[0].published}, then confirmed on "
                     f"{first.published} ({_where(incident)})"),
                evidence=_evidence([incident])))
        figure = max((r.fatalities.best for r in confirmed
                      if r.fatalities is not None and r.fatalities.best is not None),
                     default=None)
        earlier = [r.fatalities.best for r in reports
                   if r.published and first.published and r.published < first.published
                   and r.certainty != "confirmed" and r.fatalities is not None
                   and r.fatalities.best is not None]
        if figure is not None and earlier:
            top = max(earlier)
            if figure >= FAR_ABOVE_RATIO * top and figure - top >= FAR_ABOVE_MIN:
                result.append(Alert(
                    kind="confirmed_far_above", dyad=dyad, date=first.published or dt.date.min,
                    incident_ids=(incident.id,),
                    why=(f"confirmed {figure} killed, against at most {top} in the reports "
                         f"before ({_where(incident)})"),
                    evidence=_evidence([incident])))
    return result


def _dyads(incidents: Sequence[Incident]) -> list[tuple[Dyad, int]]:
    counts: dict[Dyad, int] = {}
    for incident in incidents:
        if plover_class(incident) == "material":
            for dyad in dyads_of(incident):
                counts[dyad] = counts.get(dyad, 0) + 1
    return sorted(counts.items())


def _state_dyads(incident: Incident) -> set[Dyad]:
    sectors = _state_sectors()
    first = {a.country for a in incident.actors1 if a.country and a.sector in sectors}
    second = {a.country for a in incident.actors2 if a.country and a.sector in sectors}
    return {(a, b) for a in first for b in second if a != b}


def _where(incident: Incident) -> str:
    place = incident.place
    name = ", ".join(p for p in (place.name, place.country) if p) if place else "place unknown"
    return f"{name}; incident {incident.id}"


def _evidence(incidents: Iterable[Incident]) -> tuple[tuple[str, str], ...]:
    found: list[tuple[str, str]] = []
    for incident in incidents:
        for report in incident.reports:
            for claim in report.claims:
                if claim.span is not None and (report.doc_id, claim.span.text) not in found:
                    found.append((report.doc_id, claim.span.text))
    return tuple(found)


@functools.lru_cache(maxsize=1)
def _state_sectors() -> frozenset[str]:
    return frozenset(row["sector"] for row in read_table("analysis_state_sectors.csv"))
