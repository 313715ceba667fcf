"""Cumulative tallies beside the linked incidents that count toward them."""

from __future__ import annotations

import datetime as dt

from fogwatch.analysis import Tally, tally_gaps
from fogwatch.analysis.tallies import tally_country
from fogwatch.records import Figure, Span

from .incidents import RUS_MIL, STRIKE, SYR_MIL, TUR_MIL, incident

SINCE = dt.date(2019, 12, 1)


def tally(best: int, published: str, who: str = "Turkish soldiers", doc: str = "doc-t") -> Tally:
    figure = Figure("killed", who, best, best, best, cumulative=True, since=SINCE,
                    span=Span(0, 30, f"{best} {who} killed since December"))
    return Tally(figure, doc, dt.date.fromisoformat(published))


INCIDENTS = [
    incident("before", "2019-11-20", STRIKE, (SYR_MIL,), (TUR_MIL,), killed=4),
    incident("one", "2020-01-10", STRIKE, (SYR_MIL,), (TUR_MIL,), killed=5),
    incident("two", "2020-02-03", STRIKE, (RUS_MIL, SYR_MIL), (TUR_MIL,), killed=3),
    incident("after", "2020-02-20", STRIKE, (SYR_MIL,), (TUR_MIL,), killed=2),
    incident("other", "2020-01-15", STRIKE, (TUR_MIL,), (SYR_MIL,), killed=7),
]


def test_a_tallys_victims_country_comes_from_its_who() -> None:
    assert tally_country(tally(16, "2020-02-10").figure) == "TUR"
    assert tally_country(tally(16, "2020-02-10", who="soldiers").figure) is None


def test_the_latest_tally_is_set_beside_the_incidents_since_its_start() -> None:
    [gap] = tally_gaps([tally(13, "2020-02-05", doc="doc-a"), tally(16, "2020-02-10",
                                                                    doc="doc-b")], INCIDENTS)
    assert (gap.country, gap.since, gap.as_of) == ("TUR", SINCE, dt.date(2020, 2, 10))
    assert (gap.told, gap.linked, gap.gap) == (16, 8, 8)
    assert gap.incident_ids == ("inc-one", "inc-two")
    assert gap.doc_id == "doc-b"


def test_a_tally_without_a_country_is_left_out() -> None:
    assert tally_gaps([tally(16, "2020-02-10", who="soldiers")], INCIDENTS) == []
