"""Cutting a text into runs under evidence marks."""

from __future__ import annotations

from fogwatch.web.highlight import Mark, Run, event_marks, runs


def test_a_text_without_marks_is_one_plain_run() -> None:
    assert runs("Jets struck.", []) == [Run("Jets struck.")]


def test_a_mark_splits_the_text_around_it() -> None:
    assert runs("Jets struck Kansafra.", [Mark(5, 11, "evidence", "event", "ev-0")]) == [
        Run("Jets "), Run("struck", ("evidence",), ("event",), ("ev-0",)), Run(" Kansafra.")]


def test_overlapping_marks_share_the_overlap() -> None:
    out = runs("abcdef", [Mark(0, 4, "claim", "claim by X"), Mark(2, 6, "evidence", "date")])
    assert [(r.text, r.kinds) for r in out] == [
        ("ab", ("claim",)), ("cd", ("claim", "evidence")), ("ef", ("evidence",))]


def test_the_runs_join_back_into_the_text() -> None:
    text = "Ten soldiers were killed near Kansafra on Monday."
    marks = [Mark(0, 12, "figure", "killed"), Mark(30, 38, "evidence", "location"),
             Mark(4, 24, "claim", "c")]
    assert "".join(r.text for r in runs(text, marks)) == text


def test_marks_outside_the_text_are_clipped_or_dropped() -> None:
    out = runs("abc", [Mark(-5, 1, "evidence", "a"), Mark(2, 99, "evidence", "b"),
                       Mark(7, 9, "evidence", "c"), Mark(2, 2, "evidence", "d")])
    assert [(r.text, r.labels) for r in out] == [("a", ("a",)), ("b", ()), ("c", ("b",))]


def test_an_anchor_goes_on_the_run_where_its_mark_starts() -> None:
    out = runs("abcd", [Mark(0, 4, "claim", "c", "claim-1"), Mark(2, 4, "evidence", "e", "ev-0")])
    assert [r.anchors for r in out] == [("claim-1",), ("ev-0",)]


def test_event_marks_cover_evidence_claims_and_figures() -> None:
    event = {"evidence": [{"field": "location", "start": 3, "end": 9}],
             "claims": [{"id": "c1", "source": None, "certainty": "reported", "start": 0,
                         "end": 20}, {"id": "c2", "source": "X", "certainty": "denied",
                                      "start": None, "end": None}],
             "casualties": [{"kind": "killed", "start": 10, "end": 12}]}
    assert event_marks(event) == [
        Mark(3, 9, "evidence", "location", "evidence-0"),
        Mark(0, 20, "claim", "claim by unnamed source (reported)", "claim-c1"),
        Mark(10, 12, "figure", "figure: killed")]
