"""Multi-story scenarios: the exact incidents, reconciled figures and certainty."""

from __future__ import annotations

import datetime as dt
import random

from fogwatch.linking import Mention, link, relink
from fogwatch.records import Fatalities, Incident, Place

from .stories import (
    ANKARA,
    ATTACK,
    IDLIB_CITY,
    IDLIB_PROVINCE,
    KAFR_NABL,
    KANSAFRA,
    PROTEST,
    PROTESTERS,
    Told,
    killed,
    story,
)

D = dt.date.fromisoformat
MINISTRY = ("Turkish Ministry of National Defence", "official")


def members(incident: Incident) -> list[str]:
    return sorted(r.event_id for r in incident.reports)


def one_strike_told_many_ways() -> list[Mention]:
    day = D("2020-02-03")
    return [
        *story("s1", "2020-02-03", Told(day=day, certainty="unconfirmed",
                                        source=("pro-opposition media", "opposition_media"))),
        *story("s2", "2020-02-03", Told(kind=ATTACK, day=day, killed=killed(3),
                                        source=("Syrian Observatory for Human Rights", "ngo"))),
        *story("s3", "2020-02-04", Told(place=IDLIB_PROVINCE, day=day, killed=killed(3),
                                        source=("Anadolu", "state_media"))),
        *story("s4", "2020-02-05", Told(day=day, precision="week")),
        *story("s5", "2020-02-05", Told(day=day, killed=killed(5), certainty="confirmed",
                                        source=MINISTRY)),
    ]


def two_strikes_in_neighbouring_villages() -> list[Mention]:
    day = D("2020-03-02")
    return [
        *story("a1", "2020-03-02", Told(day=day, killed=killed(2))),
        *story("a2", "2020-03-03", Told(day=day, killed=killed(2))),
        *story("b1", "2020-03-02", Told(place=KAFR_NABL, day=day, killed=killed(4))),
        *story("b2", "2020-03-03", Told(kind=ATTACK, place=KAFR_NABL, day=day,
                                        killed=killed(4))),
        *story("c", "2020-03-03", Told(day=day, killed=killed(2)),
               Told(place=KAFR_NABL, day=day, killed=killed(4))),
    ]


def a_denial_then_a_confirmation() -> list[Mention]:
    day = D("2020-03-23")
    return [
        *story("d1", "2020-03-23", Told(day=day, killed=killed(10, low=1), certainty="unconfirmed",
                                        source=("Syrian opposition activists",
                                                "opposition_media"))),
        *story("d2", "2020-03-24", Told(day=day, certainty="denied",
                                        source=("Russian Ministry of Defence", "official"))),
        *story("d3", "2020-03-25", Told(day=day, killed=killed(2), certainty="confirmed",
                                        source=MINISTRY)),
    ]


def a_toll_rising_over_days() -> list[Mention]:
    day = D("2020-04-13")
    health = ("Idlib Health Directorate", "official")
    return [
        *story("t1", "2020-04-13", Told(day=day, killed=killed(3), source=health)),
        *story("t2", "2020-04-14", Told(day=day, killed=killed(5), source=health)),
        *story("t3", "2020-04-15", Told(day=day, killed=killed(7), source=health)),
        *story("t4", "2020-04-15", Told(day=day, killed=killed(12, low=0),
                                        source=("a local source", "anonymous"))),
    ]


def an_unrelated_protest() -> list[Mention]:
    day = D("2020-05-04")

    def protest(place: Place) -> Told:
        return Told(kind=PROTEST, place=place, day=day, actors1=(PROTESTERS,), actors2=())

    return [
        *story("p1", "2020-05-04", Told(place=IDLIB_CITY, day=day, killed=killed(1))),
        *story("p2", "2020-05-04", Told(kind=ATTACK, place=IDLIB_CITY, day=day,
                                        killed=killed(1))),
        *story("q1", "2020-05-04", protest(IDLIB_CITY)),
        *story("q2", "2020-05-05", protest(IDLIB_CITY)),
        *story("r1", "2020-05-04", protest(ANKARA)),
    ]


def test_one_strike_told_five_ways_is_one_incident() -> None:
    [incident] = link(one_strike_told_many_ways())
    assert members(incident) == [f"doc-s{n}-e0" for n in range(1, 6)]
    assert incident.place == KANSAFRA
    assert incident.sub_event_type == "Air/drone strike"


def test_the_confirmed_official_figure_is_best_and_every_credible_claim_bounds_low() -> None:
    [incident] = link(one_strike_told_many_ways())
    assert incident.fatalities == Fatalities(low=3, best=5, high=5)
    assert incident.certainty == "confirmed"
    assert (incident.first_reported, incident.confirmed_at) == (D("2020-02-03"),
                                                                D("2020-02-05"))
    assert len(incident.claims) == 4  # s4 named no source


def test_two_strikes_in_neighbouring_villages_stay_apart() -> None:
    first, second = link(two_strikes_in_neighbouring_villages())
    assert members(first) == ["doc-a1-e0", "doc-a2-e0", "doc-c-e0"]
    assert members(second) == ["doc-b1-e0", "doc-b2-e0", "doc-c-e1"]
    assert first.place == KANSAFRA and second.place == KAFR_NABL
    assert first.fatalities == killed(2) and second.fatalities == killed(4)


def test_a_denial_then_a_confirmation_ends_confirmed_with_the_denier_kept() -> None:
    [incident] = link(a_denial_then_a_confirmation())
    assert members(incident) == ["doc-d1-e0", "doc-d2-e0", "doc-d3-e0"]
    assert incident.certainty == "confirmed"
    assert incident.denied_by == ("Russian Ministry of Defence",)
    assert incident.first_reported == D("2020-03-23")
    assert incident.confirmed_at == D("2020-03-25")
    # The confirmed official 2 beats the opposition's unconfirmed "up to 10", which stays high.
    assert incident.fatalities == Fatalities(low=2, best=2, high=10)


def test_a_toll_rising_over_days_takes_the_latest_official_figure() -> None:
    [incident] = link(a_toll_rising_over_days())
    assert members(incident) == ["doc-t1-e0", "doc-t2-e0", "doc-t3-e0", "doc-t4-e0"]
    assert incident.fatalities == Fatalities(low=3, best=7, high=12)
    assert incident.certainty == "reported"
    assert (incident.first_reported, incident.confirmed_at) == (D("2020-04-13"), None)


def test_a_protest_the_same_day_and_town_is_its_own_incident() -> None:
    strike, protest, ankara = link(an_unrelated_protest())
    assert members(strike) == ["doc-p1-e0", "doc-p2-e0"]
    assert members(protest) == ["doc-q1-e0", "doc-q2-e0"]
    assert members(ankara) == ["doc-r1-e0"]
    assert protest.event_type == "Protests" and protest.fatalities is None


def all_scenarios() -> list[Mention]:
    return [*one_strike_told_many_ways(), *two_strikes_in_neighbouring_villages(),
            *a_denial_then_a_confirmation(), *a_toll_rising_over_days(),
            *an_unrelated_protest()]


def test_the_scenarios_together_make_eight_incidents() -> None:
    assert len(link(all_scenarios())) == 8


def test_linking_does_not_depend_on_the_order_of_its_input() -> None:
    mentions = all_scenarios()
    expected = link(mentions)
    for seed in range(5):
        shuffled = list(mentions)
        random.Random(seed).shuffle(shuffled)
        assert link(shuffled) == expected


def test_relinking_new_stories_into_stored_incidents_gives_what_a_rebuild_gives() -> None:
    mentions = all_scenarios()
    late = {"doc-s5", "doc-b2", "doc-d3", "doc-t3", "doc-q2"}
    stored = [m for m in mentions if m.key[0] not in late]
    new = [m for m in mentions if m.key[0] in late]
    before = link(stored)
    memberships = {(r.doc_id, r.event_id): i.id for i in before for r in i.reports}
    change = relink(new, stored, memberships)
    after = [i for i in before if i.id not in change.removed] + list(change.incidents)
    assert sorted(after, key=lambda i: i.id) == sorted(link(mentions), key=lambda i: i.id)
    assert len(change.removed) == 5  # each late story joined one stored incident
    assert len(change.incidents) == 5
