"""Stage 'dates': each test is one sentence we wrote, with the exact value expected."""

from __future__ import annotations

import datetime as dt

import pytest

from fogwatch.nlp import parse
from fogwatch.pipeline import make_document
from fogwatch.pipeline.context import Context
from fogwatch.pipeline.dates import find_dates
from fogwatch.records import Span, When

TUESDAY = dt.date(2020, 2, 11)


def dates(text: str, published: dt.date | None = TUESDAY) -> tuple[When, ...]:
    ctx = Context(document=make_document(text, published), doc=parse(text))
    return find_dates(ctx).dates


def values(text: str, published: dt.date | None = TUESDAY) -> list[tuple[str, str | None]]:
    return [(w.span.text if w.span else "", w.value) for w in dates(text, published)]


def test_weekday_points_back_to_the_day_before_publication() -> None:
    assert values("Shelling hit the town on Monday.") == [("Monday", "2020-02-10")]


def test_weekday_of_publication_is_that_day() -> None:
    assert values("Shelling hit the town on Tuesday.") == [("Tuesday", "2020-02-11")]


def test_weekday_in_a_future_clause_points_forward() -> None:
    assert values("The ministers will meet on Friday.") == [("Friday", "2020-02-14")]


def test_weekday_span_excludes_the_preposition() -> None:
    (when,) = dates("Shelling hit the town on Monday.")
    assert when.span == Span(25, 31, "Monday")


def test_yesterday_is_the_day_before() -> None:
    assert values("Two rockets fell yesterday.") == [("yesterday", "2020-02-10")]


def test_last_night_is_the_day_before() -> None:
    assert values("Gunmen struck last night.") == [("last night", "2020-02-10")]


def test_today_is_the_publication_day() -> None:
    assert values("The border reopened today.") == [("today", "2020-02-11")]


def test_last_week_has_week_precision() -> None:
    (when,) = dates("Gunmen struck last week.")
    assert (when.value, when.precision) == ("2020-W06", "week")
    assert (when.start, when.end) == (dt.date(2020, 2, 3), dt.date(2020, 2, 9))


def test_last_month_has_month_precision() -> None:
    assert values("The offensive began last month.") == [("last month", "2020-01")]


def test_early_month_is_the_month_before_publication() -> None:
    (when,) = dates("The offensive began in early December.")
    assert (when.value, when.precision) == ("2019-12", "month")
    assert (when.start, when.end) == (dt.date(2019, 12, 1), dt.date(2019, 12, 10))


def test_mid_month_with_hyphen_is_a_month() -> None:
    assert values("Fighting flared in mid-December.") == [("mid-December", "2019-12")]


def test_in_year_has_year_precision() -> None:
    (when,) = dates("The town fell in 2019.")
    assert (when.value, when.precision) == ("2019", "year")


def test_full_date_day_month_year() -> None:
    assert values("The ceasefire was signed on 16 January 2022.") == [
        ("16 January 2022", "2022-01-16")]


def test_full_date_month_day_year() -> None:
    assert values("The ceasefire was signed on Jan. 5, 2021.") == [("Jan. 5, 2021", "2021-01-05")]


def test_month_day_without_year_takes_the_nearest_past_year() -> None:
    assert values("The ceasefire was signed on Jan. 5.") == [("Jan. 5", "2020-01-05")]


def test_bare_year_after_a_preposition() -> None:
    assert values("The group was founded in 1998.") == [("1998", "1998")]


def test_two_digit_year_in_a_wire_dateline() -> None:
    assert values("SAN MIGUEL, 3 JAN 90 -- TROOPS ARRIVED.", None) == [("3 JAN 90", "1990-01-03")]


def test_all_caps_weekday_is_found() -> None:
    assert values("REBELS ATTACKED THE BASE ON MONDAY.") == [("MONDAY", "2020-02-10")]


def test_n_years_ago() -> None:
    assert values("The dam was built two years ago.") == [("two years ago", "2018")]


def test_relative_date_without_publication_date_stays_unresolved() -> None:
    (when,) = dates("Shelling hit the town on Monday.", None)
    assert (when.start, when.precision, when.value) == (None, "unknown", None)


def test_absolute_date_resolves_without_publication_date() -> None:
    assert values("The ceasefire was signed on 16 January 2022.", None) == [
        ("16 January 2022", "2022-01-16")]


def test_duration_is_not_a_date() -> None:
    assert dates("The siege lasted for three days.") == ()


def test_set_is_not_a_date() -> None:
    assert dates("Protesters gather every Friday.") == ()


def test_age_is_not_a_date() -> None:
    assert dates("A 30-year-old man was hurt.") == ()


def test_lowercase_may_is_a_modal_not_a_month() -> None:
    assert dates("The talks may collapse.") == ()


@pytest.mark.parametrize("text", ["The last week was calm.", "Over the past year, prices rose."])
def test_the_last_week_is_a_duration(text: str) -> None:
    assert [w.value for w in dates(text)] == []


def test_month_day_without_year_stays_unresolved_without_publication_date() -> None:
    (when,) = dates("The ceasefire was signed on Jan. 5.", None)
    assert (when.span.text if when.span else None, when.value) == ("Jan. 5", None)


def test_last_month_name_is_that_month_a_year_back() -> None:
    assert values("The treaty was signed last May.") == [("last May", "2019-05")]


def test_month_name_with_last_year() -> None:
    assert values("The town fell in July last year.") == [("July last year", "2019-07")]


def test_month_name_expected_ahead_points_forward() -> None:
    assert values("A vote is expected in March.") == [("March", "2020-03")]


def test_clock_time_joins_the_date_beside_it() -> None:
    assert values("The offer expires at 5 p.m. on Jan. 20, 2020.") == [
        ("5 p.m. on Jan. 20, 2020", "2020-01-20")]
