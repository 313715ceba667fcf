"""The places stage on gazetteer names the NER missed (pipeline/places_names.py), with sentences
of our own: which capitalised words become places, and which stay words or people."""

from __future__ import annotations

from fogwatch.nlp import parse
from fogwatch.pipeline import make_document
from fogwatch.pipeline.context import Context
from fogwatch.pipeline.places import find_places
from fogwatch.pipeline.places_names import name_words
from fogwatch.records import Place


def named(text: str) -> dict[str, Place]:
    found = find_places(Context(document=make_document(text), doc=parse(text))).places
    return {p.span.text: p for p in found if p.span is not None}


def test_town_the_model_takes_for_a_person_is_a_place_before_a_resident_noun() -> None:
    found = named("Storms hit Illinois on Sunday. Assad said Roselle police found the car.")
    assert (found["Roselle"].country, found["Roselle"].admin1) == ("USA", "Illinois")


def test_village_the_model_takes_for_an_organisation_is_a_place_before_a_resident_noun() -> None:
    found = named("Floods hit Idlib province. Residents said Kansafra families fled.")
    assert (found["Kansafra"].admin1, found["Kansafra"].precision) == ("Idlib", 1)


def test_small_town_of_a_country_the_story_never_names_is_left_out() -> None:
    assert "Roselle" not in named("Assad said Roselle police found the car.")


def test_surname_of_a_person_named_in_full_is_no_place() -> None:
    assert "Assad" not in named("Bashar al-Assad spoke on Sunday. Assad said Roselle police "
                                "found it.")


def test_names_in_a_list_beside_a_found_place_are_places() -> None:
    found = named("Staff work in Hamilton and Middletown, Ohio. Mallory Flowers came from "
                  "Florence.")
    assert {"Hamilton", "Middletown", "Florence"} <= set(found)


def test_first_name_of_a_longer_capitalised_run_is_no_place() -> None:
    assert "Mallory" not in named("Staff work in Hamilton and Middletown, Ohio. Mallory Flowers "
                                  "came from Florence.")


def test_english_words_and_a_title_keep_their_capitalised_words_out() -> None:
    found = named("Mobile phones were seized. Reading the report, Gen. Haftar said Split "
                  "decisions. The Council met at the Airport.")
    assert found == {}


def test_names_joined_by_a_possessive_are_one_longer_name() -> None:
    found = named("The shelter at Eva's Village in Paterson opened in May.")
    assert "Village" not in found and "Eva" not in found
    assert found["Paterson"].admin1 == "New Jersey"


def test_word_lists_hold_the_models_words_and_our_table() -> None:
    words = name_words()
    assert {"mobile", "split", "of", "monday"} <= words.common
    assert "gen" in words.titles and "police" in words.residents
    assert "aleppo" not in words.common
