"""Stage 'dates', named days: each test is one sentence we wrote, with the exact value expected."""

from __future__ import annotations

import datetime as dt

import pytest

from fogwatch.nlp import parse
from fogwatch.pipeline import make_document
from fogwatch.pipeline.context import Context
from fogwatch.pipeline.dates import find_dates
from fogwatch.pipeline.dates_holidays import easter, holiday_date, lookup


def values(text: str, published: dt.date) -> list[tuple[str, str | None]]:
    ctx = Context(document=make_document(text, published), doc=parse(text))
    return [(w.span.text if w.span else "", w.value) for w in find_dates(ctx).dates]


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("A man was shot dead on New Year's Eve, the sheriff said.", dt.date(2021, 1, 3),
     [("New Year's Eve", "2020-12-31")]),
    ("A man was shot dead on New Years Eve, the sheriff said.", dt.date(2021, 1, 3),
     [("New Years Eve", "2020-12-31")]),
    ("Two men were wounded on Christmas Day outside a church.", dt.date(2021, 12, 28),
     [("Christmas Day", "2021-12-25")]),
    ("A teenager was killed on Thanksgiving night, police said.", dt.date(2021, 11, 29),
     [("Thanksgiving", "2021-11-25")]),
    ("The gunman opened fire on Memorial Day.", dt.date(2022, 6, 3),
     [("Memorial Day", "2022-05-30")]),
    ("He was charged over a Labor Day shooting.", dt.date(2022, 9, 20),
     [("Labor Day", "2022-09-05")]),
    ("The raid took place on Good Friday.", dt.date(2024, 4, 10),
     [("Good Friday", "2024-03-29")]),
    ("Police recalled the Mothers Day shooting.", dt.date(2021, 6, 1),
     [("Mothers Day", "2021-05-09")]),
    ("He was killed on Easter Sunday 2018, prosecutors said.", dt.date(2019, 6, 1),
     [("Easter Sunday 2018", "2018-04-01")]),
])
def test_named_day_resolves_to_its_date(text: str, published: dt.date,
                                        expected: list[tuple[str, str]]) -> None:
    assert values(text, published) == expected


def test_one_word_name_as_a_modifier_is_no_date() -> None:
    assert values("Two guests were shot at a Christmas party in the suburb.",
                  dt.date(2021, 12, 20)) == []


def test_one_word_name_with_a_time_of_day_is_the_day() -> None:
    assert values("Shots were fired on Christmas morning.", dt.date(2021, 12, 27)) == [
        ("Christmas", "2021-12-25")]


def test_named_day_ahead_in_a_future_clause_points_forward() -> None:
    assert values("The family will hold a vigil on Halloween.", dt.date(2021, 10, 20)) == [
        ("Halloween", "2021-10-31")]


@pytest.mark.parametrize(("year", "day"), [
    (2000, dt.date(2000, 4, 23)), (2008, dt.date(2008, 3, 23)), (2019, dt.date(2019, 4, 21)),
    (2025, dt.date(2025, 4, 20)), (2038, dt.date(2038, 4, 25)),
])
def test_western_easter(year: int, day: dt.date) -> None:
    assert easter(year) == day


def test_last_weekday_of_a_month() -> None:
    memorial = lookup("Memorial Day")
    assert memorial is not None
    assert holiday_date(memorial, 2021) == dt.date(2021, 5, 31)


def test_unknown_name_is_no_holiday() -> None:
    assert lookup("Flag Week") is None
