"""Figures that sum up several shootings or a year's crimes are tallies, and lines of a page that
point at other stories carry no figure of this one. Each text is ours; each test asserts the
exact (kind, best, cumulative) figures found."""

from __future__ import annotations

import datetime as dt

from fogwatch.nlp import parse
from fogwatch.pipeline import make_document
from fogwatch.pipeline.context import Context
from fogwatch.pipeline.dates import find_dates
from fogwatch.pipeline.figures import find_figures
from fogwatch.pipeline.figures_furniture import elsewhere_lines


def found(text: str) -> list[tuple[str, int | None, bool]]:
    ctx = Context(document=make_document(text, dt.date(2020, 2, 11)), doc=parse(text))
    return [(f.kind, f.best, f.cumulative) for f in find_figures(find_dates(ctx)).figures]


def test_separate_shootings_make_a_tally() -> None:
    assert found("A boy was killed and five other people were hurt in separate shootings in "
                 "Denver.") == [("killed", 1, True), ("wounded", 5, True)]


def test_shootings_across_a_side_of_town_make_a_tally() -> None:
    assert found("Nine people were wounded in shootings on the East Side since Friday.") == [
        ("wounded", 9, True)]


def test_a_number_of_incidents_makes_a_tally() -> None:
    assert found("Three men were shot in two separate incidents on Monday.") == [
        ("wounded", 3, True)]


def test_a_spate_of_shootings_makes_a_tally() -> None:
    assert found("Six people were shot during a spate of shootings downtown.") == [
        ("wounded", 6, True)]


def test_the_shootings_told_by_the_story_are_no_tally() -> None:
    assert found("Tom Lee was killed in the shootings.") == [("killed", 1, False)]


def test_a_shooting_is_no_tally() -> None:
    assert found("Two men were wounded in a shooting on Elm Street.") == [
        ("wounded", 2, False)]


def test_a_years_homicides_make_a_tally() -> None:
    assert found("The city recorded 210 homicides last year.") == [("killed", 210, True)]


def test_homicides_without_a_year_are_no_tally() -> None:
    assert found("Police are investigating two homicides on Main Street.") == [
        ("killed", 2, False)]


def test_video_playlist_and_related_lines_are_found() -> None:
    text = ("Two men were shot.\n0:47 Driver hurt on Main Street\n"
            "Related Coverage Boy shot in park\nRELATED: Three hurt in crash\n"
            "Related to the case, police made an arrest.\nImage 3 of 40 Police at the scene")
    lines = [text[a:b].strip() for a, b in elsewhere_lines(text)]
    assert lines == ["0:47 Driver hurt on Main Street", "Related Coverage Boy shot in park",
                     "RELATED: Three hurt in crash", "Image 3 of 40 Police at the scene"]


def test_figures_on_a_related_story_line_are_left_out() -> None:
    assert found("Police said a woman was shot on Friday.\n\nRelated Coverage Two men killed in "
                 "crash on Route 9\n\nThe woman is expected to recover.") == [
        ("wounded", 1, False)]


def test_a_number_of_shootings_counted_makes_a_tally() -> None:
    assert found("Detectives are looking into three overnight shootings that left five people "
                 "injured.") == [("wounded", 5, True)]


def test_the_two_shootings_are_no_tally() -> None:
    assert found("The two shootings left a man dead.") == [("killed", 1, False)]
