"""Figures, round two: a single victim beside a larger count, and restated or round-up counts
of wounded. Every story is ours; the expected value is every event's (kind, best) in salience
order."""

from __future__ import annotations

import datetime as dt

import pytest

from fogwatch.pipeline import extract_document, make_document

STORIES: list[tuple[str, list[list[tuple[str, int | None]]]]] = [
    # a holder of an office is none of a group told by another word: he adds
    ("Soldiers killed six peasants on Sunday. The mayor was killed in the attack.",
     [[("killed", 6), ("killed", 1)], []]),
    # a named victim told with 'also' adds to a count of people
    ("Four people were shot at a party on Saturday. John Smith was also shot.",
     [[("wounded", 4), ("wounded", 1)], []]),
    # but one person told again within a larger count is no one more
    ("Four people were shot at a party on Saturday. A 19-year-old man was also shot.",
     [[("wounded", 4)], []]),
    ("Three people were killed on Sunday. A policeman was among the dead.",
     [[("killed", 3)]]),
    # a smaller count of 'other' victims restates the larger one told before
    ("A man was shot dead on Main Street on Friday. Three others were injured. Two other "
     "victims were treated at a hospital.", [[("killed", 1), ("wounded", 3)], []]),
    # a round-up across a city is a tally, no figure of this event
    ("A man was shot dead on Main Street on Friday. Eleven people were wounded in shootings "
     "citywide.", [[("killed", 1)]]),
]


@pytest.mark.parametrize(("text", "cumulative"), [
    ("Nine people were wounded by gunfire across the state on Saturday.", True),
    ("Nine people were wounded by gunfire at a bar on Saturday.", False),
])
def test_round_up_across_a_place_is_a_tally(text: str, cumulative: bool) -> None:
    extraction = extract_document(make_document(text, dt.date(2020, 2, 11)))
    assert [(f.kind, f.best, f.cumulative) for f in extraction.figures] == [
        ("wounded", 9, cumulative)]


@pytest.mark.parametrize(("text", "expected"), STORIES, ids=[s[:40] for s, _ in STORIES])
def test_story_events_count_exactly_these_figures(
        text: str, expected: list[list[tuple[str, int | None]]]) -> None:
    extraction = extract_document(make_document(text, dt.date(2020, 2, 11)))
    assert [[(f.kind, f.best) for f in e.figures] for e in extraction.events] == expected
