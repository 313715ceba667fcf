"""`export/ucdp.py`: organised-violence events as UCDP-GED-style rows."""

from __future__ import annotations

import dataclasses
import datetime as dt

from fogwatch.export.ucdp import UCDP_COLUMNS, type_of_violence, ucdp_row, ucdp_rows
from fogwatch.records import Actor, Fatalities, Figure, Place, When

from .conftest import SYRIA, protest_event, strike_event

CIVILIANS = Actor("Civilians (Syria)", None, "SYR", "civilians")
REBELS = Actor("Hayat Tahrir al-Sham", "HTS", "SYR", "rebel")
ISIS = Actor("Islamic State (ISIS)", "ISIS", None, "rebel")


def test_row_has_every_column_in_order() -> None:
    assert tuple(ucdp_row(strike_event(), "strike-story")) == UCDP_COLUMNS


def test_strike_row_maps_each_field() -> None:
    row = ucdp_row(strike_event(), "strike-story")
    assert {k: row[k] for k in (
        "id", "relid", "year", "type_of_violence", "side_a", "side_b", "where_prec",
        "date_prec", "date_start", "date_end", "deaths_a", "deaths_b", "deaths_civilians",
        "deaths_unknown", "best", "high", "low", "latitude", "longitude", "country", "adm_1",
        "region", "source_article", "source_original", "number_of_sources", "event_clarity",
        "geom_wkt")} == {
        "id": "strike", "relid": "strike-story", "year": 2020, "type_of_violence": 1,
        "side_a": "Military Forces of Russia; Military Forces of Syria",
        "side_b": "Military Forces of Turkey", "where_prec": 2, "date_prec": 1,
        "date_start": "2020-02-10", "date_end": "2020-02-10", "deaths_a": 0, "deaths_b": 10,
        "deaths_civilians": 0, "deaths_unknown": 0, "best": 10, "high": 10, "low": 1,
        "latitude": 35.6599, "longitude": 36.4849, "country": "Syria", "adm_1": "Idlib",
        "region": "Middle East", "source_article": "Ahval; Al Masdar News",
        "source_original": "Al Masdar News", "number_of_sources": 2, "event_clarity": 2,
        "geom_wkt": "POINT (36.4849 35.6599)"}


def test_victims_of_unknown_side_count_as_deaths_unknown() -> None:
    event = dataclasses.replace(strike_event(), figures=(Figure("killed", "people", 4, 4, 4),),
                                fatalities=Fatalities(4, 4, 4))
    row = ucdp_row(event, "x")
    assert (row["deaths_b"], row["deaths_unknown"], row["best"]) == (0, 4, 4)


def test_cumulative_tallies_are_not_attributed_to_the_event() -> None:
    tally = Figure("killed", "Turkish soldiers", 16, 16, 16, cumulative=True)
    event = dataclasses.replace(strike_event(), figures=(tally,))
    row = ucdp_row(event, "x")
    assert (row["deaths_b"], row["deaths_unknown"]) == (0, 10)


def test_civilian_victims_count_as_deaths_civilians() -> None:
    event = dataclasses.replace(strike_event(), actors2=(CIVILIANS,),
                                figures=(Figure("killed", "civilians", 3, 3, 3),),
                                fatalities=Fatalities(3, 3, 3))
    row = ucdp_row(event, "x")
    assert (row["type_of_violence"], row["deaths_civilians"], row["deaths_unknown"]) == (3, 3, 0)


def test_open_ended_high_is_written_as_best() -> None:
    event = dataclasses.replace(strike_event(), fatalities=Fatalities(5, 5, None))
    assert ucdp_row(event, "x")["high"] == 5


def test_state_side_becomes_side_a() -> None:
    event = dataclasses.replace(strike_event(), actors1=(REBELS,), actors2=(SYRIA,))
    row = ucdp_row(event, "x")
    assert (row["side_a"], row["side_b"]) == ("Military Forces of Syria", "Hayat Tahrir al-Sham")


def test_two_rebel_groups_are_non_state_violence() -> None:
    event = dataclasses.replace(strike_event(), actors1=(REBELS,), actors2=(ISIS,))
    assert type_of_violence(event) == 2


def test_violence_against_civilians_is_one_sided() -> None:
    event = dataclasses.replace(strike_event(), event_type="Violence against civilians",
                                sub_event_type="Attack", actors1=(ISIS,), actors2=())
    assert type_of_violence(event) == 3


def test_protests_are_left_out() -> None:
    assert [r["id"] for r in ucdp_rows([strike_event(), protest_event()], {})] == ["strike"]


def test_relid_is_the_input_id_else_the_content_hash() -> None:
    event = strike_event("a" * 40)
    assert ucdp_rows([event], {"a" * 40: None})[0]["relid"] == "a" * 40


def test_province_place_is_where_prec_4() -> None:
    idlib = Place("Idlib", "Idlib", None, "SYR", 35.8, 36.6, 169387, "ADM1", 3)
    assert ucdp_row(dataclasses.replace(strike_event(), place=idlib), "x")["where_prec"] == 4


def test_three_day_range_is_date_prec_2() -> None:
    when = When(dt.date(2020, 2, 10), dt.date(2020, 2, 12), "day")
    assert ucdp_row(dataclasses.replace(strike_event(), when=when), "x")["date_prec"] == 2


def test_month_is_date_prec_4() -> None:
    when = When(dt.date(2020, 2, 1), dt.date(2020, 2, 29), "month")
    assert ucdp_row(dataclasses.replace(strike_event(), when=when), "x")["date_prec"] == 4
