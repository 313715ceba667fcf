"""Stage 'figures': each test is one sentence we wrote, with the exact figure expected."""

from __future__ import annotations

import datetime as dt

from fogwatch.nlp import parse
from fogwatch.pipeline import make_document
from fogwatch.pipeline.context import Context
from fogwatch.pipeline.dates import find_dates
from fogwatch.pipeline.figures import find_figures, word_number
from fogwatch.records import Figure

TUESDAY = dt.date(2020, 2, 11)


def figures(text: str) -> tuple[Figure, ...]:
    ctx = Context(document=make_document(text, TUESDAY), doc=parse(text))
    return find_figures(find_dates(ctx)).figures


def counts(text: str) -> list[tuple[str, int | None, int | None, int | None]]:
    return [(f.kind, f.low, f.best, f.high) for f in figures(text)]


def test_digits_before_passive_kill() -> None:
    assert counts("12 soldiers were killed near the border.") == [("killed", 12, 12, 12)]


def test_digits_with_thousands_separator() -> None:
    assert counts("Some 1,200 families were displaced.") == [("displaced", None, 1200, None)]


def test_number_word_before_passive_kill() -> None:
    assert counts("Ten soldiers were killed near the border.") == [("killed", 10, 10, 10)]


def test_hyphenated_number_word() -> None:
    assert counts("Twenty-three villagers were wounded.") == [("wounded", 23, 23, 23)]


def test_victims_noun_phrase_is_who() -> None:
    (figure,) = figures("Ten Turkish soldiers were killed near the border.")
    assert figure.who == "Turkish soldiers"


def test_span_covers_count_victims_and_kind() -> None:
    (figure,) = figures("Ten Turkish soldiers were killed near the border.")
    assert figure.span is not None
    assert figure.span.text == "Ten Turkish soldiers were killed"


def test_as_many_as_is_up_to() -> None:
    assert counts("As many as ten soldiers were killed.") == [("killed", 1, 10, 10)]


def test_at_least_leaves_high_open() -> None:
    assert counts("At least 40 people died in the blast.") == [("killed", 40, 40, None)]


def test_more_than_leaves_high_open() -> None:
    assert counts("More than 100 people were injured.") == [("wounded", 100, 100, None)]


def test_about_keeps_only_best() -> None:
    assert counts("About 30 people were injured.") == [("wounded", None, 30, None)]


def test_nearly_caps_high() -> None:
    assert counts("Nearly 50 people died.") == [("killed", None, 50, 50)]


def test_range_between_takes_the_lower_figure_as_best() -> None:
    assert counts("Between 5 and 10 fishermen are missing.") == [("missing", 5, 5, 10)]


def test_a_dozen() -> None:
    assert counts("A dozen guards were wounded.") == [("wounded", 12, 12, 12)]


def test_dozens_is_at_least_two_dozen() -> None:
    assert counts("Dozens of civilians were abducted.") == [("captured", 24, 24, 99)]


def test_several_from_the_table() -> None:
    assert counts("Several policemen were hurt.") == [("wounded", 3, 3, 9)]


def test_killed_or_wounded_is_one_kind() -> None:
    assert counts("Ten soldiers were killed or wounded.") == [("killed_or_wounded", 10, 10, 10)]


def test_casualties_are_killed_or_wounded() -> None:
    assert counts("The army reported ten casualties.") == [("killed_or_wounded", 10, 10, 10)]


def test_kind_before_number() -> None:
    assert counts("The bomb exploded, killing 5.") == [("killed", 5, 5, 5)]


def test_adjective_after_number() -> None:
    assert counts("The raid left 5 dead.") == [("killed", 5, 5, 5)]


def test_left_dead_and_wounded_are_two_figures() -> None:
    assert counts("The attack left three people dead and 12 wounded.") == [
        ("killed", 3, 3, 3), ("wounded", 12, 12, 12)]


def test_death_toll_rose_to() -> None:
    assert counts("The death toll rose to 12.") == [("killed", 12, 12, 12)]


def test_one_person_was_killed() -> None:
    assert counts("One person was killed in the shelling.") == [("killed", 1, 1, 1)]


def test_a_man_was_killed_counts_one() -> None:
    assert counts("A man was killed in the shelling.") == [("killed", 1, 1, 1)]


def test_killed_a_soldier_counts_one() -> None:
    (figure,) = figures("A sniper killed a soldier.")
    assert (figure.kind, figure.best, figure.who) == ("killed", 1, "soldier")


def test_a_bomb_that_killed_is_not_a_count_but_the_driver_is_one() -> None:
    assert [(f.kind, f.best, f.who) for f in figures("A bomb killed the driver.")] == [
        ("killed", 1, "driver")]


def test_perpetrators_of_an_active_verb_are_not_victims() -> None:
    assert counts("Five gunmen killed 3 civilians.") == [("killed", 3, 3, 3)]


def test_coordinated_victims_share_the_predicate() -> None:
    assert counts("Three soldiers and two civilians were killed.") == [
        ("killed", 3, 3, 3), ("killed", 2, 2, 2)]


def test_no_one_hurt_is_zero() -> None:
    assert counts("No one was hurt.") == [("wounded", 0, 0, 0)]


def test_materiel_destroyed() -> None:
    (figure,) = figures("Four armoured vehicles destroyed.")
    assert (figure.kind, figure.best, figure.who) == ("materiel", 4, "armoured vehicles")


def test_kidnapped_is_captured() -> None:
    assert counts("Gunmen kidnapped two engineers.") == [("captured", 2, 2, 2)]


def test_arrests_are_not_casualty_figures() -> None:
    assert figures("Police arrested 12 protesters.") == ()


def test_all_caps_wire() -> None:
    assert counts("TWO GUERRILLAS WERE KILLED AND NINE OTHER FIGHTERS WERE WOUNDED.") == [
        ("killed", 2, 2, 2), ("wounded", 9, 9, 9)]


def test_measure_is_not_a_count() -> None:
    assert figures("The convoy was hit 5 km from the town and its driver killed.") == ()


def test_age_is_not_a_count() -> None:
    assert counts("A 15-year-old girl was killed.") == [("killed", 1, 1, 1)]


def test_number_inside_a_date_is_not_a_count() -> None:
    assert figures("On 5 January, fighters were killed.") == ()


def test_in_total_is_cumulative() -> None:
    (figure,) = figures("16 soldiers have been killed in total.")
    assert (figure.best, figure.cumulative) == (16, True)


def test_since_gives_the_start_of_a_tally() -> None:
    (figure,) = figures("16 soldiers have been killed since early December.")
    assert (figure.cumulative, figure.since) == (True, dt.date(2019, 12, 1))


def test_single_event_figure_is_not_cumulative() -> None:
    (figure,) = figures("Ten soldiers were killed on Monday.")
    assert (figure.cumulative, figure.since) == (False, None)


def test_word_number_reads_the_table() -> None:
    assert (word_number("seven"), word_number("Twenty"), word_number("soldier")) == (7, 20, None)


def test_each_kind_phrase_is_listed_once() -> None:
    from importlib import resources

    rows = resources.files("fogwatch.data").joinpath("figures_cues.csv").read_text(
        encoding="utf-8").splitlines()[1:]
    phrases = [row.split(",")[0] for row in rows]
    assert sorted(p for p in set(phrases) if phrases.count(p) > 1) == []
