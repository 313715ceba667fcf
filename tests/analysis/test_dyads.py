"""Dyad series: one row a day, incidents (not reports) counted by kind, fatalities summed."""

from __future__ import annotations

import datetime as dt

import pytest

from fogwatch.analysis import dyad_series, dyads_of, known_dyads, parse_dyad
from fogwatch.errors import InputError

from .incidents import (
    CLASH,
    HTS,
    RUS_GOV,
    RUS_MIL,
    STRIKE,
    SYR_MIL,
    TALKS,
    THREAT,
    TUR_GOV,
    TUR_MIL,
    incident,
)

INCIDENTS = [
    incident("strike", "2020-02-03", STRIKE, (RUS_MIL, SYR_MIL), (TUR_MIL,), killed=3),
    incident("threat", "2020-02-03", THREAT, (RUS_GOV,), (TUR_GOV,)),
    incident("talks", "2020-02-05", TALKS, (RUS_GOV,), (TUR_GOV,)),
    incident("clash", "2020-02-04", CLASH, (SYR_MIL,), (HTS,), killed=5),
]


def test_an_incident_belongs_to_each_ordered_pair_of_its_sides_countries() -> None:
    assert dyads_of(INCIDENTS[0]) == {("RUS", "TUR"), ("SYR", "TUR")}
    assert dyads_of(INCIDENTS[0], "id") == {("RUS-MIL", "TUR-MIL"), ("SYR-MIL", "TUR-MIL")}


def test_the_series_has_a_row_for_every_day_from_first_to_last() -> None:
    series = dyad_series(INCIDENTS, ("RUS", "TUR"))
    assert [d.day for d in series.days] == [dt.date(2020, 2, n) for n in (3, 4, 5)]
    first, quiet, last = series.days
    assert first.events_by_type == (("Explosions/Remote violence", 1), ("THREATEN", 1))
    assert (first.fatalities_best, first.verbal_conflict, first.material) == (3, 1, 1)
    assert quiet.incident_ids == () and quiet.fatalities_best == 0
    assert (last.cooperation, last.incident_ids) == (1, ("inc-talks",))


def test_a_dyad_is_ordered() -> None:
    assert dyad_series(INCIDENTS, ("TUR", "RUS")).days == ()


def test_actor_id_dyads_are_told_by_their_hyphen() -> None:
    series = dyad_series(INCIDENTS, ("SYR-MIL", "HTS"))
    assert series.side == "id"
    assert [d.incident_ids for d in series.days] == [("inc-clash",)]


def test_known_dyads_are_listed_busiest_first() -> None:
    assert known_dyads(INCIDENTS)[0] == (("RUS", "TUR"), 3)


def test_a_dyad_is_written_with_a_colon() -> None:
    assert parse_dyad("rus:tur") == ("RUS", "TUR")
    with pytest.raises(InputError, match="RUS:TUR"):
        parse_dyad("RUS-TUR")
