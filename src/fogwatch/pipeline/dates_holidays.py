"""Named days for stage 'dates': "Christmas Eve", "Thanksgiving", "Easter Sunday" -> the day,
by the table `data/dates_holidays.csv` (a fixed date, the n-th weekday of a month, or an offset
from Western Easter), in the year the text names or else the year that puts it nearest the
publication (the far side costing double, as for "Dec. 24")."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass

from fogwatch.lexicons import read_table

__all__ = ["Holiday", "easter", "holiday_date", "holidays", "lookup", "name_pattern", "nearest"]


@dataclass(frozen=True, slots=True)
class Holiday:
    """One row of the table: how its date follows from the year."""

    name: str
    rule: str  # "fixed", "nth" or "easter"
    month: int
    day: int  # the day; for "nth" the n (-1 = last); for "easter" the offset in days
    weekday: int  # for "nth": 0 = Monday


@functools.lru_cache(maxsize=1)
def holidays() -> dict[str, Holiday]:
    found: dict[str, Holiday] = {}
    for row in read_table("dates_holidays.csv"):
        found[row["name"]] = Holiday(
            row["name"], row["rule"], int(row["month"] or 0), int(row["day"] or 0),
            int(row["weekday"] or 0))
    return found


def _words(name: str) -> str:
    """A regex for one name as news writes it: any run of spaces, either apostrophe, the
    possessive's apostrophe or "s" optional ("New Years Eve", "Mothers Day", "Presidents Day")."""
    words = []
    for word in name.split(" "):
        escaped = (re.escape(word).replace("'s", "\x00").replace("'", "\x01")
                   .replace("\x00", "(?:['\u2019]s|s)?").replace("\x01", "['\u2019]?"))
        words.append(escaped)
    return r"\s+".join(words)


@functools.lru_cache(maxsize=1)
def _compiled() -> tuple[tuple[re.Pattern[str], Holiday], ...]:
    return tuple((re.compile(_words(h.name), re.IGNORECASE), h) for h in holidays().values())


def name_pattern() -> str:
    """A regex alternation (group `holiday`) of every name, longest first."""
    names = sorted(holidays(), key=len, reverse=True)
    return rf"(?P<holiday>{'|'.join(_words(n) for n in names)})"


def lookup(text: str) -> Holiday | None:
    """The holiday a matched name is."""
    return next((h for pattern, h in _compiled() if pattern.fullmatch(text.strip())), None)


def easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def holiday_date(holiday: Holiday, year: int) -> dt.date:
    if holiday.rule == "fixed":
        return dt.date(year, holiday.month, holiday.day)
    if holiday.rule == "easter":
        return easter(year) + dt.timedelta(days=holiday.day)
    days = calendar.monthrange(year, holiday.month)[1]
    matching = [d for d in range(1, days + 1)
                if dt.date(year, holiday.month, d).weekday() == holiday.weekday]
    n = holiday.day
    return dt.date(year, holiday.month, matching[n - 1] if n > 0 else matching[n])


def nearest(text: str, year: int | None, published: dt.date | None, future: bool,
            future_cost: int) -> dt.date | None:
    """The day a holiday's name means: of `year` when the text gives one, else of the year that
    puts it nearest `published`, the far side (ahead, or behind for a verb in the future)
    costing `future_cost` times its distance."""
    holiday = lookup(text)
    if holiday is None:
        return None
    if year is not None:
        return holiday_date(holiday, year)
    if published is None:
        return None
    options = [holiday_date(holiday, y) for y in
               (published.year - 1, published.year, published.year + 1)]

    def cost(d: dt.date) -> int:
        days = (d - published).days
        return abs(days) * (future_cost if (days > 0) != future else 1)
    return min(options, key=cost)
