"""An event known only by its province is mapped at the province's seat
(pipeline/event_place_seat.py, `Gazetteer.seat`), on sentences of our own."""

from __future__ import annotations

import datetime as dt
import math

from fogwatch.gazetteer import load_gazetteer
from fogwatch.pipeline import extract_document, make_document
from fogwatch.pipeline.event_place_seat import at_seat
from fogwatch.records import Place


def event_place(text: str) -> Place | None:
    extraction = extract_document(make_document(text, dt.date(2022, 5, 20)))
    assert extraction.events, "no event found"
    return extraction.events[0].place


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    rad = math.pi / 180
    a = math.sin((lat2 - lat1) * rad / 2) ** 2 + math.cos(lat1 * rad) * math.cos(lat2 * rad) * \
        math.sin((lon2 - lon1) * rad / 2) ** 2
    return 12742 * math.asin(math.sqrt(a))


def test_province_only_event_is_mapped_at_its_capital() -> None:
    place = event_place("On 3 May, artillery shelled positions in Kharkiv region overnight.")
    assert place is not None
    assert (place.name, place.admin1, place.country, place.precision) == \
        ("Kharkiv", "Kharkiv", "UKR", 3)
    assert place.feature_code == "ADM1"  # still the province, not the town
    assert place.lat is not None and place.lon is not None
    assert km(place.lat, place.lon, 49.98, 36.25) < 10  # Kharkiv city, not the oblast's middle


def test_town_event_keeps_its_own_coordinates() -> None:
    place = event_place("On 3 May, artillery shelled the village of Tsyrkuny in Kharkiv region.")
    assert place is not None and place.name == "Tsyrkuny" and place.precision == 1
    assert place.lat is not None and place.lon is not None
    assert km(place.lat, place.lon, 50.09, 36.36) < 5


def test_seat_of_a_capital_unit_is_the_capital() -> None:
    seat = load_gazetteer().seat("SYR", "Damascus")
    assert seat is not None and seat.name == "Damascus"


def test_seat_is_the_units_most_populous_town() -> None:
    seat = load_gazetteer().seat("NGA", "Borno")
    assert seat is not None and seat.name == "Maiduguri"


def test_unknown_unit_has_no_seat_and_the_place_is_kept() -> None:
    assert load_gazetteer().seat("NGA", "Nowhere Such") is None
    place = Place(name="Nowhere Such", admin1="Nowhere Such", admin2=None, country="NGA",
                  lat=10.0, lon=10.0, geonameid=None, feature_code="ADM1", precision=3)
    assert at_seat(place) == place


def test_near_a_province_keeps_the_province_centroid() -> None:
    place = Place(name="Borno", admin1="Borno", admin2=None, country="NGA", lat=11.5,
                  lon=13.0, geonameid=None, feature_code="ADM1", precision=2)
    assert at_seat(place) == place


def test_common_spelling_of_a_province_finds_it_and_its_seat() -> None:
    place = event_place("On 2 June, troops clashed with enemy units in the Zaporizhia region.")
    assert place is not None
    assert (place.admin1, place.country, place.precision) == ("Zaporizhzhia", "UKR", 3)
    assert place.lat is not None and place.lon is not None
    assert km(place.lat, place.lon, 47.84, 35.14) < 15  # Zaporizhzhia city
