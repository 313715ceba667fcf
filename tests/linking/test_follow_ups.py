"""Follow-up stories, misread years, unplaced reports and the veto by stories."""

from __future__ import annotations

import datetime as dt

from fogwatch.linking import Mention, conflict, link, mention_of, pair_score
from fogwatch.linking.clustering import cluster
from fogwatch.linking.score import WEIGHTS
from fogwatch.records import Document, Event, Evidence, Place, Plover, Span, When

D = dt.date.fromisoformat
# Real towns (GeoNames coordinates): two in Ohio, one in Indiana.
DAYTON = Place("Dayton", "Ohio", "Montgomery County", "USA", 39.7589, -84.1916, 4509884,
               "PPL", 1)
SPRINGFIELD = Place("Springfield", "Ohio", "Clark County", "USA", 39.9242, -83.8088, 4525353,
                    "PPL", 1)
MUNCIE = Place("Muncie", "Indiana", "Delaware County", "USA", 40.1934, -85.3864, 4924006,
               "PPL", 1)


def shooting(doc: str, text: str, published: str, *, day: dt.date | None = None,
             year: bool = False, place: Place | None = DAYTON,
             trigger: str = "shot") -> Mention:
    """The one shooting a story of `text` tells, on `day` (or in its year, or undated)."""
    document = Document(id=doc, text=text, published=D(published))
    start = text.index(trigger)
    when = None
    if day is not None:
        when = (When(dt.date(day.year, 1, 1), dt.date(day.year, 12, 31), "year") if year
                else When(day, day, "day"))
    event = Event(id=f"{doc}-e", doc_id=doc, event_type="Violence against civilians",
                  sub_event_type="Attack", plover=Plover("ASSAULT"), place=place, when=when,
                  evidence=(Evidence("event", Span(start, start + len(trigger), trigger)),))
    return mention_of(event, document)


SHOOTING = "Marisol Quenby was shot outside a bakery on Fenwick Avenue late on Friday."
TRIAL = ("A jury on Tuesday convicted Tobiah Argall of murder. Prosecutors said Argall shot "
         "Marisol Quenby after an argument. Judge Wren Halloway set sentencing for June.")
FIRST = ("Police said Tobiah Argall was arrested. Marisol Quenby was shot outside a bakery "
         "on Fenwick Avenue.")


def test_a_trial_story_names_the_victim_and_the_accused_of_a_shooting_long_before() -> None:
    first = shooting("s1", FIRST, "2019-03-09", day=D("2019-03-08"))
    trial = shooting("s2", TRIAL, "2020-11-17", day=D("2020-11-17"))
    assert first.persons == frozenset({"tobiah argall", "marisol quenby"})
    assert conflict(first, trial) is None
    assert len(link([first, trial])) == 1


def test_one_shared_full_name_does_not_reach_across_the_months() -> None:
    first = shooting("s3", SHOOTING, "2019-03-09", day=D("2019-03-08"))
    trial = shooting("s4", TRIAL, "2020-11-17", day=D("2020-11-17"))
    assert first.persons & trial.persons == frozenset({"marisol quenby"})
    assert conflict(first, trial) == "dates do not overlap"


def test_the_same_full_names_in_another_state_do_not_reach_across_the_months() -> None:
    first = shooting("s5", FIRST, "2019-03-09", day=D("2019-03-08"), place=MUNCIE)
    trial = shooting("s6", TRIAL, "2020-11-17", day=D("2020-11-17"))
    assert conflict(first, trial) == "dates do not overlap"


def test_a_day_put_in_the_next_year_is_moved_a_year_back() -> None:
    # "April 16" in a December story, resolved into the next April.
    misread = shooting("y1", SHOOTING, "2015-12-21", day=D("2016-04-16"))
    assert (dt.date.fromordinal(misread.first), dt.date.fromordinal(misread.last)) == (
        D("2015-04-14"), D("2015-04-18"))
    assert misread.exact_day == D("2015-04-16").toordinal()


def test_a_year_holding_the_story_gives_way_to_the_story_date() -> None:
    vague = shooting("y2", SHOOTING, "2016-09-25", day=D("2016-01-01"), year=True)
    assert (dt.date.fromordinal(vague.first), dt.date.fromordinal(vague.last)) == (
        D("2016-09-18"), D("2016-09-27"))


def test_an_unplaced_report_whose_story_names_the_town_scores_it() -> None:
    placed = shooting("p1", "A man was shot near a school, police in Dayton said.",
                      "2020-02-03", day=D("2020-02-02"))
    told = shooting("p2", "A man was shot near a school. The Dayton police are looking for a "
                          "grey van.", "2020-02-03", day=D("2020-02-02"), place=None)
    silent = shooting("p3", "A man was shot near a school. The police are looking for a grey "
                            "van.", "2020-02-03", day=D("2020-02-02"), place=None)
    assert pair_score(placed, told) == round(
        pair_score(placed, silent) + WEIGHTS["told_place"], 6)


def test_a_story_that_also_tells_a_later_arrest_joins_the_story_of_the_shooting() -> None:
    # Story b tells the shooting (dated two days late), then two arrests three days after it:
    # the arrests conflict with story a's shooting, but one pair of the two stories agrees.
    text = "Ona Pelham was shot on Sunday. Two men were arrested. Both were arrested."
    document = Document(id="b", text=text, published=D("2020-02-14"))
    events = [
        Event(id="b-e0", doc_id="b", event_type="Violence against civilians",
              sub_event_type="Attack", plover=Plover("ASSAULT"), place=DAYTON,
              when=When(D("2020-02-09"), D("2020-02-09"), "day"),
              evidence=(Evidence("event", Span(14, 18, "shot")),)),
        *(Event(id=f"b-e{n}", doc_id="b", event_type="Violence against civilians",
                sub_event_type="Attack", plover=Plover("ASSAULT"), place=DAYTON,
                when=When(D("2020-02-12"), D("2020-02-12"), "day"),
                evidence=(Evidence("event", Span(44, 52, "arrested")),)) for n in (1, 2)),
    ]
    story_b = [mention_of(event, document) for event in events]
    story_a = shooting("a", "Ona Pelham was shot on Friday night.", "2020-02-08",
                       day=D("2020-02-07"))
    assert [conflict(story_a, m) for m in story_b] == [
        None, "dates do not overlap", "dates do not overlap"]
    [incident] = cluster([story_a, *story_b])
    assert [m.key for m in incident] == [("a", "a-e"), ("b", "b-e0"), ("b", "b-e1"),
                                         ("b", "b-e2")]
