"""Stage 'dates': date expressions -> When, resolved against the publication date.

Two sources of candidates, merged by span: our own grammar over the raw text (month, weekday and
relative words from `data/dates_words.csv`), which works on ALL-CAPS wires where spaCy's NER
does not, and spaCy's DATE/TIME entities, which dateparser resolves where our rules have no
reading. Relative expressions ("on Monday", "last week", "early December") resolve only against
`Document.published`: without it they keep their span with `start=None` and precision
"unknown". Durations ("for three days"), sets ("every Friday") and ages never become dates.

The rooms: `dates_grammar` (the word table and patterns, and what is not a date),
`dates_resolve` (calendar values), `dates_periods` (quarters, seasons, weekends, PRESENT_REF and
the like, and "a year earlier" counted from the date told before it). This module merges the
grammar's finds with spaCy's, in text order, carrying that anchor along.

Bad input: an impossible date ("31 February", "2020-13-45") keeps its span with no value; a
two-digit year is 1931-2030; "3/4/2020" is read month first (US), "13/4/2020" day first, the only
reading that is a date; a `published` so late that resolving overflows the calendar leaves the
relative expressions unresolved.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from collections.abc import Iterator
from typing import Any

from fogwatch.nlp import Doc
from fogwatch.pipeline.context import Context
from fogwatch.pipeline.dates_grammar import Candidate, candidates, keep, vocabulary
from fogwatch.pipeline.dates_resolve import (
    UNKNOWN,
    in_month,
    in_week,
    in_year,
    on_day,
    resolve,
)
from fogwatch.records import Precision, Span, When

__all__ = ["find_dates", "resolve"]


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
    try:
        data = _dateparser(published).get_date_data(text)
    except (ValueError, OverflowError):  # a `published` at the calendar's end
        return UNKNOWN
    if data is None or data.date_obj is None:
        return UNKNOWN
    d = data.date_obj.date()
    precision = _PERIODS.get(data.period or "", "day")
    if precision == "week":
        return in_week(d)
    if precision == "month":
        return in_month(d.year, d.month)
    if precision == "year":
        return in_year(d.year)
    return on_day(d)


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
    kept = [c for c in candidates(text) if keep(c, text, [(s, e) for s, e, _ in ner])]
    found: list[tuple[Candidate, When]] = []
    # the last date told, and the last quarter or season told, for "a year earlier"
    anchor: tuple[Candidate, When] | None = None
    period: tuple[Candidate, When] | None = None
    for c in sorted(kept, key=lambda c: c.start):
        future = c.rule in _FORWARD and _looks_future(ctx.doc, c.start, c.end)
        compared = _compared(c, anchor, period, text)
        try:
            when = resolve(c.rule, c.fields, ctx.document.published, future,
                           compared[1] if compared else None)
            if compared and c.rule == "ago" and _compares_periods(c, compared, text):
                when = resolve("year_earlier", {}, ctx.document.published, anchor=compared[1])
        except (ValueError, OverflowError):  # past year 9999, as from a far-future `published`
            when = UNKNOWN
        found.append((c, when))
        if when.start is not None and c.rule != "year_earlier":
            anchor = (c, when)
            if when.timex is not None:
                period = (c, when)
    return found


def _same_sentence(a: Candidate, b: Candidate, text: str) -> bool:
    return not re.search(r"[.;!?]\s", text[a.end:b.start])


def _compared(c: Candidate, anchor: tuple[Candidate, When] | None,
              period: tuple[Candidate, When] | None, text: str) -> tuple[Candidate, When] | None:
    """What 'a year earlier' counts from: the last quarter or season when the words name a
    period or it is in the same sentence ('sales in the third quarter, ended Sept. 30, fell
    from a year earlier'), else the last date told."""
    if period is not None and (re.search(r"quarter|period", text[c.start:c.end], re.I)
                               or _same_sentence(period[0], c, text)):
        return period
    return anchor


_FORWARD = ("weekday", "month", "part_month", "md", "dm", "weekend", "holiday")


def _compares_periods(c: Candidate, anchor: tuple[Candidate, When], text: str) -> bool:
    """'profit rose in the third quarter from a year ago': 'a year ago' is that quarter a year
    before, not the year before publication."""
    return c.fields["unit"].lower() == "year" \
        and c.fields["number"].lower() in ("a", "one", "1") \
        and anchor[1].timex is not None and "-Q" in anchor[1].timex \
        and _same_sentence(anchor[0], c, text)


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
                    yield dataclasses.replace(on_day(published) if published else UNKNOWN,
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
