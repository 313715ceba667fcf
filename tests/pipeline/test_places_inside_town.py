"""A town the words put inside another town (gazetteer/resolve.py `_within_container`), on
sentences of our own: a namesake far away is not the place meant."""

from __future__ import annotations

import datetime as dt

from fogwatch.pipeline import extract_document, make_document


def places(text: str) -> list[tuple[str, str | None, str | None]]:
    extraction = extract_document(make_document(text, dt.date(2022, 5, 20)))
    return [(p.span.text if p.span else "", p.admin1, p.country) for p in extraction.places]


def test_quarter_of_a_city_is_not_a_namesake_in_another_province() -> None:
    # the gazetteer knows no Kartal in Istanbul, only villages of that name far away
    found = places("Dozens of workers rallied in Kartal town, Istanbul, over unpaid wages.")
    assert ("Istanbul", "Istanbul", "TUR") in found
    assert not any(name == "Kartal" for name, _, _ in found)


def test_neighbourhood_of_a_city_is_not_a_namesake_across_the_country() -> None:
    found = places("Residents marched in University Heights in San Diego on Sunday.")
    assert ("San Diego", "California", "USA") in found
    assert not any(name == "University Heights" for name, _, _ in found)


def test_town_in_the_province_named_after_its_capital_is_kept() -> None:
    found = places("A roadside bomb hit a patrol in Jarablus city in Aleppo countryside.")
    assert ("Jarablus", "Aleppo", "SYR") in found


def test_a_list_after_a_comma_keeps_its_towns() -> None:
    found = places("Teachers went on strike in Ilorin, Ibadan and Lagos on Monday.")
    assert [name for name, _, _ in found] == ["Ilorin", "Ibadan", "Lagos"]
