"""The places stage on names followed by their units in brackets or after a unit word, names
the model splits or cuts, and names after "through" (sentences of our own)."""

from __future__ import annotations

from fogwatch.nlp import parse
from fogwatch.pipeline import make_document
from fogwatch.pipeline.context import Context
from fogwatch.pipeline.places import find_places
from fogwatch.records import Place


def named(text: str) -> dict[str, Place]:
    ctx = find_places(Context(document=make_document(text), doc=parse(text)))
    return {p.span.text: p for p in ctx.places if p.span is not None}


def test_town_before_a_bracketed_list_of_its_units_is_in_the_widest() -> None:
    found = named("On 3 May, gunmen shot a trader in Gashua (Bade, Yobe) and fled.")
    assert (found["Gashua"].country, found["Gashua"].admin1) == ("NGA", "Yobe")
    assert found["Yobe"].precision == 3


def test_town_with_a_unit_word_takes_the_unit_in_brackets_after_it() -> None:
    found = named("Farmers blocked a road in the Toro municipality (Zamora) on Sunday.")
    assert (found["Toro"].country, found["Toro"].precision) == ("ESP", 2)


def test_name_the_model_splits_is_read_whole() -> None:
    found = named("Dockers protested in front of the port office in Bandar Abbas city "
                  "(Hormozgan) over unpaid wages.")
    assert found["Bandar Abbas"].country == "IRN"


def test_name_ending_in_apostrophe_s_keeps_it_when_the_gazetteer_does() -> None:
    found = named("Nurses rallied at the legislature in St. John's (Newfoundland) on Monday.")
    assert found["St. John's"].country == "CAN"


def test_town_after_through_is_a_place() -> None:
    found = named("About 300 students marched through Norwich against the tuition rise.")
    assert found["Norwich"].country == "GBR"


def test_big_town_after_a_bare_in_is_found_even_untagged() -> None:
    found = named("On 8 March, around 900 nurses protested in Sevilla about staff cuts.")
    assert found["Sevilla"].country == "ESP"


def test_town_inside_a_facility_name_is_a_place() -> None:
    found = named("On 7 May, cyclists rallied in front of the City Hall in Malmo for bike lanes.")
    assert found["Malmo"].country == "SWE"


def test_town_that_names_its_district_is_found_after_a_bare_in() -> None:
    found = named("On 2 April, nurses gathered outside the Prefecture in Lecco over pay.")
    assert found["Lecco"].country == "ITA"


def test_district_before_its_province_is_found_in_it() -> None:
    found = named("On 19 May, in Nicolas Flores, Hidalgo, farmers blocked a road.")
    assert (found["Nicolas Flores"].country, found["Nicolas Flores"].precision) == ("MEX", 2)
