"""Figures told across clauses: the object of an active kind verb before a second clause, an
article that opens a victim's phrase, a tally cue limited to its own clause and large
present-perfect recaps. Each sentence is ours; each test asserts the exact figures found."""

from __future__ import annotations

import datetime as dt

from fogwatch.nlp import parse
from fogwatch.pipeline import make_document
from fogwatch.pipeline.context import Context
from fogwatch.pipeline.dates import find_dates
from fogwatch.pipeline.figures import find_figures
from fogwatch.records import Figure


def figures(text: str) -> tuple[Figure, ...]:
    ctx = Context(document=make_document(text, dt.date(2020, 2, 11)), doc=parse(text))
    return find_figures(find_dates(ctx)).figures


def found(text: str) -> list[tuple[str, int | None, bool]]:
    return [(f.kind, f.best, f.cumulative) for f in figures(text)]


def test_object_of_an_active_verb_keeps_its_verb_before_a_second_clause() -> None:
    assert found("Masked gunmen killed two people and seven more people were shot at the "
                 "market.") == [("killed", 2, False), ("wounded", 7, False)]


def test_object_of_an_active_verb_with_a_hedge_keeps_its_verb() -> None:
    assert found("The attackers murdered at least three villagers and four others were "
                 "wounded.") == [("killed", 3, False), ("wounded", 4, False)]


def test_passive_subjects_still_share_the_predicate() -> None:
    assert found("Three guards and two drivers were killed near the depot.") == [
        ("killed", 3, False), ("killed", 2, False)]


def test_article_after_a_verb_opens_the_victim_not_a_title() -> None:
    assert found("The gunfire sent a teenage girl to the hospital on Sunday.") == [
        ("wounded", 1, False)]


def test_article_after_the_subject_opens_the_victim() -> None:
    assert found("The crash sent a young boy to a hospital in Dayton.") == [
        ("wounded", 1, False)]


def test_tally_cue_holds_for_its_own_clause_only() -> None:
    assert found("Officials said 38 people have been shot this year, but on Friday a man and "
                 "a woman were shot dead outside a bakery.") == [
        ("wounded", 38, True), ("killed", 1, False), ("killed", 1, False)]


def test_opening_tally_cue_holds_for_the_clause_after_it() -> None:
    assert found("So far this month, 14 people have been wounded in the district.") == [
        ("wounded", 14, True)]


def test_clause_after_a_comma_and_keeps_its_own_figures() -> None:
    assert found("Nine soldiers have died since March, and two guards were killed on "
                 "Tuesday.") == [("killed", 9, True), ("killed", 2, False)]


def test_round_up_of_shootings_holds_for_the_whole_sentence() -> None:
    assert found("Three men were killed, including a 40-year-old, and six others were hurt "
                 "in shootings from Friday to Sunday.") == [
        ("killed", 3, True), ("wounded", 6, True)]


def test_large_present_perfect_count_is_a_recap() -> None:
    assert found("More than 600 people have been killed in the region.") == [
        ("killed", 600, True)]


def test_large_count_of_those_who_have_died_is_a_recap() -> None:
    assert found("Aid groups mourned the nearly 20,000 who have died in the province.") == [
        ("killed", 20000, True)]


def test_small_present_perfect_count_is_one_toll() -> None:
    assert found("Four people have been killed in the blast.") == [("killed", 4, False)]


def test_large_past_tense_count_is_one_toll() -> None:
    assert found("More than 60 people were killed in the blast.") == [("killed", 60, False)]
