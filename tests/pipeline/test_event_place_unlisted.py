"""The scene's town read from the trigger's own locative phrase when the places stage listed
none (pipeline/event_place_unlisted.py), on sentences of our own."""

from __future__ import annotations

import datetime as dt

from fogwatch.pipeline import extract_document, make_document
from fogwatch.records import Place


def event_place(text: str) -> Place | None:
    extraction = extract_document(make_document(text, dt.date(2022, 5, 20)))
    assert extraction.events, "no event found"
    return extraction.events[0].place


def test_small_town_after_the_trigger_s_in_is_the_scene() -> None:
    found = event_place("On 5 March 2022, about forty teachers demonstrated in Sens over "
                        "their wages.")
    assert found is not None and (found.name, found.country, found.precision) == \
        ("Sens", "FRA", 1)


def test_compass_word_before_the_name_is_no_part_of_it() -> None:
    found = event_place("On 12 March 2022, nurses rallied in Northern Nicosia over unpaid "
                        "overtime.")
    assert found is not None and (found.name, found.country) == ("Nicosia", "CYP")


def test_name_missing_from_the_story_s_province_leaves_the_province() -> None:
    found = event_place("On 5 June 2022, Russian troops shelled farms in Katerynivka, Sumy "
                        "oblast.")
    assert found is not None and (found.name, found.precision) == ("Sumy", 3)


def test_town_a_note_says_it_is_coded_to_is_the_place() -> None:
    found = event_place("On 2 June 2022, farmers blocked several roads of Katsina state over "
                        "cattle raids (coded to Funtua).")
    assert found is not None and (found.name, found.country, found.precision) == \
        ("Funtua", "NGA", 1)
