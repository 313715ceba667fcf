"""`export/acled.py`: events as ACLED-style rows."""

from __future__ import annotations

import dataclasses

from fogwatch.export.acled import ACLED_COLUMNS, acled_row, notes
from fogwatch.records import Actor, Fatalities

from .conftest import TURKEY, protest_event, strike_event

STAMP = 1_700_000_000


def test_columns_are_acleds_names_in_acleds_order() -> None:
    assert ACLED_COLUMNS == (
        "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
        "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
        "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1",
        "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
        "source_scale", "notes", "fatalities", "tags", "timestamp")


def test_row_has_every_column_in_order() -> None:
    assert tuple(acled_row(strike_event(), timestamp=STAMP)) == ACLED_COLUMNS


def test_strike_row_maps_each_field() -> None:
    row = acled_row(strike_event(), timestamp=STAMP)
    assert row == {
        "event_id_cnty": "SYRstrike", "event_date": "2020-02-10", "year": 2020,
        "time_precision": 1, "disorder_type": "Political violence",
        "event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike",
        "actor1": "Military Forces of Russia", "assoc_actor_1": "Military Forces of Syria",
        "inter1": 8, "actor2": "Military Forces of Turkey", "assoc_actor_2": None, "inter2": 8,
        "interaction": 88, "civilian_targeting": None, "iso": 760, "region": "Middle East",
        "country": "Syria", "admin1": "Idlib", "admin2": None, "admin3": None,
        "location": "Kansafra", "latitude": 35.6599, "longitude": 36.4849, "geo_precision": 2,
        "source": "Ahval; Al Masdar News", "source_scale": "National",
        "notes": "On 10 February 2020, Military Forces of Russia and Military Forces of Syria "
                 "carried out an air/drone strike against Military Forces of Turkey near "
                 "Kansafra (Idlib, Syria); 10 reported fatalities (unconfirmed).",
        "fatalities": 10, "tags": "certainty=unconfirmed", "timestamp": STAMP,
    }


def test_state_forces_in_their_own_country_are_inter_1() -> None:
    event = dataclasses.replace(strike_event(), actors1=(Actor("Military Forces of Syria",
                                                               "SYR-MIL", "SYR", "military"),))
    row = acled_row(event, timestamp=STAMP)
    assert (row["inter1"], row["inter2"], row["interaction"]) == (1, 8, 18)


def test_sole_protesters_are_interaction_60() -> None:
    row = acled_row(protest_event(), timestamp=STAMP)
    assert (row["inter1"], row["inter2"], row["interaction"]) == (6, None, 60)


def test_unknown_fatalities_are_written_as_zero() -> None:
    assert acled_row(protest_event(), timestamp=STAMP)["fatalities"] == 0


def test_month_precision_is_time_precision_3() -> None:
    row = acled_row(protest_event(), timestamp=STAMP)
    assert (row["event_date"], row["time_precision"]) == ("2021-03-01", 3)


def test_protest_is_a_demonstration() -> None:
    assert acled_row(protest_event(), timestamp=STAMP)["disorder_type"] == "Demonstrations"


def test_mob_violence_is_both_political_violence_and_demonstration() -> None:
    event = dataclasses.replace(protest_event(), event_type="Riots", sub_event_type="Mob violence")
    assert acled_row(event, timestamp=STAMP)["disorder_type"] == "Political violence; Demonstrations"


def test_event_without_place_has_unknown_country_prefix() -> None:
    assert acled_row(protest_event(), timestamp=STAMP)["event_id_cnty"] == "XXXprotest"


def test_civilian_victims_mark_civilian_targeting() -> None:
    civilians = Actor("Civilians (Syria)", None, "SYR", "civilians")
    event = dataclasses.replace(strike_event(), actors2=(civilians,))
    row = acled_row(event, timestamp=STAMP)
    assert (row["civilian_targeting"], row["inter2"]) == ("Civilian targeting", 7)


def test_actor_of_unknown_kind_leaves_interaction_empty() -> None:
    event = dataclasses.replace(strike_event(), actors2=(Actor("Gunmen", None, None, None),))
    assert acled_row(event, timestamp=STAMP)["interaction"] is None


def test_notes_for_a_month_dated_protest_without_place() -> None:
    assert notes(protest_event()) == "In March 2021, Protesters held a peaceful protest."


def test_notes_say_one_fatality_in_the_singular() -> None:
    event = dataclasses.replace(strike_event(), actors2=(TURKEY,), certainty="reported",
                                fatalities=Fatalities(1, 1, 1))
    assert notes(event).endswith("(Idlib, Syria); 1 reported fatality.")
