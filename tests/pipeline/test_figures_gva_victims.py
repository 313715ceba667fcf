"""Figures of US local shooting news: an apposition between commas after a name, words for a
person ('eighth-grader', 'hunter'), an age told in years, people placed inside or outside
somewhere, a town after 'from', and a shooter who turned the gun on himself. Each sentence is
ours; each test asserts the exact figures found, or the event's counted figures."""

from __future__ import annotations

import datetime as dt

from fogwatch.nlp import parse
from fogwatch.pipeline import extract_document, make_document
from fogwatch.pipeline.context import Context
from fogwatch.pipeline.dates import find_dates
from fogwatch.pipeline.figures import find_figures


def found(text: str) -> list[tuple[str, int | None]]:
    ctx = Context(document=make_document(text, dt.date(2020, 2, 11)), doc=parse(text))
    return [(f.kind, f.best) for f in find_figures(find_dates(ctx)).figures if not f.cumulative]


def event_figures(text: str) -> list[list[tuple[str, int | None]]]:
    extraction = extract_document(make_document(text, dt.date(2020, 2, 11)))
    return [[(f.kind, f.best) for f in e.figures] for e in extraction.events]


def test_apposition_after_a_name_takes_the_predicate_after_its_comma() -> None:
    assert found("Carlos Mendez, a 19-year-old college student, died Saturday after the "
                 "shooting.") == [("killed", 1)]


def test_apposition_in_a_list_of_victims_is_an_item() -> None:
    assert found("A clerk, a guard, and a driver were killed.") == [
        ("killed", 1), ("killed", 1), ("killed", 1)]


def test_a_pupil_named_by_grade_is_a_person() -> None:
    assert found("A Millbrook seventh-grader died Monday after being shot at a friend's "
                 "house.") == [("killed", 1)]


def test_a_hunter_is_a_person() -> None:
    assert found("The elderly hunter was found dead near a creek on Sunday.") == [
        ("killed", 1)]


def test_age_told_in_years_between_commas_counts_nobody() -> None:
    assert found("Another boy, also 16 years old, was shot in the hand.") == [("wounded", 1)]


def test_people_placed_inside_a_building_are_the_victims() -> None:
    assert found("Three customers inside the diner suffered minor injuries.") == [
        ("wounded", 3)]


def test_people_placed_outside_a_building_are_the_victims() -> None:
    assert found("Four men outside the club were wounded.") == [("wounded", 4)]


def test_a_town_after_from_is_no_victim() -> None:
    assert found("Deputies said a 40-year-old man from Covington was shot at a farm.") == [
        ("wounded", 1)]


def test_a_shooter_who_turned_the_gun_on_himself_is_dead() -> None:
    assert found("Deputies said the farmer turned the gun on himself in the barn.") == [
        ("killed", 1)]


def test_a_shooter_who_killed_himself_is_one_figure_more() -> None:
    assert found("The gunman killed three people at a warehouse and then killed "
                 "himself.") == [("killed", 3), ("killed", 1)]


def test_a_child_who_shot_herself_is_wounded() -> None:
    assert event_figures("Police said the gun went off and she shot herself in the "
                         "foot.") == [[("wounded", 1)]]


def test_two_victims_told_by_different_full_names_are_two_people() -> None:
    assert event_figures("Rebels killed councillor Ambrosio Quetzaltenango on Monday. They "
                         "also killed judge Wenceslao Ixtlahuacan.") == [
        [("killed", 1), ("killed", 1)], []]


def test_one_victim_told_again_by_name_is_one_person() -> None:
    assert event_figures("Rebels killed councillor Ambrosio Quetzaltenango on Monday. "
                         "Ambrosio Quetzaltenango died in the attack on his farm.") == [
        [("killed", 1)], []]
