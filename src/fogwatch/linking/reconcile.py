"""One incident from the mentions that tell it: figures, certainty and its history.

Fatalities follow DESIGN.md: `high` is the largest figure claimed; `low` the largest figure that
every credible claim supports (the smallest credible lower bound); `best` the figure of the most
authoritative claim (an official figure, confirmed or stated by the official body itself > a
named outlet's report > an opposition, anonymous or unconfirmed one), ties to the most recent
report. A denied report
supports no figure. Only killed counts enter: an event's `fatalities` never holds a
killed-or-wounded figure or a cumulative tally (pipeline/event_figures.py), so neither does an
incident's.

Certainty follows the strongest report (confirmed > reported > unconfirmed > denied), with the
day of the first report, of the first confirmation, and the names of those who denied it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from typing import TypeVar

from fogwatch.linking.mentions import Mention
from fogwatch.records import (
    Actor,
    Certainty,
    Claim,
    Event,
    Fatalities,
    Incident,
    Place,
    Report,
    When,
)

__all__ = ["AUTHORITY", "CERTAINTY_RANK", "authority", "incident_id", "reconcile"]

CERTAINTY_RANK: dict[Certainty, int] = {"confirmed": 3, "reported": 2, "unconfirmed": 1,
                                        "denied": 0}
# How much a report's figure weighs, by the kind of its strongest source.
AUTHORITY = {"official": 3, "military": 3, "igo": 3, "ngo": 2, "state_media": 2, "media": 2,
             "journalist": 2, "opposition_media": 1, "eyewitness": 1, "anonymous": 1}
# Sources at this authority (official, military, IGO) give official figures.
OFFICIAL = 3
# Reports at or above this authority are credible enough to bound `low`.
CREDIBLE = 2
_CONFIRMED_BONUS = 2
_NO_DATE = dt.date.min
H = TypeVar("H", bound=Hashable)


def incident_id(keys: Iterable[tuple[str, str]]) -> str:
    """A stable id for an incident: a hash of its first member's (document, event) key."""
    first = min(keys)
    return "inc-" + hashlib.sha256(f"{first[0]}/{first[1]}".encode()).hexdigest()[:16]


def authority(report: Report) -> int:
    """How much a report's figure counts: its strongest source's kind, more when confirmed.

    A report with no attributed source counts as a named outlet's (the story we read). An
    official body stating a figure itself ("the ministry said the toll rose to seven") gives an
    official figure, as confirmed as the one it gave before: the two rank alike, so the later
    one is best (DESIGN.md: ties to the most recent).
    """
    kinds = [c.source.kind for c in report.claims if c.source is not None]
    rank = max((AUTHORITY.get(k, 1) for k in kinds), default=2)
    if report.certainty == "confirmed" or (report.certainty == "reported"
                                           and rank >= OFFICIAL):
        rank += _CONFIRMED_BONUS
    elif report.certainty == "unconfirmed":
        rank = min(rank, 1)
    return rank


def reconcile(mentions: Sequence[Mention]) -> Incident:
    """The incident told by `mentions` (one cluster from linking/clustering.py)."""
    ordered = sorted(mentions, key=lambda m: m.key)
    reports = tuple(_report(m) for m in sorted(
        ordered, key=lambda m: (m.published or dt.date.max, m.key)))
    events = [m.event for m in ordered]
    certainty = max((r.certainty for r in reports), key=lambda c: CERTAINTY_RANK[c])
    published = [r.published for r in reports if r.published is not None]
    confirmed = [r.published for r in reports
                 if r.certainty == "confirmed" and r.published is not None]
    return Incident(
        id=incident_id(m.key for m in ordered),
        events=tuple(e.id for e in events),
        event_type=_most_common(e.event_type for e in events),
        sub_event_type=_most_common(e.sub_event_type for e in events),
        plover=_most_common(e.plover for e in events),
        place=_place(ordered),
        when=_when(ordered),
        fatalities=fatalities(reports),
        certainty=certainty,
        first_reported=min(published, default=None),
        confirmed_at=min(confirmed, default=None),
        claims=_claims(events),
        actors1=_actors(a for e in events for a in e.actors1),
        actors2=_actors(a for e in events for a in e.actors2),
        denied_by=_denied_by(reports),
        reports=reports,
    )


def fatalities(reports: Sequence[Report]) -> Fatalities | None:
    """Killed low / best / high over the reports' figures (module docstring)."""
    told = [r for r in reports if r.fatalities is not None and r.certainty != "denied"
            and r.fatalities.best is not None]
    if not told:
        return None
    highs = [_upper(r) for r in told]
    credible = [r for r in told if authority(r) >= CREDIBLE] or told
    lows = [r.fatalities.low if r.fatalities and r.fatalities.low is not None else 0
            for r in credible]
    best_report = max(told, key=lambda r: (authority(r), r.published or _NO_DATE,
                                           r.fatalities.best if r.fatalities else 0, r.doc_id))
    best = best_report.fatalities.best if best_report.fatalities else None
    low = min(min(lows), best) if best is not None else min(lows)
    high = None if any(h is None for h in highs) else max(h for h in highs if h is not None)
    if high is not None and best is not None:
        high = max(high, best)
    return Fatalities(low=low, best=best, high=high)


def _upper(report: Report) -> int | None:
    f = report.fatalities
    if f is None:
        return 0
    return f.high if f.high is not None else (None if f.low != f.best else f.best)


def _report(m: Mention) -> Report:
    event = m.event
    return Report(event_id=event.id, doc_id=event.doc_id, published=m.published,
                  source=m.source, certainty=event.certainty, fatalities=event.fatalities,
                  claims=event.claims)


def _most_common(values: Iterable[H | None]) -> H | None:
    """The most frequent value; ties to the one seen first (mentions come sorted by key)."""
    counts = Counter(v for v in values if v is not None)
    if not counts:
        return None
    order = {value: n for n, value in enumerate(counts)}
    return max(counts.items(), key=lambda kv: (kv[1], -order[kv[0]]))[0]


def _place(mentions: Sequence[Mention]) -> Place | None:
    places = [m.event.place for m in mentions if m.event.place is not None]
    if not places:
        return None
    finest = min(p.precision for p in places)
    counts = Counter((p.geonameid, p.name, p.country) for p in places if p.precision == finest)
    top = max(counts.items(), key=lambda kv: (kv[1], str(kv[0])))[0]
    return next(p for p in places if (p.geonameid, p.name, p.country) == top)


_PRECISION_ORDER = {"day": 0, "week": 1, "month": 2, "year": 3, "unknown": 4}


def _when(mentions: Sequence[Mention]) -> When | None:
    dated = [m.event.when for m in mentions
             if m.event.when is not None and m.event.when.start is not None]
    if not dated:
        return None
    finest = min(_PRECISION_ORDER[w.precision] for w in dated)
    counts = Counter((w.start, w.end, w.precision) for w in dated
                     if _PRECISION_ORDER[w.precision] == finest)
    (start, end, precision), _ = max(counts.items(),
                                     key=lambda kv: (kv[1], -kv[0][0].toordinal()
                                                     if kv[0][0] else 0))
    return When(start=start, end=end, precision=precision)


def _claims(events: Iterable[Event]) -> tuple[Claim, ...]:
    seen: dict[str, Claim] = {}
    for event in events:
        for claim in event.claims:
            seen.setdefault(claim.id, claim)
    return tuple(seen.values())


def _actors(actors: Iterable[Actor]) -> tuple[Actor, ...]:
    counts: Counter[tuple[str | None, str, str | None]] = Counter()
    first: dict[tuple[str | None, str, str | None], Actor] = {}
    for actor in actors:
        key = (actor.id, actor.name, actor.country)
        counts[key] += 1
        first.setdefault(key, actor)
    ranked = sorted(counts, key=lambda k: (-counts[k], k[1], k[0] or "", k[2] or ""))
    return tuple(first[k] for k in ranked)


def _denied_by(reports: Sequence[Report]) -> tuple[str, ...]:
    names = {c.source.name for r in reports for c in r.claims
             if c.certainty == "denied" and c.source is not None}
    names |= {r.source for r in reports
              if r.certainty == "denied" and r.source is not None
              and not any(c.certainty == "denied" and c.source for c in r.claims)}
    return tuple(sorted(names))

