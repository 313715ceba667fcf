"""Which of a sentence's towns is the event's scene (pipeline/event_place_scene.py), on
sentences of our own."""

from __future__ import annotations

import datetime as dt

from fogwatch.pipeline import extract_document, make_document
from fogwatch.pipeline.event_place_scene import located, scene_cues, stated_place
from fogwatch.records import Place, Span


def event_place(text: str) -> Place | None:
    extraction = extract_document(make_document(text, dt.date(2022, 5, 20)))
    assert extraction.events, "no event found"
    return extraction.events[0].place


def place(text: str, name: str, kind: str, country: str = "NGA") -> Place:
    start = text.index(name)
    precision = 3 if kind.startswith(("ADM", "PCL")) else 1
    return Place(name=name, admin1=None, admin2=None, country=country, lat=0.0, lon=0.0,
                 geonameid=None, feature_code=kind, precision=precision,
                 span=Span(start, start + len(name), name))


def test_place_a_note_says_its_event_is_coded_to_is_stated() -> None:
    text = "Gunmen raided Dutsin (Katsina) and nearby hamlets (coded to Funtua)."
    places = [place(text, "Dutsin", "PPL"), place(text, "Katsina", "ADM1"),
              place(text, "Funtua", "PPL")]
    stated = stated_place(places, text, scene_cues())
    assert stated is not None and stated.name == "Funtua"


def test_coded_place_in_another_country_than_the_story_is_not_stated() -> None:
    text = "Builders marched over unpaid wages in Anshan, Liaoning (coded to Xigang)."
    places = [place(text, "Anshan", "PPL", "CHN"), place(text, "Liaoning", "ADM1", "CHN"),
              place(text, "Xigang", "PPL", "TWN")]
    assert stated_place(places, text, scene_cues()) is None


def test_town_with_its_unit_in_brackets_is_located() -> None:
    text = "Traders protested in Owo (Ondo) over taxes."
    places = [place(text, "Owo", "PPL"), place(text, "Ondo", "ADM1")]
    assert located(places[0], places, text, scene_cues())


def test_town_followed_by_another_town_of_a_list_is_not_located() -> None:
    text = "Nurses came from Ilorin, Ibadan and Osogbo."
    places = [place(text, "Ilorin", "PPL"), place(text, "Ibadan", "PPL"),
              place(text, "Osogbo", "PPL")]
    assert not located(places[0], places, text, scene_cues())


def test_town_with_its_township_and_district_in_brackets_is_located() -> None:
    text = "Rebels fought troops in Mingin township (Mingin district, Sagaing region)."
    second = text.index("Mingin", text.index("(")), text.index(" district")
    places = [place(text, "Mingin", "PPL", "MMR"), place(text, "Sagaing", "ADM1", "MMR")]
    places.insert(1, Place(name="Mingin District", admin1=None, admin2=None, country="MMR",
                           lat=0.0, lon=0.0, geonameid=None, feature_code="ADM2", precision=2,
                           span=Span(second[0], second[1], "Mingin")))
    assert located(places[0], places, text, scene_cues())


def test_town_the_protesters_come_from_is_not_the_scene() -> None:
    found = event_place("On 3 May 2022, residents of Kaduna protested in Zaria against the "
                        "closure of a cattle market.")
    assert found is not None and found.name == "Zaria"


def test_town_named_before_residents_is_not_the_scene() -> None:
    found = event_place("On 3 May 2022, Tema residents demonstrated in Accra against the "
                        "rising cost of fuel.")
    assert found is not None and found.name == "Accra"


def test_town_of_the_trigger_s_own_phrase_beats_a_town_of_its_purpose() -> None:
    found = event_place("On 22 June 2022, after the sale of a shipyard in Bergen, dock "
                        "workers demonstrated in Oslo.")
    assert found is not None and found.name == "Oslo"


def test_road_named_after_towns_is_not_the_scene() -> None:
    found = event_place("On 9 April 2022, traders set up roadblocks on the Nairobi-Nakuru "
                        "highway in Naivasha town (Nakuru) to protest a new levy.")
    assert found is not None and found.name == "Naivasha"


def test_town_that_names_the_protesters_trade_is_not_the_scene() -> None:
    found = event_place("On 16 February 2022, some Naples taxi drivers gathered in Rome to "
                        "protest against new licence rules.")
    assert found is not None and found.name == "Rome"


def test_name_in_brackets_after_a_common_noun_is_not_the_scene() -> None:
    found = event_place("On 15 February 2022, pupils occupied a lyceum (Monti) in Pisa "
                        "(Toscana) to protest against unpaid internships.")
    assert found is not None and found.name == "Pisa"


def test_acronym_in_capitals_is_not_the_scene() -> None:
    found = event_place("On 26 March 2022, a bomb hit a convoy of the intelligence agency "
                        "(NISA) near Baidoa (Bay). Two soldiers were injured.")
    assert found is not None and found.name == "Baidoa"
