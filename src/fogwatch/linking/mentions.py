"""A `Mention`: one stored event as the linker sees it, with what its document adds.

The linker compares mentions, not raw events: each carries the event's date widened by its
precision, its geographic cell, the families of event types it can match, its actor countries,
its killed figure and the names written around its evidence. All of it is computed once here,
so scoring a pair (linking/score.py) is cheap.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from dataclasses import dataclass

from fogwatch.lexicons import country_codes, read_table
from fogwatch.records import Document, Event, Place

__all__ = [
    "CELL_DEGREES",
    "DATE_SLACK_DAYS",
    "UNDATED_LOOKBACK_DAYS",
    "VERBAL_PLOVER",
    "Mention",
    "mention_of",
    "type_families",
]

# How far a date of each precision is widened on both sides before two dates must overlap:
# news dates a day-precise event within a day or two of when it happened ("last night").
DATE_SLACK_DAYS = {"day": 2, "week": 3, "month": 7, "year": 30, "unknown": 30}
# An event with no date of its own happened, at the latest, when its story was published.
UNDATED_LOOKBACK_DAYS = 7
# The blocking grid: cells of 0.25 degrees (about 28 km north-south), so two places within
# 25 km are always in the same or a neighbouring cell.
CELL_DEGREES = 0.25
# PLOVER types of things said rather than done: they match only the same PLOVER type.
VERBAL_PLOVER = frozenset({"THREATEN", "DEMAND", "ACCUSE", "REJECT", "CONSULT", "AGREE",
                           "SUPPORT", "AID", "REQUEST", "CONCEDE", "RETREAT"})
# Names near the evidence: capitalised words (with their hyphen/apostrophe parts).
_NAME = re.compile(r"\b[A-Z][a-zA-Z'\-]{2,}\b")
# How far either side of an evidence span the names are read, in characters (a few paragraphs:
# the victims, suspects and streets of a story are named around its trigger words; on the gva
# set 240 gave pairwise F1 0.45, 800 0.55, 1200 0.58, the whole text 0.55).
_CONTEXT_CHARS = 1200


@dataclass(frozen=True, slots=True)
class Mention:
    """One event as the linker compares it.

    `key` is (document id, event id): unique in the store. `first`..`last` is the event's date
    interval widened by its precision (proleptic ordinals); `cell` is the blocking cell of a
    town-precise place, None when the place is vaguer or unknown. `names` are the lower-cased
    proper names written around the event's evidence.
    """

    key: tuple[str, str]
    event: Event
    published: dt.date | None
    source: str | None
    first: int
    last: int
    exact_day: int | None
    cell: tuple[int, int] | None
    families: frozenset[str]
    countries: frozenset[str]
    killed: int | None
    names: frozenset[str]

    @property
    def dated(self) -> bool:
        """Whether the mention has any date to compare (its own or its story's)."""
        return self.first <= self.last

    @property
    def span_days(self) -> int:
        return self.last - self.first + 1


def mention_of(event: Event, document: Document | None) -> Mention:
    """The mention of `event`, told in `document` (None when the document is unknown)."""
    published = document.published if document is not None else None
    first, last, exact = _interval(event, published)
    place = event.place
    return Mention(
        key=(event.doc_id, event.id), event=event, published=published,
        source=document.source if document is not None else None,
        first=first, last=last, exact_day=exact, cell=_cell(place),
        families=type_families(event), countries=_countries(event),
        killed=event.fatalities.best if event.fatalities is not None else None,
        names=_names(event, document.text if document is not None else ""),
    )


def _interval(event: Event, published: dt.date | None) -> tuple[int, int, int | None]:
    when = event.when
    if when is not None and when.start is not None and not _after_its_story(event, published):
        end = when.end or when.start
        slack = DATE_SLACK_DAYS.get(when.precision, DATE_SLACK_DAYS["unknown"])
        exact = when.start.toordinal() if when.precision == "day" and end == when.start else None
        return when.start.toordinal() - slack, end.toordinal() + slack, exact
    if published is not None:
        day = published.toordinal()
        return day - UNDATED_LOOKBACK_DAYS, day + DATE_SLACK_DAYS["day"], None
    return 1, 0, None  # empty: nothing to compare


def _after_its_story(event: Event, published: dt.date | None) -> bool:
    """Whether a violent event is dated after its story was published (beyond a day's slack
    for time zones): a report tells what has happened, so the date was misread (a weekday or a
    month resolved into the wrong week or year) and the story's own date is the better guess.
    Protests and talks can be announced ahead, so their dates stand."""
    when = event.when
    if published is None or when is None or when.start is None:
        return False
    if "violence" not in type_families(event):
        return False
    return when.start.toordinal() > published.toordinal() + DATE_SLACK_DAYS["day"] // 2


def _cell(place: Place | None) -> tuple[int, int] | None:
    if place is None or place.lat is None or place.lon is None or place.precision >= 3:
        return None
    return math.floor(place.lat / CELL_DEGREES), math.floor(place.lon / CELL_DEGREES)


def _countries(event: Event) -> frozenset[str]:
    return frozenset(a.country for a in (*event.actors1, *event.actors2) if a.country)


def type_families(event: Event) -> frozenset[str]:
    """The families of event types this event can be linked with (data/linking_types.csv).

    Two events can be one incident only if their families intersect; an event with neither a
    type nor a PLOVER mapping matches any ("*"). An event with no ACLED type (a shooting in a
    robbery, ordinary crime) takes the families of its PLOVER type (data/linking_plover.csv):
    another report may type the same shooting as an attack. Verbal PLOVER types match only
    themselves.
    """
    plover = event.plover.event if event.plover is not None else None
    if event.event_type is None:
        if plover is None:
            return frozenset({"*"})
        if plover in VERBAL_PLOVER:
            return frozenset({f"said:{plover}"})
        return _plover_families().get(plover, frozenset({f"plover:{plover}"}))
    table = _families()
    found = table.get((event.event_type, event.sub_event_type or ""))
    if found is None:
        found = table.get((event.event_type, ""), frozenset({event.event_type}))
    return found


@functools.lru_cache(maxsize=1)
def _families() -> dict[tuple[str, str], frozenset[str]]:
    return {(row["event_type"], row["sub_event_type"]):
            frozenset(f.strip() for f in row["families"].split("|") if f.strip())
            for row in read_table("linking_types.csv")}


@functools.lru_cache(maxsize=1)
def _plover_families() -> dict[str, frozenset[str]]:
    return {row["plover"]: frozenset(f.strip() for f in row["families"].split("|") if f.strip())
            for row in read_table("linking_plover.csv")}


@functools.lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    return frozenset(row["word"].lower() for row in read_table("linking_common_words.csv"))


@functools.lru_cache(maxsize=1)
def _country_words() -> frozenset[str]:
    """Country names and demonyms ("Turkish", "Syria"): shared by too many stories to tell
    one incident from another."""
    return frozenset(key.lower() for key in country_codes() if " " not in key)


def _names(event: Event, text: str) -> frozenset[str]:
    if not text:
        return frozenset()
    common = _common_words()
    place = event.place
    place_words = {w.lower() for part in (place.name, place.admin1, place.admin2) if part
                   for w in _NAME.findall(part)} if place is not None else set()
    countries = _country_words()
    found: set[str] = set()
    for item in event.evidence:
        if item.field != "event":
            continue
        start = max(0, item.span.start - _CONTEXT_CHARS)
        window = text[start:item.span.end + _CONTEXT_CHARS]
        for match in _NAME.finditer(window):
            word = match.group().lower()
            if (word not in common and word not in place_words and word not in countries
                    and not _sentence_start(window, match.start())):
                found.add(word)
    return frozenset(found)


def _sentence_start(text: str, index: int) -> bool:
    before = text[:index].rstrip(" \t\"'\u201c\u2018")
    return not before or before[-1] in ".!?\n"
