"""Stage 'dates': date expressions -> When, resolved against the publication date.

Two sources of candidates, merged by span: our own grammar over the raw text (month, weekday and
relative words from `data/dates_words.csv`), which works on ALL-CAPS wires where spaCy's NER
does not, and spaCy's DATE/TIME entities, which dateparser resolves where our rules have no
reading. Relative expressions ("on Monday", "last week", "early December") resolve only against
`Document.published`: without it they keep their span with `start=None` and precision
"unknown". Durations ("for three days"), sets ("every Friday") and ages never become dates.
"""

from __future__ import annotations

import calendar
import csv
import dataclasses
import datetime as dt
import functools
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from typing import Any

from fogwatch.nlp import Doc
from fogwatch.pipeline.context import Context
from fogwatch.pipeline.figures import word_number
from fogwatch.records import Precision, Span, When

__all__ = ["find_dates", "resolve"]


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The words of `dates_words.csv`, grouped by kind: word -> value."""

    kinds: dict[str, dict[str, str]]

    def words(self, kind: str) -> dict[str, str]:
        return self.kinds.get(kind, {})


@functools.lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    kinds: dict[str, dict[str, str]] = {}
    table = resources.files("fogwatch.data").joinpath("dates_words.csv")
    for row in csv.DictReader(io.StringIO(table.read_text(encoding="utf-8"))):
        kinds.setdefault(row["kind"], {})[row["word"]] = row["value"]
    return Vocabulary(kinds)


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class Grammar:
    """Compiled patterns, most specific first; each names the rule that resolves its match."""

    rules: tuple[tuple[str, re.Pattern[str]], ...]


@functools.lru_cache(maxsize=1)
def grammar() -> Grammar:
    v = vocabulary()
    month = rf"(?P<month>{_alt(list(v.words('month')))}|(?:{_alt(list(v.words('month_abbr')))})\.?)"
    full_month = rf"(?P<month>{_alt(list(v.words('month')))})"
    weekday = rf"(?P<weekday>{_alt(list(v.words('weekday')))})"
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    year4 = r"(?P<year>1[89]\d\d|20\d\d)"
    year = r"(?P<year>1[89]\d\d|20\d\d|'?\d\d)"
    lead_weekday = rf"(?:{weekday},?\s+)?"
    part = rf"(?P<part>{_alt([w for w in v.words('part') if len(w) > 3 or w == 'mid'])})"
    the_part = r"(?:the\s+)?(?P<part2>beginning|start|middle|end)\s+of\s+"
    shift = rf"(?P<shift>{_alt(list(v.words('shift')))})"
    unit = r"(?P<unit>day|week|month|year)s?"
    pod = rf"(?:\s+(?P<pod>{_alt(list(v.words('part_of_day')))}))?"
    number = r"(?P<number>\d{1,3}|a|an|[a-z]+(?:-[a-z]+)?)"
    rules = [
        ("iso", r"(?P<year>\d{4})-(?P<mnum>\d\d)-(?P<day>\d\d)"),
        ("numeric", r"(?P<mnum>[01]?\d)/(?P<day>[0-3]?\d)/(?P<year>\d{4}|\d\d)"),
        ("dmy", rf"{lead_weekday}(?:the\s+)?{day}(?:\s+of)?\s+{month},?\s+{year}"),
        ("mdy", rf"{lead_weekday}{month}\s+{day},?\s+{year}"),
        ("my", rf"(?:(?:{part}[\s-]+)|{the_part})?{month},?\s+(?:of\s+)?{year4}"),
        ("dm", rf"{lead_weekday}(?:the\s+)?{day}(?:\s+of)?\s+{month}"),
        ("md", rf"{lead_weekday}{month}\s+{day}(?!\d|:\d)"),
        ("month_shift_year", rf"{full_month}(?:\s+of)?\s+(?P<shift>last|this|next)\s+year"),
        ("shift_month", rf"(?P<shift>last|this|next|coming)\s+{full_month}"),
        ("part_year", rf"{part}[\s-]+{year4}"),
        ("part_month", rf"(?:{part}[\s-]+|{the_part}){full_month}"),
        ("month", full_month),
        ("ago", rf"{number}\s+{unit}\s+ago"),
        ("shift_unit", rf"(?:(?:earlier|later)\s+)?{shift}\s+(?P<unit>week|month|year)"),
        ("shift_weekday", rf"{shift}\s+{weekday}"),
        ("weekday", rf"{weekday}{pod}"),
        ("day_word", rf"(?P<dayword>{_alt(list(v.words('day_offset')))}){pod}"),
        ("this_pod", rf"(?P<shift>this|last)\s+(?P<pod>{_alt(list(v.words('part_of_day')))})"),
        ("year", year4),
    ]
    return Grammar(tuple(
        (name, re.compile(rf"(?<![\w-]){pattern}(?![\w-]|\.\d)", re.IGNORECASE))
        for name, pattern in rules
    ))


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    rule: str
    fields: dict[str, str]


def _grammar_candidates(text: str) -> list[Candidate]:
    taken: list[Candidate] = []
    for rule, pattern in grammar().rules:
        for m in pattern.finditer(text):
            if any(m.start() < c.end and c.start < m.end() for c in taken):
                continue
            fields = {k: v for k, v in m.groupdict().items() if v is not None}
            taken.append(Candidate(m.start(), m.end(), rule, fields))
    return taken


def _previous_word(text: str, start: int) -> str:
    m = re.search(r"([\w']+)\W*$", text[max(0, start - 30):start])
    return m.group(1).lower() if m else ""


def _next_text(text: str, end: int) -> str:
    return text[end:end + 20].lower()


def _keep(c: Candidate, text: str, ner_spans: list[tuple[int, int]]) -> bool:
    """Drop sets, durations and bare words that are probably not dates."""
    v = vocabulary()
    before = _previous_word(text, c.start)
    after = _next_text(text, c.end)
    if before in v.words("set"):
        return False
    if c.rule in ("shift_unit", "shift_weekday") and before in ("the", "a"):
        return False  # "the last week", "the next month" are durations
    month = c.fields.get("month", "")
    if month.islower():
        return False  # "may have", "march on": English capitalises its months
    if c.rule == "month" and month.lower() in ("may", "march") \
            and before not in v.words("cue") and before not in v.words("part"):
        return False
    if c.rule in ("md", "dm", "dmy", "mdy", "my") and "day" in c.fields \
            and not 1 <= int(c.fields["day"]) <= 31:
        return False
    if c.rule == "ago" and _quantity(c.fields["number"]) is None:
        return False
    if c.rule == "year":
        if re.match(r"\s*(?:-|–)?\s*(?:year|old|%|percent|people|troops)", after):
            return False
        if text[max(0, c.start - 1):c.start] in ("$", "#") or re.match(r"[,.]\d", after):
            return False
        covered = any(s <= c.start and c.end <= e for s, e in ner_spans)
        if not covered and before not in v.words("cue") and before not in v.words("part"):
            return False
    return True


def _quantity(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    if word in ("a", "an"):
        return 1
    return word_number(word)


# --- resolution ------------------------------------------------------------------------------

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


def _day(d: dt.date | None) -> When:
    return When(d, d, "day") if d else When(None, None, "unknown")


def _week(d: dt.date) -> When:
    monday = d - dt.timedelta(days=d.weekday())
    return When(monday, monday + dt.timedelta(days=6), "week")


def _month(year: int, month: int, part: str | None = None) -> When:
    start, end = _month_bounds(year, month, part)
    return When(start, end, "month")


def _year(year: int) -> When:
    return When(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")


def _add_months(d: dt.date, months: int) -> tuple[int, int]:
    index = d.year * 12 + d.month - 1 + months
    return index // 12, index % 12 + 1


UNKNOWN = When(None, None, "unknown")


def resolve(rule: str, fields: dict[str, str], published: dt.date | None,
            future: bool = False) -> When:
    """The interval that a matched expression names; UNKNOWN where it needs a missing anchor."""
    f = fields
    part_word = f.get("part") or f.get("part2") or ""
    part = vocabulary().words("part").get(part_word.lower()) or None
    if rule in ("iso", "numeric"):
        return _day(_safe_date(_year_value(f["year"]), int(f["mnum"]), int(f["day"])))
    if rule in ("dmy", "mdy"):
        return _day(_safe_date(_year_value(f["year"]), _month_value(f["month"]), int(f["day"])))
    if rule == "my":
        return _month(_year_value(f["year"]), _month_value(f["month"]), part)
    if rule in ("year", "part_year"):
        return _year(int(f["year"]))
    if published is None:
        return UNKNOWN
    return _resolve_relative(rule, f, part, published, future)


def _resolve_relative(rule: str, f: dict[str, str], part: str | None, published: dt.date,
                      future: bool) -> When:
    v = vocabulary()
    if rule in ("dm", "md"):
        return _day(_closest_year(_month_value(f["month"]), int(f["day"]), published, future))
    if rule == "month_shift_year":
        shift = int(v.words("shift")[f["shift"].lower()])
        return _month(published.year + shift, _month_value(f["month"]))
    if rule == "shift_month":
        # TimeML's reading: "last May" is May of last year, "this May" of this year
        month, shift = _month_value(f["month"]), int(v.words("shift")[f["shift"].lower()])
        if shift > 0:
            return _month(published.year + (1 if month <= published.month else 0), month)
        return _month(published.year + shift, month)
    if rule in ("part_month", "month"):
        month = _month_value(f["month"])
        year = _month_year(month, published, future)
        return _month(year, month, part)
    if rule == "ago":
        n = _quantity(f["number"]) or 0
        unit = f["unit"].lower()
        if unit == "day":
            return _day(published - dt.timedelta(days=n))
        if unit == "week":
            return _week(published - dt.timedelta(weeks=n))
        if unit == "month":
            return _month(*_add_months(published, -n))
        return _year(published.year - n)
    if rule == "shift_unit":
        shift = int(v.words("shift")[f["shift"].lower()])
        unit = f["unit"].lower()
        if unit == "week":
            return _week(published + dt.timedelta(weeks=shift))
        if unit == "month":
            return _month(*_add_months(published, shift))
        return _year(published.year + shift)
    if rule in ("shift_weekday", "weekday"):
        target = int(v.words("weekday")[f["weekday"].lower()])
        shift = int(v.words("shift").get(f.get("shift", "").lower(), "0"))
        return _day(_weekday(published, target, shift, future))
    if rule == "day_word":
        return _day(published + dt.timedelta(days=int(v.words("day_offset")[
            f["dayword"].lower()])))
    if rule == "this_pod":
        back = f["shift"].lower() == "last"
        return _day(published - dt.timedelta(days=1 if back else 0))
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


# --- spaCy entities and dateparser -----------------------------------------------------------

_DURATION = re.compile(
    r"^(?:for\s+|the\s+(?:past|last|next|previous|coming|first|final)\s+)?"
    r"(?:(?:about|around|nearly|almost|some|over|more than|at least|less than)\s+)?"
    r"(?:\d[\d,.]*|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+ty"
    r"|several|a few|few|many|some|a couple of|couple of|half a|\w+-\w+)?[\s-]*"
    r"(?:(?:and a half|full|straight|consecutive)\s+)?"
    r"(?:second|minute|hour|day|night|week|weekend|month|year|decade|century|centuries)s?"
    r"(?:[\s-]+(?:long|old))?$",
    re.IGNORECASE,
)
_SET = re.compile(r"\b(?:every|each|daily|weekly|monthly|annual|annually|yearly|per)\b", re.I)
_AGE = re.compile(r"\b(?:year|month)s?[\s-]*old\b|\baged?\b", re.I)
_TIME_OF_DAY = re.compile(r"\d:\d\d|\b(?:a\.m|p\.m|noon|midnight|morning|afternoon|evening|"
                          r"night|dawn|dusk)\b", re.IGNORECASE)
# A spaCy DATE needs a temporal word or a four-digit year: it also tags ages ("Smith, 49,").
@functools.lru_cache(maxsize=1)
def _temporal_word() -> re.Pattern[str]:
    names = list(vocabulary().words("month")) + list(vocabulary().words("weekday"))
    return re.compile(r"\b(?:1[89]|20)\d\d\b|\b(?:today|yesterday|tomorrow|tonight|week|month|"
                      r"year|ago|" + "|".join(names) + r")\b", re.IGNORECASE)


def _is_duration_or_set(text: str) -> bool:
    return bool(_DURATION.match(text.strip()) or _SET.search(text) or _AGE.search(text))


@functools.lru_cache(maxsize=128)
def _dateparser(published: dt.date) -> Any:
    from dateparser.date import DateDataParser  # heavy import, only when needed

    base = dt.datetime(published.year, published.month, published.day, 12)
    return DateDataParser(languages=["en"], settings={
        "RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "STRICT_PARSING": False,
    })


_PERIODS: dict[str, Precision] = {"day": "day", "time": "day", "week": "week",
                                  "month": "month", "year": "year"}


def _parse_with_dateparser(text: str, published: dt.date) -> When:
    data = _dateparser(published).get_date_data(text)
    if data is None or data.date_obj is None:
        return UNKNOWN
    d = data.date_obj.date()
    precision = _PERIODS.get(data.period or "", "day")
    if precision == "week":
        return _week(d)
    if precision == "month":
        return _month(d.year, d.month)
    if precision == "year":
        return _year(d.year)
    return _day(d)


_LEADING = re.compile(r"^(?:(?:on|in|at|by|since|until|from|during|of|the|about|around)\s+)+",
                      re.IGNORECASE)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    m = _LEADING.match(text[start:end])
    if m and m.end() < end - start:
        start += m.end()
    while end > start and text[end - 1] in " ,.;:'\"":
        end -= 1
    if text[start:end].lower().endswith("'s"):
        end -= 2
    return start, end


# --- the stage -------------------------------------------------------------------------------

def _looks_future(doc: Doc, start: int, end: int) -> bool:
    """True when a verb governing the span is in the future ("will meet on Friday", "is
    expected in December", "set to resume Monday")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    v = vocabulary()
    head = span.root
    for _ in range(5):
        if head.lemma_.lower() in v.words("future_verb"):
            return True
        if any(child.dep_ in ("aux", "auxpass") and child.lower_ in v.words("future")
               for child in head.children):
            return True
        if head.head is head:
            break
        head = head.head
    return False


def _ner_spans(doc: Doc) -> list[tuple[int, int, str]]:
    return [(e.start_char, e.end_char, e.label_) for e in doc.ents
            if e.label_ in ("DATE", "TIME")]


_CLOCK_GAP = re.compile(r"^\.?[\s,]*(?:on\s+)?$", re.IGNORECASE)


def _grammar_dates(ctx: Context, ner: list[tuple[int, int, str]]) -> list[tuple[Candidate, When]]:
    text = ctx.document.text
    kept = [c for c in _grammar_candidates(text) if _keep(c, text, [(s, e) for s, e, _ in ner])]
    found = []
    for c in kept:
        future = c.rule in ("weekday", "month", "part_month", "md", "dm") \
            and _looks_future(ctx.doc, c.start, c.end)
        found.append((c, resolve(c.rule, c.fields, ctx.document.published, future)))
    return found


def _found(ctx: Context) -> Iterator[When]:
    text = ctx.document.text
    published = ctx.document.published
    ner = _ner_spans(ctx.doc)
    grammar_found = _grammar_dates(ctx, ner)
    spans = {c.start: [c.start, c.end] for c, _ in grammar_found}
    for ent_start, ent_end, label in ner:
        if any(ent_start < c.end and c.start < ent_end for c, _ in grammar_found):
            continue
        start, end = _trim(text, ent_start, ent_end)
        surface = text[start:end]
        if label == "TIME":
            # a clock time joins the date beside it ("5 p.m. EST Nov. 9", "noon Saturday")
            for c, _ in grammar_found:
                if c.start >= end and _CLOCK_GAP.match(text[end:c.start]):
                    spans[c.start][0] = start
                    break
                if c.end <= start and _CLOCK_GAP.match(text[c.end:start]):
                    spans[c.start][1] = end
                    break
            else:
                if _TIME_OF_DAY.search(surface) and not _is_duration_or_set(surface):
                    yield dataclasses.replace(_day(published) if published else UNKNOWN,
                                              span=Span(start, end, surface))
            continue
        if not surface or _is_duration_or_set(text[ent_start:ent_end]) \
                or _is_duration_or_set(surface) or not _temporal_word().search(surface):
            continue
        when = _parse_with_dateparser(surface, published) if published else UNKNOWN
        yield dataclasses.replace(when, span=Span(start, end, surface))
    for c, when in grammar_found:
        start, end = spans[c.start]
        yield dataclasses.replace(when, span=Span(start, end, text[start:end]))


def find_dates(ctx: Context) -> Context:
    """Fill `ctx.dates` with every date expression in the text, in text order."""
    found = sorted(_found(ctx), key=lambda w: w.span.start if w.span else 0)
    return dataclasses.replace(ctx, dates=tuple(found))
