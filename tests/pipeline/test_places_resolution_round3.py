"""Places, round 3 of resolution: a settlement noun after a name wants the town, a district
word keeps the district of that name, a name inside its namesake is the town inside the
unit, and a town's own name beats another language's name of a bigger town (sentences of
our own)."""

from __future__ import annotations

import datetime as dt

from fogwatch.pipeline import extract_document, make_document


def places(text: str) -> list[tuple[str, str, str | None, int]]:
    extraction = extract_document(make_document(text, dt.date(2022, 5, 4)))
    return [(p.span.text if p.span else "", p.name, p.country, p.precision)
            for p in extraction.places]


def test_city_after_a_name_wants_the_town_not_a_unit_abroad() -> None:
    # "Amara" is also a region of Ethiopia, far bigger than the Iraqi town
    assert places("On 3 May 2022, militiamen deployed to the streets of Amara city after a "
                  "killing.") == [("Amara", "Al ‘Amārah", "IRQ", 1)]


def test_district_word_keeps_the_district_of_that_name() -> None:
    assert places("On 3 May 2022, students blocked a road in Rangeli municipality (Morang "
                  "district) over fees.") == [("Morang", "Morang", "NPL", 2)]


def test_district_word_finds_the_district_named_without_the_word() -> None:
    assert places("On 3 May 2022, youths staged a sit-in in Hyderabad city (Hyderabad "
                  "district, Telangana) over jobs.") == [
        ("Hyderabad", "Hyderabad", "IND", 1), ("Hyderabad", "Hyderābād", "IND", 2),
        ("Telangana", "Telangāna", "IND", 3)]


def test_name_inside_its_namesake_is_the_town_inside_the_unit() -> None:
    assert places("On 3 May 2022, hotel staff rallied in Rabat (Rabat) to demand the "
                  "reopening of borders.") == [("Rabat", "Rabat", "MAR", 1),
                                               ("Rabat", "Rabat", "MAR", 2)]


def test_a_town_of_its_own_name_beats_another_languages_name() -> None:
    assert places("On 3 May 2022, about 60 people demonstrated in Valence against the "
                  "pension reform.") == [("Valence", "Valence", "FRA", 1)]


def test_name_with_de_la_is_read_whole() -> None:
    assert places("On 9 June 2022, teachers in Santa Cruz de la Sierra (Santa Cruz) marched "
                  "to the ministry.")[0] == ("Santa Cruz de la Sierra", "Santa Cruz de la Sierra",
                                         "BOL", 1)


def test_city_inside_the_entity_wants_the_town_too() -> None:
    assert places("On 3 May 2022, jobless graduates rallied outside the "
                  "governor's office in Amara city. They demanded jobs.") == [
        ("Amara", "Al ‘Amārah", "IRQ", 1)]
