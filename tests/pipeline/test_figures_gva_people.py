"""Figures of US local shooting news: ages beside names, hospital conditions, shooting victims,
a member of a group told with 'including', and participles before a date. Each sentence is
ours; each test asserts the exact (kind, best) figures found, cumulative ones left out."""

from __future__ import annotations

import datetime as dt

from fogwatch.nlp import parse
from fogwatch.pipeline import make_document
from fogwatch.pipeline.context import Context
from fogwatch.pipeline.dates import find_dates
from fogwatch.pipeline.event_figures import counted_figures
from fogwatch.pipeline.figures import find_figures
from fogwatch.records import Figure


def figures(text: str) -> tuple[Figure, ...]:
    ctx = Context(document=make_document(text, dt.date(2020, 2, 11)), doc=parse(text))
    return find_figures(find_dates(ctx)).figures


def found(text: str) -> list[tuple[str, int | None]]:
    return [(f.kind, f.best) for f in figures(text) if not f.cumulative]


def counted(text: str) -> list[tuple[str, int | None]]:
    kept = counted_figures([f for f in figures(text) if not f.cumulative])
    return sorted((f.kind, f.best) for f in kept)


def test_ages_after_two_names_count_nobody() -> None:
    assert found("Mark Jones, 20, and Lisa Brown, 17, were shot on Elm Street.") == [
        ("wounded", 1), ("wounded", 1)]


def test_a_pair_of_ages_after_a_group_counts_nobody() -> None:
    assert found("Two men, 18 and 20, and one woman, 19, were taken to a hospital.") == [
        ("wounded", 2), ("wounded", 1)]


def test_age_after_also_in_commas() -> None:
    assert found("Another teen, also 15, was shot.") == [("wounded", 1)]


def test_a_number_after_a_town_and_comma_still_counts() -> None:
    assert found("In Denver, 12 people were shot.") == [("wounded", 12)]


def test_shot_one_time_is_no_count() -> None:
    assert found("The woman was shot one time in the leg.") == [("wounded", 1)]


def test_clause_before_the_predicate_goes_past_a_place_with_an_article() -> None:
    assert found("Five men walking to a party in Queens were shot late Friday.") == [
        ("wounded", 5)]


def test_hospital_condition_is_a_wound() -> None:
    assert found("A child is in serious condition after an accidental shooting.") == [
        ("wounded", 1)]


def test_listed_in_critical_condition_restates_one_of_them() -> None:
    assert counted("Two men were shot. One of them was listed in critical condition.") == [
        ("wounded", 2)]


def test_deceased_victims_are_dead() -> None:
    assert found("Officers found two deceased victims and two injured men in the house.") == [
        ("killed", 2), ("wounded", 2)]


def test_shooting_victims_are_the_people_shot_less_the_dead() -> None:
    assert counted("Police found four shooting victims early Sunday. Two of the four shooting "
                   "victims had died.") == [("killed", 2), ("wounded", 2)]


def test_one_told_with_including_is_one_of_the_group() -> None:
    assert found("Four people were killed, including a 64-year-old man, and nine other people "
                 "were hurt.") == [("killed", 4), ("wounded", 9)]


def test_participle_before_a_weekday() -> None:
    assert found("A 6-year-old girl shot Sunday is expected to survive.") == [("wounded", 1)]


def test_grazed_is_a_wound() -> None:
    assert found("A bystander was grazed in the arm.") == [("wounded", 1)]
