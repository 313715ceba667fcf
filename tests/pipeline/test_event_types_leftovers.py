"""Event typing leftovers: arrests told at a protest make it a protest with intervention (not a
peaceful one, and no excessive force unless protesters are killed or hurt), and talks held,
resumed or renewed are PLOVER CONSULT with no ACLED type unless an agreement is reached."""

from __future__ import annotations

import datetime

import pytest

from fogwatch.pipeline import extract_document, make_document
from fogwatch.records import Event

DAY = datetime.date(2024, 5, 1)


def _main(text: str) -> Event:
    events = extract_document(make_document(text, DAY)).events
    assert events, text
    return events[0]


# (sentence, expected ACLED sub-type of the main event)
PROTESTS: list[tuple[str, str | None]] = [
    # arrests told at the protest: the crowd was intervened in
    ("Police arrested ten students at the rally.", "Protest with intervention"),
    ("Police detained five workers during the march on Friday.", "Protest with intervention"),
    ("Workers marched through the city, and police detained five of them.",
     "Protest with intervention"),
    ("Teachers staged a sit-in outside the ministry. Police arrested eight of them.",
     "Protest with intervention"),
    # other handling of the crowd
    ("Police fired tear gas to break up the demonstration in the capital.",
     "Protest with intervention"),
    ("Riot police dispersed the rally with rubber bullets.", "Protest with intervention"),
    # arrests the crowd protests about, or told beneath the protest: no intervention
    ("Students marched in Dhaka to protest the arrest of their leader.", "Peaceful protest"),
    ("Hundreds rallied outside the court to demand the release of activists detained last month.",
     "Peaceful protest"),
    ("Thousands of farmers marched peacefully to the governor's office.", "Peaceful protest"),
    # protesters killed or hurt by force: excessive force, whatever else was done
    ("Police shot dead three protesters and arrested dozens at the rally.",
     "Excessive force against protesters"),
]


@pytest.mark.parametrize(("text", "expected"), PROTESTS)
def test_protest_sub_type(text: str, expected: str | None) -> None:
    assert _main(text).sub_event_type == expected


def test_arrests_at_a_protest_rest_on_the_arrest() -> None:
    event = _main("Police arrested ten students at the rally.")
    assert event.typed_by == "protest escalation: arrests at the protest"


def test_arrest_of_an_organiser_is_an_arrest() -> None:
    event = _main("Police arrested the man who organised the march.")
    assert event.sub_event_type == "Arrests"


TALKS: list[str] = [
    "The two sides renewed negotiations in Doha on Monday.",
    "Government and rebel delegations resumed talks in Juba.",
    "Delegations of the two countries held peace talks in Geneva.",
    "Mediators hosted indirect talks between the warring parties.",
    "The two sides renewed negotiations but reached no agreement.",
    "The talks ended without reaching an agreement.",
]


@pytest.mark.parametrize("text", TALKS)
def test_talks_are_consultation_not_agreement(text: str) -> None:
    event = _main(text)
    assert (event.event_type, event.sub_event_type) == (None, None)
    assert event.plover is not None and event.plover.event == "CONSULT"


@pytest.mark.parametrize("text", [
    "The two sides resumed peace talks in Doha and agreed to a ceasefire.",
    "After renewed negotiations the government and the rebels signed a peace agreement.",
    "The two sides reached an agreement on a prisoner exchange.",
])
def test_talks_that_reach_an_agreement(text: str) -> None:
    assert _main(text).sub_event_type == "Agreement"
