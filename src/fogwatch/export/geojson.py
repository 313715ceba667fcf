"""Events as an RFC 7946 GeoJSON FeatureCollection: one Point feature per located event.

Coordinates are [longitude, latitude] (RFC 7946 section 3.1.1, WGS 84). Events without both
coordinates have no geometry to draw and are left out; the caller reports how many. Properties
are flat, so QGIS and web maps show them as columns: ids, ACLED type and sub-type, PLOVER, the
first actor of each side, date, place, fatalities (low/best/high), certainty and sources. An
event of no ACLED type (ordinary crime, things said) has a null `event_type`; `plover` tells
what it is.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from fogwatch.export.fields import source_names
from fogwatch.records import Event

__all__ = ["FeatureCollection", "event_feature", "feature_collection"]


@dataclass(frozen=True, slots=True)
class FeatureCollection:
    """The GeoJSON object to write and how many events were left out for lack of coordinates."""

    geojson: dict[str, Any]
    unlocated: int


def feature_collection(events: Iterable[Event],
                       refs: Mapping[str, str | None]) -> FeatureCollection:
    """The located events as a FeatureCollection; `refs` maps content hashes to input ids."""
    features: list[dict[str, Any]] = []
    unlocated = 0
    for event in events:
        feature = event_feature(event, refs.get(event.doc_id) or event.doc_id)
        if feature is None:
            unlocated += 1
        else:
            features.append(feature)
    return FeatureCollection({"type": "FeatureCollection", "features": features}, unlocated)


def event_feature(event: Event, doc_id: str) -> dict[str, Any] | None:
    """The event as a Point Feature, None when it has no coordinates."""
    place = event.place
    if place is None or place.lat is None or place.lon is None:
        return None
    when, fatalities = event.when, event.fatalities
    properties = {
        "event_id": event.id,
        "doc_id": doc_id,
        "content_hash": event.doc_id,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "plover": event.plover.event if event.plover else None,
        "plover_mode": event.plover.mode if event.plover else None,
        "actor1": event.actors1[0].name if event.actors1 else None,
        "actor2": event.actors2[0].name if event.actors2 else None,
        "date_start": when.start.isoformat() if when and when.start else None,
        "date_end": when.end.isoformat() if when and when.end else None,
        "date_precision": when.precision if when else None,
        "location": place.name,
        "admin1": place.admin1,
        "admin2": place.admin2,
        "country": place.country,
        "geo_precision": place.precision,
        "fatalities_low": fatalities.low if fatalities else None,
        "fatalities_best": fatalities.best if fatalities else None,
        "fatalities_high": fatalities.high if fatalities else None,
        "certainty": event.certainty,
        "sources": source_names(event),
    }
    return {"type": "Feature", "id": event.id,
            "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
            "properties": properties}
