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


def test_ordinal_quarter_is_the_latest_such_quarter_begun() -> None:
    (when,) = dates("Exports fell in the third quarter.")
    assert (when.value, when.precision) == ("2019-Q3", "year")
    assert (when.start, when.end) == (dt.date(2019, 7, 1), dt.date(2019, 9, 30))


def test_quarter_of_a_named_year() -> None:
    assert values("Exports grew in the first quarter of 2018.") == [
        ("the first quarter of 2018", "2018-Q1")]


def test_the_latest_quarter_is_the_last_one_ended() -> None:
    assert values("Fuel imports fell in the latest quarter.") == [
        ("the latest quarter", "2019-Q4")]


def test_last_summer_is_the_latest_summer_ended() -> None:
    assert values("The militia grew last summer.") == [("last summer", "2019-SU")]


def test_fall_as_a_verb_is_not_a_season() -> None:
    assert values("Prices will fall sharply.") == []


def test_the_weekend_is_the_latest_one_before_publication() -> None:
    (when,) = dates("Protesters marched over the weekend.")
    assert (when.value, when.start, when.end) == (
        "2020-W06-WE", dt.date(2020, 2, 8), dt.date(2020, 2, 9))


def test_now_is_a_present_reference_without_an_interval() -> None:
    (when,) = dates("Rebels now hold the town.")
    assert (when.value, when.start, when.precision) == ("PRESENT_REF", None, "unknown")


def test_recently_is_a_past_reference() -> None:
    assert values("The road was recently reopened.") == [("recently", "PAST_REF")]


def test_the_past_before_a_count_is_a_duration_not_a_reference() -> None:
    assert [v for _, v in values("Raids rose over the past two weeks.")] != ["PAST_REF"]


def test_a_year_earlier_counts_from_the_quarter_told_before() -> None:
    assert values("Exports fell in the third quarter of 2019 from a year earlier.") == [
        ("the third quarter of 2019", "2019-Q3"), ("a year earlier", "2018-Q3")]


def test_a_year_earlier_without_a_date_before_counts_from_publication() -> None:
    assert values("Exports fell from a year earlier.") == [("a year earlier", "2019")]


def test_the_following_year_counts_from_the_year_told_before() -> None:
    assert values("The camp opened in 2015 and closed the following year.") == [
        ("2015", "2015"), ("the following year", "2016")]


def test_impossible_day_keeps_its_span_without_a_value() -> None:
    (when,) = dates("The decree is dated 31 February 2020.")
    assert (when.span, when.value, when.precision) == (
        Span(20, 36, "31 February 2020"), None, "unknown")


def test_malformed_iso_date_keeps_its_span_without_a_value() -> None:
    assert values("The file is stamped 2020-13-45.") == [("2020-13-45", None)]


def test_numeric_date_reads_month_first() -> None:
    assert values("The decree of 03/04/2020 stands.") == [("03/04/2020", "2020-03-04")]


def test_numeric_date_reads_day_first_when_only_that_is_a_date() -> None:
    assert values("The decree of 13/04/2020 stands.") == [("13/04/2020", "2020-04-13")]


def test_publication_at_the_calendar_end_leaves_relative_dates_unresolved() -> None:
    assert values("Talks resume next week.", dt.date(9999, 12, 31)) == [("next week", None)]


def test_spelled_out_year() -> None:
    assert values("The dam was built in nineteen eighty-four.") == [
        ("nineteen eighty-four", "1984")]


def test_spelled_out_count_is_not_a_year() -> None:
    assert values("Nineteen people and two thousand troops left.") == []


def test_the_fiscal_year_is_the_publication_year() -> None:
    assert values("Revenue for the current fiscal year fell.") == [
        ("the current fiscal year", "2020")]


def test_last_month_name_is_the_latest_such_month_before_publication() -> None:
    text = "The treaty was signed last April."
    assert values(text, dt.date(2020, 10, 6)) == [("last April", "2020-04")]


def test_possessive_weekday_told_two_days_later_is_that_monday() -> None:
    text = "Monday's raid killed four."
    assert values(text, dt.date(2020, 2, 26)) == [("Monday", "2020-02-24")]


def test_now_opening_a_sentence_with_a_comma_is_no_reference() -> None:
    assert values("Now, the rebels say, the road is open.") == []


def test_the_end_of_the_month_is_the_publication_month() -> None:
    assert values("Troops leave by the end of the month.") == [
        ("the end of the month", "2020-02")]


def test_the_past_two_weeks_is_the_range_ending_on_publication() -> None:
    [when] = dates("Fighting over the past two weeks displaced thousands.")
    assert (when.start, when.end, when.precision) == (
        TUESDAY - dt.timedelta(weeks=2), TUESDAY, "month")
    assert when.span is not None and when.span.text == "the past two weeks"


def test_the_last_three_days_is_a_range_no_finer_than_a_week() -> None:
    [when] = dates("In the last three days the town was shelled.")
    assert (when.start, when.end, when.precision) == (
        TUESDAY - dt.timedelta(days=3), TUESDAY, "week")


def test_a_past_range_without_publication_date_stays_unresolved() -> None:
    [when] = dates("Fighting over the past two weeks displaced thousands.", None)
    assert (when.start, when.precision) == (None, "unknown")


def test_overnight_is_the_night_before_publication() -> None:
    assert values("Rebels attacked the town overnight.") == [
        ("overnight", (TUESDAY - dt.timedelta(days=1)).isoformat())]


MONDAY_24 = dt.date(2020, 2, 24)


def test_design_story_dates_resolve_against_a_monday_publication() -> None:
    text = ("Air strikes hit Turkish troops near Kansafra on Monday; a convoy was hit on Sunday. "
            "The offensive began in early December.")
    assert [(w.value, w.precision) for w in dates(text, MONDAY_24)] == [
        ("2020-02-24", "day"), ("2020-02-23", "day"), ("2019-12", "month")]


def test_mondays_raid_told_on_wednesday_is_that_monday() -> None:
    assert values("Monday's raid left the village in ruins.", dt.date(2020, 2, 26)) == [
        ("Monday", "2020-02-24")]


def test_the_2019_offensive_is_dated_to_its_year() -> None:
    assert values("Survivors of the 2019 offensive returned home.") == [("2019", "2019")]
