"""Events as rows of a UCDP-GED-style CSV: the GED's column names and order and its codes.

UCDP's own identifiers (conflict, dyad and side ids, Gleditsch-Ward numbers, PRIO-GRID cells)
have no counterpart here and are left out; the other columns keep GED's names and order.
Only organised violence is exported: Battles, Explosions/Remote violence and Violence against
civilians (GED holds no protests, riots or strategic developments, and no event of no ACLED type:
ordinary crime, accidents and things said).

- `id`: our event id; `relid` the stored document's id (the input's id, else its content hash).
- `type_of_violence`: 3 one-sided when the event is Violence against civilians or side 2 is
  civilians; else 1 state-based when either side has a state's forces (military, police,
  government); else 2 non-state when both sides are armed groups; else empty.
- `side_a` / `side_b`: the actors of each side joined by "; "; in state-based violence the side
  with state forces is side A (as in GED), in one-sided violence the perpetrator.
- `where_prec` (1 exact, 2 within 25 km, 3 admin2, 4 admin1, 6 country): from the place's
  GeoNames feature code (ADM2 -> 3, ADM1 -> 4, PCL* -> 6), else ACLED geo-precision 1 -> 1,
  2 -> 2, 3 -> 4.
- `date_prec` (1 day, 2 two to six days, 3 week, 4 month, 5 year): from When's precision and
  span.
- `deaths_a`, `deaths_b`, `deaths_civilians`: the non-cumulative "killed" figures whose victims
  name a side's actor or civilians; `deaths_unknown` = best minus what was attributed (all of
  best when the victims' side is unknown, or when the figures add up past best).
- `best`, `low`, `high`: the event's fatalities, 0 when unknown; `high` = best when open above.
- `source_article`: the claims' outlets and origins joined by "; "; `source_original` the
  origins only; `number_of_sources` how many names that is.
- `region`: GED's (Africa, Americas, Asia, Europe, Middle East), from the country.
- `event_clarity`: 1 when the event is confirmed, else 2 (GED: 2 = unclear or aggregated).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from fogwatch.export.countries import acled_region, country_name
from fogwatch.export.fields import STATE_SECTORS, source_names
from fogwatch.records import Actor, Event, When

__all__ = ["UCDP_COLUMNS", "VIOLENT_TYPES", "type_of_violence", "ucdp_row", "ucdp_rows"]

UCDP_COLUMNS: tuple[str, ...] = (
    "id", "relid", "year", "type_of_violence", "conflict_name", "dyad_name", "side_a",
    "side_b", "number_of_sources", "source_article", "source_original", "where_prec",
    "where_coordinates", "where_description", "adm_1", "adm_2", "latitude", "longitude",
    "geom_wkt", "country", "region", "event_clarity", "date_prec", "date_start", "date_end",
    "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high", "low",
)
VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
_ARMED = STATE_SECTORS | {"rebel", "militia", "unidentified armed group"}
# GED's five regions from ACLED's, with the countries the two place differently.
_GED_REGION = {"Middle East": "Middle East", "Europe": "Europe", "South Asia": "Asia",
               "Southeast Asia": "Asia", "East Asia": "Asia", "Caucasus and Central Asia": "Asia",
               "Oceania": "Asia", "Central America": "Americas", "South America": "Americas",
               "Caribbean": "Americas", "North America": "Americas"}
_GED_REGION_OF = {"EGY": "Middle East", "TUR": "Europe", "CYP": "Europe", "ARM": "Europe",
                  "AZE": "Europe", "GEO": "Europe"}


def ucdp_rows(events: Iterable[Event], refs: Mapping[str, str | None]) -> list[dict[str, Any]]:
    """One GED-style row per organised-violence event; `refs` maps content hashes to the
    inputs' own ids."""
    return [ucdp_row(e, refs.get(e.doc_id) or e.doc_id) for e in events
            if e.event_type in VIOLENT_TYPES]


def ucdp_row(event: Event, relid: str) -> dict[str, Any]:
    """The GED-style row of one event; missing values are None."""
    kind = type_of_violence(event)
    side_a, side_b = _sides(event, kind)
    place, when = event.place, event.when
    fatalities = event.fatalities
    best = (fatalities.best if fatalities else None) or 0
    low = fatalities.low if fatalities and fatalities.low is not None else best
    high = fatalities.high if fatalities and fatalities.high is not None else best
    deaths = _deaths(event, side_a, side_b, best)
    names = source_names(event)
    origins = list(dict.fromkeys(c.source.name for c in event.claims if c.source))
    a_names, b_names = _joined(side_a), _joined(side_b)
    has_point = place is not None and place.lat is not None and place.lon is not None
    return {
        "id": event.id, "relid": relid,
        "year": when.start.year if when and when.start else None,
        "type_of_violence": kind,
        "conflict_name": None,
        "dyad_name": f"{a_names} - {b_names}" if a_names and b_names else None,
        "side_a": a_names, "side_b": b_names,
        "number_of_sources": len(names),
        "source_article": "; ".join(names) or None,
        "source_original": "; ".join(origins) or None,
        "where_prec": _where_prec(event),
        "where_coordinates": place.name if place else None,
        "where_description": (", ".join(p for p in (place.name, place.admin2, place.admin1) if p)
                              if place else None),
        "adm_1": place.admin1 if place else None,
        "adm_2": place.admin2 if place else None,
        "latitude": place.lat if place else None,
        "longitude": place.lon if place else None,
        "geom_wkt": f"POINT ({place.lon} {place.lat})" if place and has_point else None,
        "country": country_name(place.country) or None if place else None,
        "region": _ged_region(place.country if place else None),
        "event_clarity": 1 if event.certainty == "confirmed" else 2,
        "date_prec": _date_prec(when),
        "date_start": when.start.isoformat() if when and when.start else None,
        "date_end": when.end.isoformat() if when and when.end else None,
        **deaths, "best": best, "high": high, "low": low,
    }


def type_of_violence(event: Event) -> int | None:
    """GED's type: 1 state-based, 2 non-state, 3 one-sided; None when it cannot be told."""
    if event.event_type == "Violence against civilians" or _any(event.actors2, {"civilians"}):
        return 3
    if _any(event.actors1, STATE_SECTORS) or _any(event.actors2, STATE_SECTORS):
        return 1
    if _any(event.actors1, _ARMED) and _any(event.actors2, _ARMED):
        return 2
    return None


def _any(actors: tuple[Actor, ...], sectors: frozenset[str] | set[str]) -> bool:
    return any(a.sector in sectors for a in actors)


def _sides(event: Event, kind: int | None) -> tuple[tuple[Actor, ...], tuple[Actor, ...]]:
    if kind == 1 and not _any(event.actors1, STATE_SECTORS):
        return event.actors2, event.actors1
    return event.actors1, event.actors2


def _joined(actors: tuple[Actor, ...]) -> str | None:
    return "; ".join(dict.fromkeys(a.name for a in actors)) or None


def _deaths(event: Event, side_a: tuple[Actor, ...], side_b: tuple[Actor, ...],
            best: int) -> dict[str, int]:
    counts = {"deaths_a": 0, "deaths_b": 0, "deaths_civilians": 0}
    for figure in event.figures:
        if figure.kind != "killed" or figure.cumulative or not figure.best or not figure.who:
            continue
        column = _victims_column(figure.who, side_a, side_b)
        if column is not None:
            counts[column] += figure.best
    attributed = sum(counts.values())
    if attributed > best:  # the figures disagree with the reconciled toll: keep the toll
        counts = dict.fromkeys(counts, 0)
        attributed = 0
    return {**counts, "deaths_unknown": best - attributed}


def _victims_column(who: str, side_a: tuple[Actor, ...],
                    side_b: tuple[Actor, ...]) -> str | None:
    words = who.lower()
    if "civilian" in words:
        return "deaths_civilians"
    for column, actors in (("deaths_a", side_a), ("deaths_b", side_b)):
        for actor in actors:
            mention = actor.span.text.lower() if actor.span else ""
            if actor.name.lower() in words or (mention and (mention in words or words in mention)):
                return "deaths_civilians" if actor.sector == "civilians" else column
    return None


def _ged_region(iso3: str | None) -> str | None:
    code = (iso3 or "").upper()
    region = acled_region(code)
    if code in _GED_REGION_OF:
        return _GED_REGION_OF[code]
    return "Africa" if region.endswith("Africa") else _GED_REGION.get(region)


def _where_prec(event: Event) -> int | None:
    place = event.place
    if place is None:
        return None
    code = place.feature_code or ""
    if code.startswith("PCL"):
        return 6
    if code.startswith("ADM1"):
        return 4
    if code.startswith("ADM2"):
        return 3
    return {1: 1, 2: 2, 3: 4}.get(place.precision)


def _date_prec(when: When | None) -> int | None:
    if when is None or when.start is None:
        return None
    if when.precision == "day":
        days = (when.end - when.start).days if when.end else 0
        return 1 if days == 0 else 2 if days <= 6 else 3
    return {"week": 3, "month": 4, "year": 5}.get(when.precision)
