"""'since' as an adverb after 'has/have/had' ("has since died") dates nothing back and is no
tally cue (pipeline/figures_tally.py), on sentences of our own."""

from __future__ import annotations

import datetime as dt

from fogwatch.pipeline import extract_document, make_document


def figures(text: str) -> list[tuple[str, int | None, bool]]:
    extraction = extract_document(make_document(text, dt.date(2022, 5, 20)))
    return [(f.kind, f.best, f.cumulative) for f in extraction.figures]


def test_adverb_since_is_no_tally() -> None:
    # (that he died is not yet read as a death: only the flag is tested here)
    found = figures("A man who was shot on Friday night in Dayton has since died, police said.")
    assert found
    assert not any(cumulative for *_, cumulative in found)


def test_since_a_date_is_still_a_tally() -> None:
    assert figures("Forty people have been killed since January in the city.") == [
        ("killed", 40, True)]
