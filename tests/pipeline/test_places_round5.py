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


def test_article_alone_is_no_place() -> None:
    # "As" of "As Sweida" is no Belgian town called As
    found = places("Gunmen robbed a bus as it passed by Qanawat town in As Sweida.")
    assert found[0][1:] == ("Qanawāt", "As-Suwayda", "SYR")
    assert all(country == "SYR" for *_, country in found)


def test_town_put_inside_a_loosely_spelt_province() -> None:
    # "Al Hasakeh" is only a loose spelling of the unit's names; the town lies in it
    found = places("A patrol was seen in rural Qahtaniyyah town in Al Hasakeh countryside.")
    assert found[0][0] == "Qahtaniyyah"
    assert found[0][2:] == ("Al Ḩasakah", "SYR")


def test_widest_unit_of_a_bracketed_list_holds_the_village() -> None:
    # "Abadan" alone is a city in Iran; "Borno" says where the village is
    found = places("Fighters clashed near Malam Fatori (Abadan, Borno) at dawn.")
    assert ("Malam Fatori", "Mallam Fatori", "Borno", "NGA") in found


def test_list_unit_that_holds_the_village_wins_over_a_foreign_namesake() -> None:
    found = places("A car bomb went off in Umm el Araneb (Murzuq, South) on Monday.")
    assert found[0] == ("Umm el Araneb", "Umm al Arānib", "Murzuq", "LBY")


def test_square_known_only_as_another_name_of_a_town_is_no_place() -> None:
    found = places("Crowds gathered at Liberty Square (Taipei City - Zhongzheng) on Sunday.")
    assert [span for span, *_ in found] == ["Taipei City"]


def test_numbered_mine_sits_in_the_province_after_the_comma() -> None:
    found = places("Shells hit Zolote-5, Luhansk, on Friday.")
    assert found[1] == ("Luhansk", "Luhansk", "Luhansk", "UKR")
    extraction = extract_document(make_document("Shells hit Zolote-5, Luhansk, on Friday.",
                                                dt.date(2022, 5, 20)))
    assert extraction.places[1].feature_code == "ADM1"


def test_town_and_quarter_after_a_building_is_the_scene() -> None:
    text = ("On 4 May 2022, about 40 drivers held a rally in front of the union's offices "
            "(Busan - Haeundae) over fuel prices, after a meeting in Ulsan last week.")
    extraction = extract_document(make_document(text, dt.date(2022, 5, 20)))
    assert extraction.events[0].place is not None
    assert extraction.events[0].place.name == "Busan"
