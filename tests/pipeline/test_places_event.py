"""The event's place (pipeline/event_place.py) on sentences of our own."""

from __future__ import annotations

import datetime as dt

from fogwatch.pipeline import extract_document, make_document
from fogwatch.records import Place


def event_place(text: str) -> Place | None:
    extraction = extract_document(make_document(text, dt.date(2022, 4, 20)))
    assert extraction.events, "no event found"
    return extraction.events[0].place


def test_first_town_of_the_sentence_is_the_scene_before_a_later_one() -> None:
    place = event_place("On 13 March 2022, in Zapopan, Jalisco, soldiers arrested a gang "
                        "leader wanted in the state of Colima.")
    assert place is not None and (place.name, place.admin1) == ("Zapopan", "Jalisco")


def test_town_shelled_by_forces_named_by_a_demonym_is_the_scene() -> None:
    place = event_place("On 19 April 2022, Russian forces shelled Kharkiv with rockets, "
                        "killing seven civilians.")
    assert place is not None and (place.name, place.country) == ("Kharkiv", "UKR")


def test_country_named_by_name_is_the_scene_before_a_demonym() -> None:
    place = event_place("On 2 May 2022, Russian aircraft bombed positions in Ukraine, "
                        "killing three soldiers.")
    assert place is not None and (place.name, place.precision) == ("Ukraine", 3)


def test_province_is_the_scene_before_its_country() -> None:
    place = event_place("On 23 June 2022, protesters in Azuay province of Ecuador blocked a "
                        "highway to demand lower fuel prices.")
    assert place is not None and (place.name, place.precision) == ("Azuay", 3)
