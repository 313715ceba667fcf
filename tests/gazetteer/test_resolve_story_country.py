"""Resolution keeps a story in its country: a small or loosely matched namesake abroad is no
reading of a village the gazetteer lacks (entries built by hand)."""

from __future__ import annotations

import dataclasses

from fogwatch.gazetteer import Entry
from fogwatch.gazetteer.resolve import Toponym, resolve


def entry(id: int, name: str, kind: str, country: str, admin1: str | None, population: int,
          loose: bool = False) -> Entry:
    code = {"city": "PPL", "admin1": "ADM1", "country": "PCLI"}[kind]
    found = Entry(id, None, name, kind, code, country, admin1, 0.0, 0.0, population)
    return dataclasses.replace(found, loose=True) if loose else found


EBONYI = entry(1, "Ebonyi", "admin1", "NGA", "Ebonyi", 2_000_000)
ABAKALIKI = entry(2, "Abakaliki", "city", "NGA", "Ebonyi", 130_000)
IZU = entry(3, "Izu", "city", "JPN", "Shizuoka", 9_000, loose=True)
NAMESAKE_SMALL = entry(4, "Bara", "city", "SDN", "North Kordofan", 8_000)
NAMESAKE_BIG = entry(5, "Bara", "city", "SDN", "North Kordofan", 400_000)
NIGERIA = entry(6, "Nigeria", "country", "NGA", None, 200_000_000)
DAYTON = entry(7, "Dayton", "city", "USA", "Ohio", 140_000)
BRAGA = entry(8, "Braga", "city", "PRT", "Braga", 180_000)
HORTA = entry(9, "Horta", "city", "PRT", "Azores", 6_000)


def test_loose_namesake_abroad_is_dropped_in_a_story_of_one_country() -> None:
    picks = resolve([Toponym("Isu", (IZU,)), Toponym("Ebonyi", (EBONYI,))])
    assert picks == [None, EBONYI]


def test_small_namesake_abroad_is_dropped_but_a_large_one_stays() -> None:
    story = [Toponym("Abakaliki", (ABAKALIKI,)), Toponym("Nigeria", (NIGERIA,))]
    assert resolve([Toponym("Bara", (NAMESAKE_SMALL,)), *story])[0] is None
    assert resolve([Toponym("Bara", (NAMESAKE_BIG,)), *story])[0] == NAMESAKE_BIG


def test_a_name_alone_or_in_a_story_of_several_countries_keeps_its_pick() -> None:
    assert resolve([Toponym("Bara", (NAMESAKE_SMALL,))]) == [NAMESAKE_SMALL]
    picks = resolve([Toponym("Horta", (HORTA,)), Toponym("Dayton", (DAYTON,)),
                     Toponym("Braga", (BRAGA,))])
    assert picks[0] == HORTA


def test_two_small_towns_of_two_countries_do_not_drop_each_other() -> None:
    picks = resolve([Toponym("Horta", (HORTA,)), Toponym("Bara", (NAMESAKE_SMALL,))])
    assert picks == [HORTA, NAMESAKE_SMALL]


def test_a_demonym_does_not_make_a_second_story_country() -> None:
    saudi = entry(12, "Saudi Arabia", "country", "SAU", None, 34_000_000)
    sanaa = entry(13, "Sanaa", "admin1", "YEM", "Sanaa", 1_000_000)
    baneh = entry(14, "Baneh", "city", "IRN", "Kurdistan", 110_000, loose=True)
    picks = resolve([Toponym("Bani", (baneh,)), Toponym("Sanaa", (sanaa,)),
                     Toponym("Saudi", (saudi,), adjective=True)])
    assert picks == [None, sanaa, saudi]
