"""Town names written with hyphens and particles, and the "Town - Quarter" form of event notes
(pipeline/places.py, places_names.py), on sentences of our own: the parser splits
"Port-au-Prince" into five tokens and may tag only a part of it; the name is the whole."""

from __future__ import annotations

import datetime as dt

from fogwatch.pipeline import extract_document, make_document
from fogwatch.pipeline.places_names import particle_joined


def places(text: str) -> list[tuple[str, str, str | None, str | None]]:
    extraction = extract_document(make_document(text, dt.date(2022, 5, 20)))
    return [(p.span.text if p.span else "", p.name, p.admin1, p.country)
            for p in extraction.places]


def test_particle_joined_names() -> None:
    assert particle_joined("Port-au-Prince")
    assert particle_joined("Saint-Pair-sur-Mer")
    assert particle_joined("Stratford-upon-Avon")
    assert not particle_joined("Clermont-Ferrand")  # two names, no particle
    assert not particle_joined("Russia-Ukraine")
    assert not particle_joined("Port au Prince")


def test_capital_with_particles_at_the_head_of_a_note() -> None:
    found = places("On 3 March 2022, Port-au-Prince - Martissant, Ouest, gunmen shot a bus "
                   "driver dead.")
    assert found[0] == ("Port-au-Prince", "Port-au-Prince", "Ouest", "HTI")


def test_name_whose_first_part_the_model_tags_as_a_person() -> None:
    found = places("On 9 June 2022, in Croix-des-Bouquets, Ouest, armed men seized a lorry.")
    assert ("Croix-des-Bouquets", "Croix-des-Bouquets", "Ouest", "HTI") in found
    assert not any(span == "Croix" for span, *_ in found)


def test_small_town_with_particles_in_a_story_naming_no_country() -> None:
    # a village of 4,000 people: its hyphenated name is no common word or person's name
    found = places("About 60 people marched in Saint-Pair-sur-Mer on Sunday.")
    assert found == [("Saint-Pair-sur-Mer", "Saint-Pair-sur-Mer", "Normandie", "FRA")]


def test_two_towns_of_a_march_each_whole() -> None:
    found = places("Hundreds walked from Aulnay-sous-Bois to Sevran in silence.")
    assert [span for span, *_ in found] == ["Aulnay-sous-Bois", "Sevran"]
    assert {country for *_, country in found} == {"FRA"}


def test_town_and_quarter_in_brackets_after_a_building() -> None:
    found = places("On 2 May 2022, nurses held a press conference outside the Daegu "
                   "Metropolitan City Hall (Daegu - Jung).")
    assert ("Daegu", "Daegu", "Daegu", "KOR") in found


def test_town_and_quarter_with_a_dash_against_the_second_part() -> None:
    found = places("On 8 June 2022, nurses held a rally with banners in Ulaanbaatar -Bayanzurkh.")
    assert found[0][3] == "MNG"
    assert found[0][0] == "Ulaanbaatar"


def test_possessive_is_not_a_longer_name() -> None:
    found = places("Canada's navy sent a frigate to the strait.")
    assert found == [("Canada", "Canada", None, "CAN")]
