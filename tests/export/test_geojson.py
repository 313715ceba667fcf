"""`export/geojson.py`: located events as an RFC 7946 FeatureCollection."""

from __future__ import annotations

import json
from typing import Any

import geojson

from fogwatch.export.geojson import event_feature, feature_collection

from .conftest import protest_event, strike_event


def _rfc7946_problems(data: dict[str, Any]) -> list[str]:
    """What breaks RFC 7946 in a FeatureCollection of Points (sections 3.1.2, 3.2, 3.3, 4)."""
    problems = []
    if data.get("type") != "FeatureCollection" or not isinstance(data.get("features"), list):
        return ["not a FeatureCollection with a features array"]
    for feature in data["features"]:
        geometry = feature.get("geometry")
        if feature.get("type") != "Feature" or "properties" not in feature:
            problems.append(f"{feature.get('id')}: not a Feature with properties")
        elif geometry is not None and geometry.get("type") != "Point":
            problems.append(f"{feature.get('id')}: not a Point")
        else:
            lon, lat = geometry["coordinates"]
            if not (-180 <= lon <= 180 and -90 <= lat <= 90):
                problems.append(f"{feature.get('id')}: [lon, lat] out of range")
    if "crs" in data:
        problems.append("crs member (removed in RFC 7946)")
    return problems


def test_collection_is_valid_geojson_to_the_geojson_package() -> None:
    collection = feature_collection([strike_event()], {})
    parsed = geojson.loads(json.dumps(collection.geojson))
    assert (parsed.is_valid, parsed.errors()) == (True, [])


def test_collection_is_structurally_rfc_7946() -> None:
    assert _rfc7946_problems(feature_collection([strike_event()], {}).geojson) == []


def test_coordinates_are_longitude_then_latitude() -> None:
    feature = event_feature(strike_event(), "strike-story")
    assert feature is not None
    assert feature["geometry"] == {"type": "Point", "coordinates": [36.4849, 35.6599]}


def test_events_without_coordinates_are_left_out_and_counted() -> None:
    collection = feature_collection([strike_event(), protest_event()], {})
    assert ([f["id"] for f in collection.geojson["features"]], collection.unlocated) == (
        ["strike"], 1)


def test_properties_carry_the_input_id_and_the_figures() -> None:
    feature = event_feature(strike_event(), "strike-story")
    assert feature is not None
    props = feature["properties"]
    assert (props["doc_id"], props["sub_event_type"], props["date_start"],
            props["fatalities_low"], props["fatalities_best"], props["sources"]) == (
        "strike-story", "Air/drone strike", "2020-02-10", 1, 10, ["Ahval", "Al Masdar News"])
