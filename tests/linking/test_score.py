"""Pair scores and vetoes: dates widened by precision, places, type families, names."""

from __future__ import annotations

import dataclasses
import datetime as dt

from fogwatch.linking import Mention, conflict, link, pair_score
from fogwatch.linking.mentions import mention_of
from fogwatch.records import Document, Event, Evidence, Figure, Place, Plover, Span, When

from .stories import ATTACK, IDLIB_PROVINCE, KAFR_NABL, KANSAFRA, PROTEST, Told, story

D = dt.date.fromisoformat
ANKARA_PROVINCE = Place("Ankara", "Ankara", None, "TUR", 39.9, 32.8, None, "ADM1", 3)


def one(name: str, told: Told, published: str = "2020-02-03") -> Mention:
    [mention] = story(name, published, told)
    return mention


def test_an_air_strike_and_an_attack_can_be_one_incident() -> None:
    a = one("a", Told(day=D("2020-02-03")))
    b = one("b", Told(kind=ATTACK, day=D("2020-02-03")))
    assert conflict(a, b) is None


def test_a_protest_and_an_air_strike_never_are() -> None:
    a = one("a", Told(day=D("2020-02-03")))
    b = one("b", Told(kind=PROTEST, day=D("2020-02-03")))
    assert conflict(a, b) == "incompatible types"


def test_day_precise_dates_meet_within_two_days_each_side() -> None:
    a = one("a", Told(day=D("2020-02-03")))
    assert conflict(a, one("b", Told(day=D("2020-02-07")), "2020-02-07")) is None
    assert conflict(a, one("c", Told(day=D("2020-02-08")), "2020-02-08")) == (
        "dates do not overlap")


def test_a_week_precise_date_meets_any_day_of_its_week() -> None:
    a = one("a", Told(day=D("2020-02-03"), precision="week"))
    assert conflict(a, one("b", Told(day=D("2020-02-11")))) is None


def test_a_province_holds_any_town_inside_it_and_no_town_outside() -> None:
    town = one("a", Told(day=D("2020-02-03")))
    assert conflict(one("b", Told(place=IDLIB_PROVINCE, day=D("2020-02-03"))),
                    town) is None
    assert conflict(one("c", Told(place=ANKARA_PROVINCE, day=D("2020-02-03"))),
                    town) == "different places"


def test_two_named_towns_9_km_apart_are_different_places() -> None:
    a = one("a", Told(day=D("2020-02-03")))
    b = one("b", Told(place=KAFR_NABL, day=D("2020-02-03")))
    assert conflict(a, b) == "different places"


def test_near_a_town_matches_a_town_within_25_km() -> None:
    near = dataclasses.replace(KAFR_NABL, name="near Kafr Nabl", geonameid=None, precision=2)
    a = one("a", Told(day=D("2020-02-03")))
    assert conflict(a, one("b", Told(place=near, day=D("2020-02-03")))) is None


def _named(doc: str, place: Place, text: str) -> Mention:
    document = Document(id=doc, text=text, published=D("2020-02-03"))
    start = text.index("shot")
    event = Event(id=f"{doc}-e", doc_id=doc, event_type="Violence against civilians",
                  sub_event_type="Attack", plover=Plover("ASSAULT"), place=place,
                  when=When(D("2020-02-03"), D("2020-02-03"), "day"),
                  evidence=(Evidence("event", Span(start, start + 4, "shot")),))
    return mention_of(event, document)


def test_three_shared_names_overrule_a_misread_place() -> None:
    text = "A man was shot on Maple Road. Jordan Whitfield and Casey Ormond were held."
    a = _named("a", KANSAFRA, text)
    b = _named("b", KAFR_NABL, "Police said Whitfield, Ormond and a Maple Road neighbour saw "
                               "a man shot.")
    assert conflict(a, b) is None
    assert pair_score(a, b) > 0
    assert len(link([a, b])) == 1


def test_a_killed_or_wounded_figure_never_becomes_an_incidents_killed() -> None:
    [mention] = story("kw", "2020-02-03", Told(day=D("2020-02-03")))
    figure = Figure("killed_or_wounded", "soldiers", 1, 10, 10)
    event = dataclasses.replace(mention.event, figures=(figure,), fatalities=None)
    [incident] = link([dataclasses.replace(mention, event=event)])
    assert incident.fatalities is None


CRIME_SHOOTING = (None, None, Plover("ASSAULT", "firearms"))
THREAT = (None, None, Plover("THREATEN", None))


def test_a_shooting_with_no_acled_type_links_with_the_same_shooting_typed_as_an_attack() -> None:
    typeless = story("n1", "2020-02-03", Told(kind=CRIME_SHOOTING, day=D("2020-02-03")))
    typed = story("n2", "2020-02-04", Told(kind=ATTACK, day=D("2020-02-03")))
    assert conflict(typeless[0], typed[0]) is None
    [incident] = link([*typeless, *typed])
    assert sorted(r.event_id for r in incident.reports) == ["doc-n1-e0", "doc-n2-e0"]


def test_two_typeless_reports_of_one_shooting_are_one_incident() -> None:
    first = story("n3", "2020-02-03", Told(kind=CRIME_SHOOTING, day=D("2020-02-03")))
    second = story("n4", "2020-02-04", Told(kind=CRIME_SHOOTING, day=D("2020-02-03")))
    assert len(link([*first, *second])) == 1


def test_a_threat_with_no_acled_type_never_joins_a_shooting() -> None:
    shooting = one("n5", Told(kind=CRIME_SHOOTING, day=D("2020-02-03")))
    threat = one("n6", Told(kind=THREAT, day=D("2020-02-03")))
    assert conflict(shooting, threat) == "incompatible types"
    assert conflict(threat, one("n7", Told(kind=ATTACK, day=D("2020-02-03")))) is not None


def test_a_shooting_dated_after_its_story_was_published_is_dated_by_the_story() -> None:
    # "Saturday" resolved into the week after publication: the report cannot tell of it yet.
    misread = one("f1", Told(kind=ATTACK, day=D("2020-02-15")), published="2020-02-10")
    plain = one("f2", Told(kind=ATTACK, day=D("2020-02-08")), published="2020-02-09")
    assert conflict(misread, plain) is None


def test_a_protest_announced_for_a_later_day_keeps_its_date() -> None:
    planned = one("f3", Told(kind=PROTEST, day=D("2020-02-15")), published="2020-02-10")
    earlier = one("f4", Told(kind=PROTEST, day=D("2020-02-08")), published="2020-02-09")
    assert conflict(planned, earlier) == "dates do not overlap"


def test_two_reports_naming_one_county_placed_apart_by_the_gazetteer_are_compared() -> None:
    # One report's "Richmond County" resolved to Georgia's, the other's to New York's: one name
    # in one country scores as one place, so blocking must bring the two together.
    georgia = Place("Richmond County", "Georgia", "Richmond County", "USA", 33.36, -82.07, None,
                    "ADM2", 2)
    new_york = Place("Richmond County", "New York", "Richmond County", "USA", 40.58, -74.15,
                     None, "ADM2", 2)
    a = one("r1", Told(kind=ATTACK, place=georgia, day=D("2020-02-03")))
    b = one("r2", Told(kind=ATTACK, place=new_york, day=D("2020-02-03")))
    assert len(link([a, b])) == 1
