"""The story of DESIGN.md, in our own words, through the whole pipeline: the hedged
killed-or-wounded toll, the cumulative tally kept apart, and who says so how surely."""

from __future__ import annotations

import datetime as dt

import pytest

from fogwatch.pipeline import extract_document, make_document
from fogwatch.records import Event, Extraction

STORY = (
    "As many as ten Turkish soldiers were reportedly killed or wounded in joint Russian-Syrian "
    "air strikes near the town of Kansafra in Idlib on Monday afternoon, Al Masdar News said, "
    "citing pro-opposition media. A journalist based in Syria, citing field sources, said four "
    "armoured vehicles were destroyed. There has been no official confirmation from Ankara. "
    "Turkey's defence ministry has said 16 Turkish soldiers have been killed in total since "
    "early December. The Kremlin's spokesman denied a crisis, as quoted by TASS.")


@pytest.fixture(scope="module")
def extraction() -> Extraction:
    return extract_document(make_document(STORY, dt.date(2020, 2, 10), source="Ahval"))


@pytest.fixture(scope="module")
def strike(extraction: Extraction) -> Event:
    return extraction.events[0]


def test_the_strike_is_the_main_event(strike: Event) -> None:
    assert (strike.event_type, strike.sub_event_type) == ("Explosions/Remote violence",
                                                          "Air/drone strike")


def test_the_toll_is_killed_or_wounded_up_to_ten(strike: Event) -> None:
    toll = strike.figures[0]
    assert (toll.kind, toll.who, toll.low, toll.best, toll.high, toll.cumulative) == (
        "killed_or_wounded", "Turkish soldiers", 1, 10, 10, False)


def test_killed_or_wounded_is_never_counted_as_killed(strike: Event) -> None:
    assert strike.fatalities is None


def test_the_sixteen_are_a_cumulative_tally_since_december(extraction: Extraction) -> None:
    [tally] = [f for f in extraction.figures if f.best == 16]
    assert (tally.kind, tally.cumulative, tally.since) == ("killed", True, dt.date(2019, 12, 1))


def test_the_tally_is_absent_from_every_event(extraction: Extraction) -> None:
    assert all(f.best != 16 for e in extraction.events for f in e.figures)


def test_the_strike_is_unconfirmed(strike: Event) -> None:
    assert strike.certainty == "unconfirmed"


def test_the_claim_chain_names_both_outlets_and_the_origin(strike: Event) -> None:
    assert [c.via for c in strike.claims] == [("Ahval", "Al Masdar News", "pro-opposition media")]
    assert strike.claims[0].source is not None
    assert strike.claims[0].source.kind == "opposition_media"


def test_ankara_not_confirming_is_an_unconfirmed_claim(extraction: Extraction) -> None:
    [claim] = [c for c in extraction.claims if c.span is not None and "Ankara" in c.span.text]
    assert claim.certainty == "unconfirmed"


def test_the_kremlin_denial_is_its_own_claim_via_tass(extraction: Extraction) -> None:
    [denial] = [c for c in extraction.claims if c.certainty == "denied"]
    assert denial.via == ("Ahval", "TASS", "Kremlin")
    assert denial.source is not None and denial.source.country == "RUS"
