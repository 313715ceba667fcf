"""Places, round 4: more words of a district after a town's name ("LGA", "regency",
"locality", "Urban", "Rural"), a unit word makes a name the model took for an organisation the
unit, a town the model tagged as a region is kept when no region bears its name, a town and
its namesake district in brackets are told apart, and a bracketed list of acronyms is a list
of organisations (sentences of our own)."""

from __future__ import annotations

import datetime as dt

from fogwatch.pipeline import extract_document, make_document


def places(text: str) -> list[tuple[str, str, str | None, str | None, int]]:
    extraction = extract_document(make_document(text, dt.date(2022, 5, 4)))
    return [(p.span.text if p.span else "", p.name, p.country, p.feature_code, p.precision)
            for p in extraction.places]


def test_lga_after_a_name_is_the_district() -> None:
    assert places("On 3 May 2022, gunmen killed two farmers in Gwer West LGA (Benue).") == [
        ("Gwer West", "Gwer West", "NGA", "ADM2", 2), ("Benue", "Benue", "NGA", "ADM1", 3)]


def test_urban_after_a_name_is_the_town_and_its_surroundings() -> None:
    assert places("On 3 May 2022, residents marched in Gweru Urban (Midlands) over water.") == [
        ("Gweru", "Gweru", "ZWE", "PPL", 2), ("Midlands", "Midlands", "ZWE", "ADM1", 3)]


def test_regency_after_a_name_is_the_town_and_its_surroundings() -> None:
    assert places("On 3 May 2022, police fired at protesters in Garut regency (West "
                  "Java).") == [("Garut", "Garut", "IDN", "PPL", 2),
                                ("West Java", "Jawa Barat", "IDN", "ADM1", 3)]


def test_locality_after_a_name_is_the_town_and_its_surroundings() -> None:
    assert places("On 3 May 2022, farmers protested in Kassala locality over fuel.") == [
        ("Kassala", "Kassala", "SDN", "PPL", 2)]


def test_state_after_a_name_tagged_as_an_organisation_is_the_state() -> None:
    # the model tags "Ondo" an organisation here; Ondo is also a town of that state
    assert places("On 3 May 2022, bandits raided a farm settlement in Ondo state at "
                  "night.") == [("Ondo", "Ondo", "NGA", "ADM1", 3)]


def test_town_tagged_as_a_region_is_kept_when_no_region_bears_its_name() -> None:
    assert places("On 3 May 2022, about 300 people marched in Saarbrucken against the "
                  "reform.") == [("Saarbrucken", "Saarbrücken", "DEU", "PPL", 1)]


def test_town_and_its_namesake_district_in_brackets_are_told_apart() -> None:
    assert places("On 3 May 2022, workers protested in Kurnool city (Kurnool district, Andhra "
                  "Pradesh) over wages.") == [
        ("Kurnool", "Kurnool", "IND", "PPL", 1), ("Kurnool", "Kurnool", "IND", "ADM2", 2),
        ("Andhra Pradesh", "Andhra Pradesh", "IND", "ADM1", 3)]


def test_town_and_a_bare_namesake_in_brackets_keep_the_container_after_them() -> None:
    assert places("On 3 May 2022, teachers held a rally in Hyderabad city (Hyderabad, Sindh) "
                  "over pay.") == [("Hyderabad", "Hyderabad", "PAK", "PPL", 1),
                                   ("Sindh", "Sindh", "PAK", "ADM1", 3)]


def test_capitalised_word_among_acronyms_in_brackets_is_no_place() -> None:
    # "Sud" is also a unit of Haiti and names of southern provinces elsewhere
    assert places("On 3 May 2022, unions (CGT, FO, Sud, FSU) rallied in Valence against the "
                  "reform.") == [("Valence", "Valence", "FRA", "PPL", 1)]


def test_country_acronym_in_brackets_is_still_a_place() -> None:
    assert places("On 3 May 2022, rebels attacked Rutshuru (North Kivu, DRC).") == [
        ("Rutshuru", "Rutshuru", "COD", "PPL", 1), ("North Kivu", "Nord-Kivu", "COD", "ADM1", 3),
        ("DRC", "Democratic Republic of the Congo", "COD", "PCLI", 3)]
