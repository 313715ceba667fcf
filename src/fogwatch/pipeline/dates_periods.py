"""Resolution for stage 'dates' beyond the calendar: quarters, seasons, weekends, the present,
past and future as references, and expressions anchored on the date told before them ("a year
earlier", "the following year").

A quarter, a season or a weekend keeps its interval in `start`/`end` and its TimeML value in
`When.timex` ("2020-Q1", "2020-SU", "2020-W05-WE"); its precision is the coarsest calendar unit
that holds it, so a quarter never claims month precision. A reference ("now", "recently") names
no interval: `start` stays None and it can never become an event's date.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from fogwatch.pipeline.dates_grammar import quantity, vocabulary
from fogwatch.records import When

__all__ = ["anchored", "quarter", "reference", "season", "shift_quarter", "weekend"]

UNKNOWN = When(None, None, "unknown")

# TimeML's seasons, each by its first month; winter runs from December into the next year.
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def _quarter(year: int, q: int) -> When:
    start = dt.date(year, 3 * q - 2, 1)
    end = dt.date(year, 12, 31) if q == 4 else dt.date(year, 3 * q + 1, 1) - dt.timedelta(days=1)
    return When(start, end, "year", timex=f"{year:04d}-Q{q}")


def quarter(fields: dict[str, str], published: dt.date | None) -> When:
    """'the third quarter (of 1990)': of the year named, else the latest such quarter begun."""
    q = int(vocabulary().words("quarter")[fields["ordinal"].lower()])
    named = fields.get("year") or fields.get("qyear")
    if named:
        return _quarter(int(named), q)
    if published is None:
        return UNKNOWN
    begun = 3 * q - 2 <= published.month
    earlier = 1 if fields.get("earlier") else 0  # "the year-earlier third quarter"
    return _quarter(published.year - earlier - (0 if begun else 1), q)


def shift_quarter(fields: dict[str, str], published: dt.date | None) -> When:
    """'the quarter', 'the latest quarter': the last one ended; 'this quarter': the current one."""
    if published is None:
        return UNKNOWN
    word = (fields.get("qshift") or fields.get("qshift2") or "latest").lower()
    shift = int(vocabulary().words("quarter_shift").get(word, "-1"))
    index = published.year * 4 + (published.month - 1) // 3 + shift
    return _quarter(index // 4, index % 4 + 1)


def _season_bounds(year: int, code: str) -> tuple[dt.date, dt.date]:
    start = dt.date(year, _SEASON_START[code], 1)
    index = year * 12 + start.month - 1 + 3
    return start, dt.date(index // 12, index % 12 + 1, 1) - dt.timedelta(days=1)


def season(fields: dict[str, str], published: dt.date | None) -> When:
    """'summer 1998'; 'this summer' of the publication year; 'last summer' the latest ended."""
    code = vocabulary().words("season")[fields["season"].lower()]
    if fields.get("year"):
        year = int(fields["year"])
    elif published is None:
        return UNKNOWN
    else:
        shift = re.sub(r"\s+", " ", fields.get("sshift", "").lower())
        year = published.year - (1 if code == "WI" and published.month < 3 else 0)
        if shift in ("last", "this past") and _season_bounds(year, code)[1] >= published:
            year -= 1
        elif shift == "next" and _season_bounds(year, code)[0] <= published:
            year += 1
    start, end = _season_bounds(year, code)
    return When(start, end, "year", timex=f"{year:04d}-{code}")


def weekend(fields: dict[str, str], published: dt.date | None, future: bool) -> When:
    """'the weekend' is the latest one begun (the coming one in a future clause); 'last' the
    one before this week's, 'this' this week's, 'next' the one after."""
    if published is None:
        return UNKNOWN
    shift = re.sub(r"\s+", " ", fields.get("wshift", "the").lower())
    this_saturday = published + dt.timedelta(days=5 - published.weekday())
    if shift == "this" or (shift == "the" and future):
        saturday = this_saturday
    elif shift == "next":
        saturday = this_saturday + dt.timedelta(days=7)
    elif shift == "last" and published.weekday() >= 5:
        saturday = this_saturday - dt.timedelta(days=7)
    else:
        saturday = this_saturday if published.weekday() >= 5 else \
            this_saturday - dt.timedelta(days=7)
    year, week, _ = saturday.isocalendar()
    return When(saturday, saturday + dt.timedelta(days=1), "week",
                timex=f"{year:04d}-W{week:02d}-WE")


def reference(fields: dict[str, str]) -> When:
    words = vocabulary().words("reference")
    value = words[re.sub(r"\s+", " ", fields["reference"].lower())]
    return When(None, None, "unknown", timex=value)


_FINENESS = {"day": 0, "week": 1, "month": 2, "year": 3}


def _shift_years(anchor: When, years: int) -> When:
    if anchor.start is None or anchor.end is None:
        return UNKNOWN
    try:
        start = anchor.start.replace(year=anchor.start.year + years)
        end = anchor.end.replace(year=anchor.end.year + years)
    except ValueError:  # 29 February
        start = anchor.start.replace(year=anchor.start.year + years, day=28)
        end = start
    timex = f"{start.year:04d}{anchor.timex[4:]}" if anchor.timex else None
    if anchor.precision == "week" and timex is None:
        try:
            monday = dt.date.fromisocalendar(start.year, anchor.start.isocalendar()[1], 1)
        except ValueError:  # week 53
            return UNKNOWN
        return When(monday, monday + dt.timedelta(days=6), "week")
    return dataclasses.replace(anchor, start=start, end=end, timex=timex, span=None)


def _shift(anchor: When, unit: str, n: int) -> When:
    """The anchor moved by n units, at the anchor's own precision when it is as fine as the
    unit ('a year earlier' than 12 August 1989 is 12 August 1988), else UNKNOWN."""
    if anchor.start is None or _FINENESS.get(anchor.precision, 9) > _FINENESS[unit]:
        return UNKNOWN
    if unit == "year":
        return _shift_years(anchor, n)
    if anchor.timex is not None:
        return UNKNOWN
    if unit in ("day", "week"):
        delta = dt.timedelta(days=n * (7 if unit == "week" else 1))
        assert anchor.end is not None
        return dataclasses.replace(anchor, start=anchor.start + delta, end=anchor.end + delta,
                                   span=None)
    index = anchor.start.year * 12 + anchor.start.month - 1 + n
    start = dt.date(index // 12, index % 12 + 1, 1)
    if anchor.precision == "day":
        try:
            return When(start.replace(day=anchor.start.day), start.replace(
                day=anchor.start.day), "day")
        except ValueError:
            return UNKNOWN
    end_index = index + 1
    end = dt.date(end_index // 12, end_index % 12 + 1, 1) - dt.timedelta(days=1)
    return When(start, end, "month")


def _coarsen(when: When, unit: str) -> When:
    """The unit of `when` that holds it: 'that year' after 12 August 1989 is 1989."""
    if when.start is None:
        return UNKNOWN
    d = when.start
    if unit == "year":
        return When(dt.date(d.year, 1, 1), dt.date(d.year, 12, 31), "year")
    if unit == "month":
        nxt = dt.date(d.year + d.month // 12, d.month % 12 + 1, 1)
        return When(dt.date(d.year, d.month, 1), nxt - dt.timedelta(days=1), "month")
    if unit == "week":
        monday = d - dt.timedelta(days=d.weekday())
        return When(monday, monday + dt.timedelta(days=6), "week")
    return When(d, d, "day")


_DIRECTION = {"earlier": -1, "later": 1, "following": 1, "previous": -1, "prior": -1,
              "same": 0, "": 0}


def anchored(rule: str, fields: dict[str, str], anchor: When | None,
             published: dt.date | None) -> When:
    """'a year earlier', 'two days later', 'the following year', 'that month': counted from the
    date told before (`anchor`); 'a year earlier' with no anchor counts from publication."""
    if rule == "year_earlier":
        if anchor is not None and anchor.start is not None:
            return _shift(anchor, "year", -1)
        return When(dt.date(published.year - 1, 1, 1), dt.date(published.year - 1, 12, 31),
                    "year") if published else UNKNOWN
    if anchor is None or anchor.start is None:
        return UNKNOWN
    unit = fields["unit"].lower()
    if "number" in fields:
        n = (quantity(fields["number"]) or 0) * _DIRECTION[fields["direction"].lower()]
        return _shift(anchor, unit, n)
    n = _DIRECTION[fields.get("ashift", "").lower()]
    base = _coarsen(anchor, unit) if _FINENESS.get(anchor.precision, 9) <= _FINENESS[unit] \
        else UNKNOWN
    return _shift(base, unit, n) if n and base.start is not None else base
