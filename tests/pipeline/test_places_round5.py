"""Arabic names with a spaced article, and a village after a comma put in the province named
like its main town (pipeline/places.py `_NAME_RUN`, gazetteer/resolve.py `_within_container`),
on sentences of our own."""

from __future__ import annotations

import datetime as dt

from fogwatch.pipeline import extract_document, make_document


def places(text: str) -> list[tuple[str, str, str | None, str | None]]:
    extraction = extract_document(make_document(text, dt.date(2022, 5, 20)))
    return [(p.span.text if p.span else "", p.name, p.admin1, p.country)
            for p in extraction.places]


def test_spaced_article_keeps_the_name_whole() -> None:
    found = places("Gunmen shot a shepherd near Al Mayadin in Deir ez Zor countryside.")
    assert [span for span, *_ in found] == ["Al Mayadin", "Deir ez Zor"]
    assert {country for *_, country in found} == {"SYR"}


def test_english_preposition_is_no_article() -> None:
    found = places("Gunners fired a Tochka U at Novyi Buh, Mykolaiv, before dawn.")
    assert ("Novyi Buh", "Novyi Buh", "Mykolaiv", "UKR") in found


def test_village_outside_the_province_after_the_comma_is_unknown() -> None:
    # the gazetteer's only Kyselivka lies in Mykolaiv province, not in Kherson's
    found = places("Two patrols exchanged fire in Kyselivka, Kherson, on Tuesday.")
    assert [span for span, *_ in found] == ["Kherson"]


def test_list_of_big_towns_keeps_each_town() -> None:
    found = places("Unions held rallies in Nicosia, Larnaca and Limassol on Friday.")
    assert [span for span, *_ in found] == ["Nicosia", "Larnaca", "Limassol"]
    assert {country for *_, country in found} == {"CYP"}


def test_numbered_mine_of_a_town_is_near_the_town() -> None:
    text = "Shells hit Zolote-5, Luhansk, on Friday."
    extraction = extract_document(make_document(text, dt.date(2022, 5, 20)))
    first = extraction.places[0]
    assert (first.span.text if first.span else "", first.name, first.admin1) == \
        ("Zolote", "Zolote", "Luhansk")
    assert first.precision == 2


def test_spring_of_an_arabic_name_in_any_spelling() -> None:
    found = places("Drones struck a checkpoint outside Ein Issa in Raqqa countryside.")
    assert found[0][0] == "Ein Issa"
    assert found[0][2:] == ("Ar Raqqah", "SYR")
