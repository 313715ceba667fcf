"""Resolution, round 3: a town's own name before another language's name of a bigger town,
the town that heads its namesake district, and a name said twice pairing with no county of
its own (entries built by hand)."""

from __future__ import annotations

from fogwatch.gazetteer import Entry
from fogwatch.gazetteer.resolve import Toponym, resolve


def entry(id: int, name: str, kind: str, country: str, admin1: str | None, population: int,
          admin2: str | None = None, alt: bool = False, code: str | None = None,
          loose: bool = False) -> Entry:
    feature = code or {"city": "PPL", "admin1": "ADM1", "admin2": "ADM2"}[kind]
    return Entry(id, None, name, kind, feature, country, admin1, 0.0, 0.0, population,
                 admin2=admin2, alt=alt, loose=loose)


# Valencia, Spain, is "Valence" in French; Valence, France, is called so itself.
VALENCIA = entry(1, "Valencia", "city", "ESP", "Valencia", 800_000, alt=True)
VALENCE = entry(2, "Valence", "city", "FRA", "Auvergne-Rhone-Alpes", 64_000)
# Turin is "Torino" in Italian, the name of its own province too.
TURIN = entry(3, "Turin", "city", "ITA", "Piemonte", 850_000, admin2="Torino", alt=True)
TORINO = entry(4, "Torino", "admin2", "ITA", "Piemonte", 3_900_000, admin2="Torino")
# A district and the town at its head, and a bigger namesake town elsewhere.
GULU_DISTRICT = entry(5, "Gulu", "admin2", "UGA", "Northern", 300_000, admin2="Gulu")
GULU = entry(6, "Gulu", "city", "UGA", "Northern", 150_000, admin2="Gulu")
MORANG = entry(7, "Morang", "admin2", "NPL", "Koshi", 240_000, admin2="Morang")
SOUTH_MORANG = entry(8, "South Morang", "city", "AUS", "Victoria", 25_000, alt=True)
# Lima, Peru, the capital, and the small Lima of Paraguay with its district of that name.
LIMA = entry(9, "Lima", "city", "PER", "Lima", 7_700_000, code="PPLC")
LIMA_PRY = entry(10, "Lima", "city", "PRY", "San Pedro", 10_000, admin2="Lima")
LIMA_PRY_DISTRICT = entry(11, "Lima", "admin2", "PRY", "San Pedro", 10_000, admin2="Lima")
# A small town of its own name, and a capital of a little more people matched only loosely.
VALLET = entry(12, "Vallet", "city", "FRA", "Pays de la Loire", 7_000)
VALLETTA = entry(13, "Valletta", "city", "MLT", "Valletta", 7_500, code="PPLC", loose=True)


def test_a_town_of_its_own_name_beats_a_bigger_town_of_that_name_in_another_language() -> None:
    assert resolve([Toponym("Valence", (VALENCIA, VALENCE))]) == [VALENCE]


def test_an_alternate_name_alone_still_resolves() -> None:
    assert resolve([Toponym("Valence", (VALENCIA,))]) == [VALENCIA]


def test_the_namesake_district_of_a_town_is_no_rival_to_its_alternate_name() -> None:
    assert resolve([Toponym("Torino", (TORINO, TURIN))]) == [TURIN]


def test_a_district_word_keeps_the_district_beside_the_towns() -> None:
    # "Morang district": no town of that name but one abroad that only other languages use
    assert resolve([Toponym("Morang", (MORANG, SOUTH_MORANG), want="city")]) == [MORANG]


def test_a_district_word_means_the_town_at_the_head_of_its_namesake() -> None:
    assert resolve([Toponym("Gulu", (GULU_DISTRICT, GULU), want="city")]) == [GULU]


def test_a_name_said_twice_is_no_town_in_a_county_of_the_other_saying() -> None:
    candidates = (LIMA, LIMA_PRY, LIMA_PRY_DISTRICT)
    picks = resolve([Toponym("Lima", candidates), Toponym("Lima", candidates, want="city")])
    assert picks == [LIMA, LIMA]


def test_the_outer_name_of_a_town_inside_its_namesake_is_a_unit() -> None:
    picks = resolve([Toponym("Gulu", (GULU_DISTRICT, GULU), want="city",
                             container=(GULU_DISTRICT, GULU), container_name=("Gulu", "unit")),
                     Toponym("Gulu", (GULU_DISTRICT, GULU), want="unit",
                             contents=(GULU_DISTRICT, GULU))])
    assert picks == [GULU, GULU_DISTRICT]


def test_a_capital_matched_loosely_is_no_rival_to_a_town_of_that_very_name() -> None:
    assert resolve([Toponym("Vallet", (VALLET, VALLETTA))]) == [VALLET]
