"""The JSON view of an Extraction that `fogwatch extract` writes: the contract of eval/FORMAT.md.

`records.to_json` is the full, lossless form (what the store keeps); this is the flatter form
that users and scorers read: one event's first actor as `actor1`, offsets instead of spans.
"""

from __future__ import annotations

from typing import Any

from fogwatch.records import Actor, Claim, Event, Extraction, Figure, Place, When

__all__ = ["error_to_format", "event_to_format", "extraction_to_format"]


def extraction_to_format(extraction: Extraction) -> dict[str, Any]:
    """One output line of `fogwatch extract` for a document that was read."""
    document = extraction.document
    out: dict[str, Any] = {
        "doc_id": document.ref if document.ref is not None else document.id,
        "content_hash": document.id,
        "published": document.published.isoformat() if document.published else None,
        "events": [event_to_format(e) for e in extraction.events],
        "places": [_place_mention(p) for p in extraction.places],
        "dates": [_date_mention(w) for w in extraction.dates],
        "actors": [_actor_mention(a) for a in extraction.actors],
        "claims": [_claim(c) for c in extraction.claims],
    }
    if extraction.errors:
        out["warnings"] = list(extraction.errors)
    return out


def error_to_format(doc_id: str | None, message: str) -> dict[str, Any]:
    """The output line for a document that could not be read or extracted."""
    return {"doc_id": doc_id, "error": message, "events": [], "places": [], "dates": []}


def event_to_format(event: Event) -> dict[str, Any]:
    """One event in FORMAT.md's shape."""
    return {
        "id": event.id,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "plover": ({"event": event.plover.event, "mode": event.plover.mode}
                   if event.plover else None),
        "actor1": _actor(event.actors1[0]) if event.actors1 else None,
        "actor2": _actor(event.actors2[0]) if event.actors2 else None,
        "actors1": [_actor(a) for a in event.actors1],
        "actors2": [_actor(a) for a in event.actors2],
        "location": _location(event.place) if event.place else None,
        "date": _date(event.when) if event.when else None,
        "fatalities": ({"low": event.fatalities.low, "best": event.fatalities.best,
                        "high": event.fatalities.high} if event.fatalities else None),
        "casualties": [_figure(f) for f in event.figures],
        "certainty": event.certainty,
        "claims": [_claim(c) for c in event.claims],
        "evidence": [{"field": e.field, "start": e.span.start, "end": e.span.end}
                     for e in event.evidence],
        "typed_by": event.typed_by,
    }


def _actor(actor: Actor) -> dict[str, Any]:
    return {"name": actor.name, "id": actor.id, "country": actor.country, "sector": actor.sector}


def _actor_mention(actor: Actor) -> dict[str, Any]:
    return {**_span(actor.span), **_actor(actor)}


def _location(place: Place) -> dict[str, Any]:
    return {"name": place.name, "admin1": place.admin1, "admin2": place.admin2,
            "country": place.country, "lat": place.lat, "lon": place.lon,
            "geonameid": place.geonameid, "precision": place.precision}


def _place_mention(place: Place) -> dict[str, Any]:
    return {**_span(place.span), "name": place.name, "admin1": place.admin1,
            "country": place.country, "lat": place.lat, "lon": place.lon,
            "geonameid": place.geonameid, "feature_code": place.feature_code,
            "precision": place.precision}


def _date(when: When) -> dict[str, Any]:
    return {"start": when.start.isoformat() if when.start else None,
            "end": when.end.isoformat() if when.end else None,
            "precision": when.precision}


def _date_mention(when: When) -> dict[str, Any]:
    # "start"/"end" are character offsets, as for every mention; the interval has its own keys.
    return {**_span(when.span), "value": when.value, "precision": when.precision,
            "start_date": when.start.isoformat() if when.start else None,
            "end_date": when.end.isoformat() if when.end else None}


def _figure(figure: Figure) -> dict[str, Any]:
    return {"kind": figure.kind, "who": figure.who, "low": figure.low, "best": figure.best,
            "high": figure.high, "cumulative": figure.cumulative,
            "since": figure.since.isoformat() if figure.since else None,
            **_span(figure.span)}


def _claim(claim: Claim) -> dict[str, Any]:
    source = claim.source
    return {"id": claim.id,
            "source": source.name if source else None,
            "source_kind": source.kind if source else None,
            "source_country": source.country if source else None,
            "via": list(claim.via), "certainty": claim.certainty, **_span(claim.span)}


def _span(span: Any) -> dict[str, Any]:
    if span is None:
        return {"text": None, "start": None, "end": None}
    return {"text": span.text, "start": span.start, "end": span.end}
