"""Resolution for stage 'dates': a matched expression and the publication date -> When."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable

from fogwatch.pipeline import dates_holidays
from fogwatch.pipeline import dates_periods as periods
from fogwatch.pipeline.dates_grammar import quantity, spelled_year, vocabulary
from fogwatch.records import Precision, When

__all__ = ["UNKNOWN", "in_month", "in_week", "in_year", "on_day", "resolve"]


def _month_value(word: str) -> int:
    v = vocabulary()
    word = word.lower().rstrip(".")
    return int(v.words("month").get(word) or v.words("month_abbr")[word])


def _year_value(raw: str) -> int:
    raw = raw.lstrip("'")
    year = int(raw)
    if len(raw) == 2:  # "3 JAN 90": a two-digit year, 1931-2030
        year += 2000 if year <= 30 else 1900
    return year


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_bounds(year: int, month: int, part: str | None = None) -> tuple[dt.date, dt.date]:
    last = calendar.monthrange(year, month)[1]
    first_day, last_day = {"early": (1, 10), "mid": (11, 20), "late": (21, last)}.get(
        part or "", (1, last))
    return dt.date(year, month, first_day), dt.date(year, month, last_day)


# A date ahead of publication costs twice its distance: news looks back more than forward, but
# "payable Nov. 21" in a story of Nov. 2 is still this year's (checked on TempEval-3 values).
FUTURE_COST = 2


def _closest_year(month: int, day: int, published: dt.date, future: bool) -> dt.date | None:
    """The year that puts the date nearest publication, the far side costing double (the
    past side when the verb is in the future)."""
    options = [d for y in (published.year - 1, published.year, published.year + 1)
               if (d := _safe_date(y, month, day)) is not None]

    def cost(d: dt.date) -> int:
        days = (d - published).days
        ahead = days > 0
        return abs(days) * (FUTURE_COST if ahead != future else 1)
    return min(options, key=cost, default=None)


def _month_year(month: int, published: dt.date, future: bool) -> int:
    ahead = (month - published.month) % 12
    behind = 12 - ahead if ahead else 0
    weight_ahead, weight_behind = (1, FUTURE_COST) if future else (FUTURE_COST, 1)
    if ahead and ahead * weight_ahead < behind * weight_behind:
        return published.year + (1 if month < published.month else 0)
    return published.year - (1 if month > published.month else 0)


def on_day(d: dt.date | None) -> When:
    return When(d, d, "day") if d else When(None, None, "unknown")


def in_week(d: dt.date) -> When:
    monday = d - dt.timedelta(days=d.weekday())
    return When(monday, monday + dt.timedelta(days=6), "week")


def in_month(year: int, month: int, part: str | None = None) -> When:
    start, end = _month_bounds(year, month, part)
    return When(start, end, "month")


def in_year(year: int) -> When:
    return When(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")


def _add_months(d: dt.date, months: int) -> tuple[int, int]:
    index = d.year * 12 + d.month - 1 + months
    return index // 12, index % 12 + 1


UNKNOWN = When(None, None, "unknown")


def resolve(rule: str, fields: dict[str, str], published: dt.date | None,
            future: bool = False, anchor: When | None = None) -> When:
    """The interval that a matched expression names; UNKNOWN where it needs a missing anchor.
    `anchor` is the date told before, for 'a year earlier' and 'the following year'."""
    f = fields
    if rule in _PERIODS:
        return _PERIODS[rule](f, published, future, anchor)
    part_word = f.get("part") or f.get("part2") or ""
    part = vocabulary().words("part").get(part_word.lower()) or None
    if rule == "iso":
        return on_day(_safe_date(_year_value(f["year"]), int(f["mnum"]), int(f["day"])))
    if rule == "numeric":
        # US order (month first) unless only the day-first reading is a date: 13/04/2020
        first, second = int(f["mnum"]), int(f["day"])
        month, day = (second, first) if first > 12 >= second else (first, second)
        return on_day(_safe_date(_year_value(f["year"]), month, day))
    if rule in ("dmy", "mdy"):
        return on_day(_safe_date(_year_value(f["year"]), _month_value(f["month"]), int(f["day"])))
    if rule == "my":
        return in_month(_year_value(f["year"]), _month_value(f["month"]), part)
    if rule == "spelled_year":
        year = spelled_year(f["spelled"])
        if year is None:
            return UNKNOWN
        return in_month(year, _month_value(f["month"])) if "month" in f else in_year(year)
    if rule == "part_of_unit" and published is not None:  # "the end of the month"
        unit = f["unit"].lower()
        if unit == "week":
            return in_week(published)
        return in_month(published.year, published.month) if unit == "month" \
            else in_year(published.year)
    if rule == "the_year":  # "the year", "the current fiscal year": the publication's
        return in_year(published.year) if published else UNKNOWN
    if rule == "holiday":
        year = int(f["year"]) if "year" in f else None
        return on_day(dates_holidays.nearest(f["holiday"], year, published, future, FUTURE_COST))
    if rule in ("year", "part_year"):
        return in_year(int(f["year"]))
    if published is None:
        return UNKNOWN
    return _resolve_relative(rule, f, part, published, future)


# A range as coarse as its unit, so "the past ten days" never claims one day's precision.
_SPAN_PRECISION: dict[str, Precision] = {"day": "week", "week": "month", "month": "year",
                                         "year": "year"}


def _past_span(n: int | None, unit: str, published: dt.date) -> When:
    if not n:
        return UNKNOWN
    if unit == "day":
        start = published - dt.timedelta(days=n)
    elif unit == "week":
        start = published - dt.timedelta(weeks=n)
    elif unit == "month":
        start = dt.date(*_add_months(published, -n), min(published.day, 28))
    else:
        start = published.replace(year=published.year - n, day=min(published.day, 28))
    return When(start, published, _SPAN_PRECISION[unit])


_PERIODS: dict[str, Callable[[dict[str, str], dt.date | None, bool, When | None], When]] = {
    "reference": lambda f, published, future, anchor: periods.reference(f),
    "quarter": lambda f, published, future, anchor: periods.quarter(f, published),
    "shift_quarter": lambda f, published, future, anchor: periods.shift_quarter(f, published),
    "season": lambda f, published, future, anchor: periods.season(f, published),
    "weekend": lambda f, published, future, anchor: periods.weekend(f, published, future),
    "year_earlier": lambda f, published, future, anchor: periods.anchored(
        "year_earlier", f, anchor, published),
    "anaphor": lambda f, published, future, anchor: periods.anchored(
        "anaphor", f, anchor, published),
}


def _resolve_relative(rule: str, f: dict[str, str], part: str | None, published: dt.date,
                      future: bool) -> When:
    v = vocabulary()
    if rule in ("dm", "md"):
        return on_day(_closest_year(_month_value(f["month"]), int(f["day"]), published, future))
    if rule == "month_shift_year":
        shift = int(v.words("shift")[f["shift"].lower()])
        return in_month(published.year + shift, _month_value(f["month"]))
    if rule == "shift_month":
        # "last April" is the latest April before the publication's month (in October, this
        # year's); "this May" is this year's; "next May" the first one ahead
        month, shift = _month_value(f["month"]), int(v.words("shift")[f["shift"].lower()])
        if shift > 0:
            return in_month(published.year + (1 if month <= published.month else 0), month)
        if shift < 0:
            return in_month(published.year - (1 if month >= published.month else 0), month)
        return in_month(published.year, month)
    if rule in ("part_month", "month"):
        month = _month_value(f["month"])
        year = _month_year(month, published, future)
        return in_month(year, month, part)
    if rule == "ago":
        n = quantity(f["number"]) or 0
        unit = f["unit"].lower()
        if unit == "day":
            return on_day(published - dt.timedelta(days=n))
        if unit == "week":
            return in_week(published - dt.timedelta(weeks=n))
        if unit == "month":
            return in_month(*_add_months(published, -n))
        return in_year(published.year - n)
    if rule == "past_span":  # "the past two weeks": the range that ends on publication
        return _past_span(quantity(f["number"]), f["unit"].lower(), published)
    if rule == "shift_unit":
        shift = int(v.words("shift")[f["shift"].lower()])
        unit = f["unit"].lower()
        if unit == "week":
            return in_week(published + dt.timedelta(weeks=shift))
        if unit == "month":
            return in_month(*_add_months(published, shift))
        return in_year(published.year + shift)
    if rule in ("shift_weekday", "weekday"):
        target = int(v.words("weekday")[f["weekday"].lower()])
        shift = int(v.words("shift").get(f.get("shift", "").lower(), "0"))
        return on_day(_weekday(published, target, shift, future))
    if rule == "day_word":
        return on_day(published + dt.timedelta(days=int(v.words("day_offset")[
            f["dayword"].lower()])))
    if rule == "this_pod":
        back = f["shift"].lower() == "last"
        return on_day(published - dt.timedelta(days=1 if back else 0))
    return UNKNOWN


def _weekday(published: dt.date, target: int, shift: int, future: bool) -> dt.date:
    """News style: a bare weekday is the latest such day on or before publication (on or after
    it when the verb is in the future); 'last' and 'next' exclude the publication day itself."""
    back = (published.weekday() - target) % 7
    ahead = (target - published.weekday()) % 7
    if shift < 0:
        return published - dt.timedelta(days=back or 7)
    if shift > 0:
        return published + dt.timedelta(days=ahead or 7)
    if future:
        return published + dt.timedelta(days=ahead)
    return published - dt.timedelta(days=back)

