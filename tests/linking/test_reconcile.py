"""Reconciled figures: which report's toll is best."""

from __future__ import annotations

import datetime as dt

from fogwatch.linking import link
from fogwatch.records import Fatalities, SourceKind

from .stories import Told, killed, story

D = dt.date.fromisoformat
MINISTRY: tuple[str, SourceKind] = ("Turkish Ministry of National Defence", "military")
SPOKESMAN: tuple[str, SourceKind] = ("defence ministry", "official")
DAILY: tuple[str, SourceKind] = ("Example Daily", "media")


def test_a_later_toll_stated_by_the_ministry_beats_its_earlier_confirmed_one() -> None:
    day = D("2020-02-10")
    mentions = [
        *story("m1", "2020-02-11", Told(day=day, killed=killed(5), certainty="confirmed",
                                        source=MINISTRY)),
        *story("m2", "2020-02-14", Told(day=day, killed=killed(7), certainty="reported",
                                        source=SPOKESMAN)),
    ]
    [incident] = link(mentions)
    assert incident.fatalities == Fatalities(low=5, best=7, high=7)


def test_an_outlets_later_higher_toll_does_not_beat_a_confirmed_official_one() -> None:
    day = D("2020-02-10")
    mentions = [
        *story("o1", "2020-02-11", Told(day=day, killed=killed(5), certainty="confirmed",
                                        source=MINISTRY)),
        *story("o2", "2020-02-14", Told(day=day, killed=killed(9), certainty="reported",
                                        source=DAILY)),
    ]
    [incident] = link(mentions)
    assert incident.fatalities == Fatalities(low=5, best=5, high=9)
