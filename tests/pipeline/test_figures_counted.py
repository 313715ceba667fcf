"""Which of a story's figures its events count (`event_figures.counted_figures`): each story is
ours, and the expected value is every event's (kind, best) in salience order."""

from __future__ import annotations

import datetime as dt

import pytest

from fogwatch.pipeline import extract_document, make_document
from fogwatch.pipeline.event_figures import counted_figures
from fogwatch.records import Figure, Span

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


def test_a_later_shorter_telling_does_not_stand_for_another_named_victim() -> None:
    # "... the murder of union leader Carlos Mendieta and of judge Rosa Palacios. ... the
    # murder of Mendieta ...": the later "Mendieta" may come first (its event claimed it), yet
    # the two victims told in full stay two
    text = ("THE MURDER OF UNION LEADER CARLOS MENDIETA AND OF JUDGE ROSA PALACIOS. "
            "THE MURDER OF MENDIETA")

    def one(who: str, start: int, end: int) -> Figure:
        return Figure(kind="killed", who=who, low=1, best=1, high=1,
                      span=Span(start, end, text[start:end]))

    list_end, again = text.index("."), text.index("THE MURDER OF MENDIETA")
    first = one("UNION LEADER CARLOS MENDIETA", 0, list_end)
    second = one("JUDGE ROSA PALACIOS", 0, list_end)
    later = one("MENDIETA", again, len(text))
    kept = counted_figures([later, first, second])
    assert sorted(f.who or "" for f in kept) == ["JUDGE ROSA PALACIOS",
                                                 "UNION LEADER CARLOS MENDIETA"]
    assert kept[first] == [first, later]
