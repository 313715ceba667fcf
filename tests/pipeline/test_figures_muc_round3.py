"""Figures, round three, on sentences we wrote (`figures_tally`): a period of hours and a
'when' after 'since' and a date are no tally, and a victim ranked in a series ('she is the
third judge killed') is no victim more; and two victims each told by an office the other
does not hold are two people (`event_figures.covers`)."""

from __future__ import annotations

import pytest

from fogwatch.pipeline.event_figures import covers
from fogwatch.records import Figure, Span

from .figure_helpers import Row, figures_of

SENTENCES: list[tuple[str, list[Row]]] = [
    # a stretch of hours dates this news: no tally
    ("LIMA, 3 MAY 90 -- TWO GUARDS WERE KILLED IN THE PAST FEW HOURS IN THE CAPITAL.",
     [("killed", "GUARDS", 2, False)]),
    ("LIMA, 3 MAY 90 -- TWO GUARDS WERE KILLED IN THE PAST 24 HOURS IN THE CAPITAL.",
     [("killed", "GUARDS", 2, False)]),
    ("Three men were shot dead over the last few hours in the north.",
     [("killed", "men", 3, False)]),
    # but weeks or years still sum up many events
    ("LIMA, 3 MAY 90 -- 30 GUARDS WERE KILLED IN THE PAST FEW WEEKS.",
     [("killed", "GUARDS", 30, True)]),
    ("Forty people were killed over the past two years.",
     [("killed", "people", 40, True)]),
    # 'since' and a date, then 'when': the 'when' clause tells the one event of that date
    ("LIMA, 3 MAY 90 -- THE POST HAS BEEN EMPTY SINCE 2 APRIL, WHEN THE GOVERNOR WAS SHOT TO "
     "DEATH.",
     [("killed", "GOVERNOR", 1, False)]),
    ("The post has been empty since April 2 when Governor Pedro Diaz was murdered.",
     [("killed", "Governor Pedro Diaz", 1, False)]),
    ("LIMA, 3 MAY 90 -- THE POST HAS BEEN EMPTY SINCE 2 APRIL WHEN PEDRO DIAZ, THE GOVERNOR, "
     "WAS SHOT TO DEATH.",
     [("killed", "GOVERNOR", 1, False)]),
    # but a count before the 'since', or after a comma that ends the 'when' clause, is a tally
    ("LIMA, 3 MAY 90 -- SINCE 2 APRIL, WHEN THE TRUCE ENDED, 40 PEOPLE HAVE BEEN MURDERED.",
     [("killed", "PEOPLE", 40, True)]),
    ("LIMA, 3 MAY 90 -- 40 PEOPLE HAVE BEEN KILLED SINCE 2 APRIL, WHEN THE TRUCE ENDED.",
     [("killed", "PEOPLE", 40, True)]),
    # a victim told before, then ranked in a series after 'is the ...': no victim more
    ("LIMA, 3 MAY 90 -- JUDGE ANA RUIZ WAS SHOT DEAD TODAY. SHE IS THE THIRD JUDGE KILLED IN "
     "LIMA.",
     [("killed", "JUDGE ANA RUIZ", 1, False), ("killed", "THIRD JUDGE", 1, True)]),
    ("Ana Ruiz was the second mayor to be murdered in the province.",
     [("killed", "second mayor", 1, True)]),
    # but 'the third victim' as a subject, and 'a second man', are one victim more
    ("Two people were shot dead on Monday. The third victim died in hospital.",
     [("killed", "people", 2, False), ("killed", "third victim", 1, False)]),
    ("LIMA, 3 MAY 90 -- A SECOND MAN WAS KILLED LATER.",
     [("killed", "SECOND MAN", 1, False)]),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCES, ids=[s for s, _ in SENTENCES])
def test_sentence_yields_exactly_its_figures(text: str, expected: list[Row]) -> None:
    assert figures_of(text) == expected


def _one(who: str, told: str) -> Figure:
    return Figure(kind="killed", who=who, low=1, best=1, high=1, span=Span(0, len(told), told))


COVERS: list[tuple[Figure, Figure, bool]] = [
    # two offices, neither of the other: two victims (`event_figures.covers`)
    (_one("JUDGE ANA RUIZ", "JUDGE ANA RUIZ WAS SHOT DEAD"),
     _one("PROSECUTOR", "A PROSECUTOR WAS ALSO MURDERED"), False),
    (_one("mayor", "the mayor was killed"), _one("governor", "the governor died"), False),
    # but one office told twice, or a victim told by no office, may be one person
    (_one("Mayor Luis Diaz", "Mayor Luis Diaz was killed"), _one("mayor", "the mayor died"),
     True),
    (_one("JUDGE ANA RUIZ", "JUDGE ANA RUIZ WAS SHOT DEAD"),
     _one("WOMAN", "THE WOMAN DIED"), True),
]


@pytest.mark.parametrize(("counted", "figure", "expected"), COVERS,
                         ids=[f"{c.who}|{f.who}" for c, f, _ in COVERS])
def test_one_office_holder_covers_another_only_of_the_same_office(
        counted: Figure, figure: Figure, expected: bool) -> None:
    assert covers(counted, figure) is expected
