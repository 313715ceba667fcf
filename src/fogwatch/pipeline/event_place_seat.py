"""Where a map puts an event known only by its province: at the province's seat.

ACLED codes an event whose source names no place finer than a first-level unit ("shelling in
Odesa region") to that unit's capital, with geo-precision 3; a province's centroid can lie far
from any town (a desert, a sea coast) and from where such events are reported. The event keeps its
province (name, admin1, geonameid, precision 3); only its coordinates move to the seat, the
unit's most populous town (`Gazetteer.seat`), which is its capital in most units. The places
stage's toponyms keep their own coordinates.
"""

from __future__ import annotations

import dataclasses

from fogwatch.gazetteer import load_gazetteer
from fogwatch.records import Place

__all__ = ["at_seat"]

_PROVINCE = "ADM1"
_PROVINCE_ONLY = 3  # ACLED's geo-precision for a place known only by its region


def at_seat(place: Place | None) -> Place | None:
    """The event's place, with a province-only place's coordinates moved to its seat."""
    if place is None or place.precision != _PROVINCE_ONLY or place.feature_code != _PROVINCE \
            or not place.country or not place.admin1:
        return place
    seat = load_gazetteer().seat(place.country, place.admin1)
    if seat is None or seat.lat is None or seat.lon is None:
        return place
    return dataclasses.replace(place, lat=seat.lat, lon=seat.lon)
