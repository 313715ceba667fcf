"""Events as rows of an ACLED-style CSV: ACLED's column names, order and codes.

- `event_id_cnty`: ISO 3166 alpha-3 of the event's country (XXX when unknown) + our event id.
- `time_precision`: 1 day, 2 week, 3 month or vaguer (ACLED's codes).
- `disorder_type`: from the event type, as ACLED assigns it ("Political violence;
  Demonstrations" for Excessive force against protesters and Mob violence).
- `actor1`/`assoc_actor_1`: the first actor of side 1 and the others joined by "; " (same for 2).
- `inter1`/`inter2` from the actor's sector: 1 state forces (military, police, government of
  the event's country), 2 rebels, 3 political militias (also unidentified armed groups), 5
  rioters, 6 protesters, 7 civilians (also media), 8 external/other (IGOs, NGOs and state forces
  outside their own country); empty when the sector is unknown. `interaction` is the two codes,
  lower first (13), or the sole actor's code times ten (60).
- `iso` is the ISO 3166 numeric code; `region` and `country` as ACLED spells them
  (`countries.py`); `admin3` stays empty (our places carry two admin levels).
- `source`: the claims' outlets and origins joined by "; "; `source_scale` compares their
  countries with the event's: National, International or National-International.
- `notes`: one sentence written from the event's own fields, never article text.
- `fatalities`: the best estimate, 0 when unknown (as ACLED writes it).
- `tags`: our certainty, as `certainty=unconfirmed`.
- `timestamp`: when the row's data last changed, as ACLED means it: the Unix time the event's
  document was stored (`stamps`, by document id), else the time given by the caller.

Only ACLED events are rows: an event with no ACLED type (`event_type` None: violence ACLED leaves
out, such as a shooting in a robbery, and things said, such as talks or threats) has no place in
ACLED's data and is left out (`is_acled`); the other formats keep it with an empty type.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from fogwatch.export.countries import acled_region, country_name, iso_numeric
from fogwatch.export.fields import source_names
from fogwatch.records import Actor, Event, When

__all__ = ["ACLED_COLUMNS", "NOT_ACLED", "acled_row", "acled_rows", "disorder_type",
           "inter_code", "is_acled", "notes"]

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
)

# Why `acled_rows` leaves an event out, as `fogwatch export` reports it.
NOT_ACLED = ("no ACLED event type (violence ACLED leaves out, such as ordinary crime, and things "
             "said, such as talks or threats)")
_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
_DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Riots": "Political violence",
    "Protests": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
_BOTH = "Political violence; Demonstrations"
_DISORDER_BY_SUB = {"Excessive force against protesters": _BOTH, "Mob violence": _BOTH}
_INTER = {"military": 1, "police": 1, "government": 1, "rebel": 2, "militia": 3,
          "unidentified armed group": 3, "rioters": 5, "protesters": 6, "civilians": 7,
          "media": 7, "IGO": 8, "NGO": 8}
# What side 1 did, by sub-event type; anything else "carried out a <sub-event type>".
_VERBS = {
    "Armed clash": ("clashed", "with"),
    "Peaceful protest": ("held a peaceful protest", "against"),
    "Protest with intervention": ("held a protest met with intervention", "by"),
    "Excessive force against protesters": ("used excessive force against protesters", ""),
    "Violent demonstration": ("held a violent demonstration", "against"),
    "Mob violence": ("engaged in mob violence", "against"),
    "Arrests": ("made arrests", "of"),
    "Agreement": ("reached an agreement", "with"),
    "Attack": ("attacked", ""),
}


def acled_rows(events: Iterable[Event], *, timestamp: int,
               stamps: Mapping[str, int] | None = None) -> list[dict[str, Any]]:
    """One ACLED-style row per ACLED event (`is_acled`), keyed by `ACLED_COLUMNS`."""
    stamps = stamps or {}
    return [acled_row(event, timestamp=stamps.get(event.doc_id or "", timestamp))
            for event in events if is_acled(event)]


def is_acled(event: Event) -> bool:
    """Whether the event is one ACLED codes: it has an ACLED event type."""
    return event.event_type is not None


def acled_row(event: Event, *, timestamp: int) -> dict[str, Any]:
    """The ACLED-style row of one event; missing values are None."""
    place, when = event.place, event.when
    iso3 = (place.country or "").upper() if place else ""
    start = when.start if when else None
    inter1 = _side_code(event.actors1, iso3)
    inter2 = _side_code(event.actors2, iso3)
    fatalities = event.fatalities.best if event.fatalities else None
    return {
        "event_id_cnty": f"{iso3 or 'XXX'}{event.id}",
        "event_date": start.isoformat() if start else None,
        "year": start.year if start else None,
        "time_precision": _TIME_PRECISION.get(when.precision) if when else None,
        "disorder_type": disorder_type(event),
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actors1[0].name if event.actors1 else None,
        "assoc_actor_1": _joined(a.name for a in event.actors1[1:]),
        "inter1": inter1,
        "actor2": event.actors2[0].name if event.actors2 else None,
        "assoc_actor_2": _joined(a.name for a in event.actors2[1:]),
        "inter2": inter2,
        "interaction": _interaction(event, inter1, inter2),
        "civilian_targeting": "Civilian targeting" if _targets_civilians(event) else None,
        "iso": iso_numeric(iso3),
        "region": acled_region(iso3) or None,
        "country": country_name(iso3) or None,
        "admin1": place.admin1 if place else None,
        "admin2": place.admin2 if place else None,
        "admin3": None,
        "location": place.name if place else None,
        "latitude": place.lat if place else None,
        "longitude": place.lon if place else None,
        "geo_precision": place.precision if place else None,
        "source": _joined(source_names(event)),
        "source_scale": _source_scale(event, iso3),
        "notes": notes(event),
        "fatalities": fatalities if fatalities is not None else 0,
        "tags": f"certainty={event.certainty}",
        "timestamp": timestamp,
    }


def disorder_type(event: Event) -> str | None:
    """ACLED's disorder type of the event's type and sub-type."""
    if event.sub_event_type in _DISORDER_BY_SUB:
        return _DISORDER_BY_SUB[event.sub_event_type]
    return _DISORDER.get(event.event_type or "")


def inter_code(actor: Actor, event_country: str) -> int | None:
    """ACLED's inter code (1-8) of an actor in an event in `event_country`, None if unknown."""
    code = _INTER.get(actor.sector or "")
    if code == 1 and actor.country and event_country and actor.country.upper() != event_country:
        return 8  # a state's forces outside their own country
    return code


def notes(event: Event) -> str:
    """A sentence describing the event from its fields alone, e.g. "On 10 February 2020,
    Military Forces of Russia carried out an air/drone strike near Kansafra (Idlib, Syria);
    5 reported fatalities." """
    subject = _names(event.actors1) or "Unidentified actors"
    verb, preposition = _VERBS.get(event.sub_event_type or "", (_default_verb(event), "against"))
    sentence = f"{subject} {verb}"
    if event.actors2:
        sentence += f" {preposition} " if preposition else " "
        sentence += _names(event.actors2)
    if event.place is not None:
        place = event.place
        where = ", ".join(p for p in (place.admin1, country_name(place.country)) if p)
        sentence += f" {'near' if place.precision >= 2 else 'in'} {place.name}"
        sentence += f" ({where})" if where else ""
    opening = _date_phrase(event.when)
    sentence = f"{opening}, {sentence}" if opening else sentence
    best = event.fatalities.best if event.fatalities else None
    if best is not None:
        sentence += f"; {best} reported {'fatality' if best == 1 else 'fatalities'}"
    if event.certainty in ("unconfirmed", "denied"):
        sentence += f" ({event.certainty})"
    return sentence + "."


def _default_verb(event: Event) -> str:
    if event.sub_event_type:
        kind = event.sub_event_type.lower()
        return f"carried out {'an' if kind[0] in 'aeiou' else 'a'} {kind}"
    if event.plover is not None:
        return f"was reported in a {event.plover.event.lower()} event"
    return "was reported in an event"


def _date_phrase(when: When | None) -> str:
    if when is None or when.start is None:
        return ""
    start: dt.date = when.start
    day = f"{start.day} {start:%B %Y}"
    return {"day": f"On {day}", "week": f"In the week of {day}",
            "month": f"In {start:%B %Y}", "year": f"In {start.year}"}.get(when.precision, "")


def _names(actors: tuple[Actor, ...]) -> str:
    names = list(dict.fromkeys(a.name for a in actors))
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _joined(names: Iterable[str]) -> str | None:
    return "; ".join(dict.fromkeys(names)) or None


def _side_code(actors: tuple[Actor, ...], event_country: str) -> int | None:
    return inter_code(actors[0], event_country) if actors else None


def _interaction(event: Event, inter1: int | None, inter2: int | None) -> int | None:
    if (event.actors1 and inter1 is None) or (event.actors2 and inter2 is None):
        return None  # an actor of unknown kind: the pair is unknown, not a sole action
    codes = sorted(c for c in (inter1, inter2) if c is not None)
    if not codes:
        return None
    if len(codes) == 1:
        return codes[0] * 10
    return codes[0] * 10 + codes[1]


def _targets_civilians(event: Event) -> bool:
    return (event.event_type == "Violence against civilians"
            or any(a.sector == "civilians" for a in event.actors2))


def _source_scale(event: Event, iso3: str) -> str | None:
    countries = {c.source.country.upper() for c in event.claims
                 if c.source is not None and c.source.country}
    if not countries or not iso3:
        return None
    national = iso3 in countries
    international = bool(countries - {iso3})
    if national and international:
        return "National-International"
    return "National" if national else "International"
