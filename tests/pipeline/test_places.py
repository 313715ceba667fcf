"""The places stage on sentences of our own: what it finds, where it puts it, how precisely."""

from __future__ import annotations

import pytest

from fogwatch.nlp import parse
from fogwatch.pipeline import make_document
from fogwatch.pipeline.context import Context
from fogwatch.pipeline.places import find_places
from fogwatch.records import Place, Span


def places(text: str) -> tuple[Place, ...]:
    return find_places(Context(document=make_document(text), doc=parse(text))).places


def place_at(text: str, surface: str) -> Place:
    found = [p for p in places(text) if p.span is not None and p.span.text == surface]
    assert len(found) == 1, [p.span for p in places(text)]
    return found[0]


KANSAFRA = "Two soldiers were killed in an air strike near the town of Kansafra in Idlib on Monday."


def test_village_near_a_town_resolves_from_the_supplement_with_precision_2() -> None:
    place = place_at(KANSAFRA, "Kansafra")
    assert place == Place(name="Kansafra", admin1="Idlib", admin2=None, country="SYR",
                          lat=35.6599, lon=36.4849, geonameid=None, feature_code="PPL",
                          precision=2, span=Span(59, 67, "Kansafra"))


def test_span_offsets_index_the_document_text() -> None:
    for place in places(KANSAFRA):
        assert place.span is not None
        assert KANSAFRA[place.span.start:place.span.end] == place.span.text


def test_name_after_a_village_in_it_is_the_province() -> None:
    place = place_at(KANSAFRA, "Idlib")
    assert (place.name, place.feature_code, place.country, place.precision) == \
        ("Idlib", "ADM1", "SYR", 3)


def test_named_town_has_precision_1_and_its_admin1() -> None:
    place = place_at("A car bomb exploded in Aleppo on Monday, killing four people.", "Aleppo")
    assert (place.name, place.admin1, place.country, place.feature_code, place.precision) == \
        ("Aleppo", "Aleppo", "SYR", "PPL", 1)
    assert place.geonameid == 170063


def test_outskirts_of_a_town_is_precision_2() -> None:
    place = place_at("Mortar shells fell in the outskirts of Maarat al-Numan overnight.",
                     "Maarat al-Numan")
    assert (place.country, place.admin1, place.precision) == ("SYR", "Idlib", 2)


def test_spelling_variant_with_article_resolves() -> None:
    place = place_at("Mortar shells fell in the outskirts of Maarat al-Numan overnight.",
                     "Maarat al-Numan")
    assert place.geonameid == 167611


def test_town_district_is_precision_2() -> None:
    place = place_at("Gunmen attacked a checkpoint in the Mosul district on Sunday.", "Mosul")
    assert (place.name, place.country, place.precision) == ("Mosul", "IRQ", 2)


def test_province_word_selects_the_first_level_unit() -> None:
    place = place_at("The regime bombed Idlib province again.", "Idlib")
    assert place.span == Span(18, 23, "Idlib")
    assert (place.feature_code, place.admin1, place.precision) == ("ADM1", "Idlib", 3)


def test_country_is_precision_3() -> None:
    place = place_at("Turkey closed its border crossings.", "Turkey")
    assert (place.name, place.country, place.feature_code, place.precision) == \
        ("Turkey", "TUR", "PCLI", 3)
    assert place.span == Span(0, 6, "Turkey")


def test_compound_demonym_gives_each_country_its_own_span() -> None:
    text = "The joint Russian-Syrian air strikes hit the area."
    found = {p.country: p.span for p in places(text)}
    assert found == {"RUS": Span(10, 17, "Russian"), "SYR": Span(18, 24, "Syrian")}


def test_demonym_inside_an_organisation_name_is_the_country() -> None:
    place = place_at("The Syrian Observatory for Human Rights reported that shelling went on.",
                     "Syrian")
    assert (place.country, place.precision) == ("SYR", 3)


def test_state_after_a_comma_picks_the_town_in_that_state() -> None:
    place = place_at("Police detained 20 people in Paris, Texas, on Friday.", "Paris")
    assert (place.country, place.admin1) == ("USA", "Texas")


def test_most_populous_reading_without_context() -> None:
    place = place_at("Thousands marched through Paris on Saturday.", "Paris")
    assert (place.country, place.admin1) == ("FRA", "Île-de-France")


def test_country_named_in_the_text_picks_the_town_in_it() -> None:
    place = place_at("Demonstrators marched in Kharkiv, Ukraine.", "Kharkiv")
    assert (place.country, place.admin1, place.precision) == ("UKR", "Kharkiv", 1)


def test_name_used_as_a_place_elsewhere_is_a_place_when_tagged_otherwise() -> None:
    text = "Police in Alexandria, Virginia, said the Alexandria man was arrested."
    found = [p for p in places(text) if p.span is not None and p.span.text == "Alexandria"]
    assert [(p.span.start if p.span else None, p.admin1) for p in found] == \
        [(10, "Virginia"), (41, "Virginia")]


def test_untagged_name_after_a_direction_cue_is_found_near_it() -> None:
    place = place_at("Shelling hit villages north of Aleppo on Friday.", "Aleppo")
    assert (place.country, place.feature_code, place.precision) == ("SYR", "PPL", 2)


def test_name_tagged_as_a_product_before_district_is_a_town_at_precision_2() -> None:
    place = place_at("Clashes broke out in Manbij district late on Tuesday.", "Manbij")
    assert (place.country, place.admin1, place.precision) == ("SYR", "Aleppo", 2)


def test_settlement_word_after_a_name_is_not_part_of_it() -> None:
    place = place_at("Students were injured in Lahore city on Monday.", "Lahore")
    assert (place.country, place.precision) == ("PAK", 1)


def test_city_that_is_part_of_a_name_stays() -> None:
    place = place_at("Police in Kansas City made arrests.", "Kansas City")
    assert (place.country, place.admin1) == ("USA", "Missouri")


def test_trailing_comma_of_an_entity_is_not_in_the_span() -> None:
    place = place_at("Gunmen ambushed a convoy near Timbuktu, Mali.", "Timbuktu")
    assert place.span == Span(30, 38, "Timbuktu")
    assert (place.country, place.precision) == ("MLI", 2)


def test_town_resolved_outside_its_named_units_country_is_dropped() -> None:
    found = places("Farmers protested in Pescador (Cauca) on Monday.")
    assert [(p.span.text if p.span else None, p.country) for p in found] == [("Cauca", "COL")]


@pytest.mark.parametrize("text", [
    "Fighting was reported in Xyzzyville and Qorblantown.",
    "Nobody was hurt.",
    "",
])
def test_unknown_or_absent_places_give_nothing(text: str) -> None:
    assert places(text) == ()


def test_places_come_in_text_order() -> None:
    found = places(KANSAFRA)
    starts = [p.span.start for p in found if p.span is not None]
    assert starts == sorted(starts)
