"""Which of a story's figures its events count (`event_figures.counted_figures`): each story is
ours, and the expected value is every event's (kind, best) in salience order."""

from __future__ import annotations

import datetime as dt

import pytest

from fogwatch.pipeline import extract_document, make_document

STORIES: list[tuple[str, list[list[tuple[str, int | None]]]]] = [
    # the same toll told twice counts once
    ("Three people were killed in a shooting on Monday. Police said three people died at the "
     "scene.", [[("killed", 3)]]),
    # a toll update replaces the earlier, smaller figure
    ("Two soldiers were killed in an ambush on Monday. The death toll rose to five on Tuesday.",
     [[("killed", 5)]]),
    # the people shot are wounded, but for those the story tells died
    ("Four people were shot at a party on Saturday. A man died at the hospital.",
     [[("wounded", 3), ("killed", 1)]]),
    # one person told again within a larger count is no one more
    ("Four people were shot at a party on Saturday. A 19-year-old man was also shot.",
     [[("wounded", 4)], []]),
    # 'also' in the larger figure: the named victim comes on top
    ("Gunmen killed a judge in Bogota on Monday. Two of his bodyguards were also killed.",
     [[("killed", 1), ("killed", 2)], []]),
    # a coordination's parts are left out when their sum is told as one figure, which the
    # main event (the one that claimed the parts) counts
    ("Gunmen attacked a village on Monday. Six children and two adults were killed. Eight "
     "people died in the attack.", [[("killed", 8)], [], []]),
    # a cumulative tally counts for no event
    ("A bomb exploded in a market on Monday. 16 soldiers have been killed in total since "
     "December.", [[]]),
]


@pytest.mark.parametrize(("text", "expected"), STORIES, ids=[s[:40] for s, _ in STORIES])
def test_story_events_count_exactly_these_figures(
        text: str, expected: list[list[tuple[str, int | None]]]) -> None:
    extraction = extract_document(make_document(text, dt.date(2020, 2, 11)))
    assert [[(f.kind, f.best) for f in e.figures] for e in extraction.events] == expected
