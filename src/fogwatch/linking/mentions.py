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
from dataclasses import dataclass, replace

from fogwatch.lexicons import country_codes, read_table
from fogwatch.records import Document, Event, Place, When

__all__ = [
    "CELL_DEGREES",
    "DATE_SLACK_DAYS",
    "UNDATED_LOOKBACK_DAYS",
    "VERBAL_PLOVER",
    "Mention",
    "mention_of",
    "place_words",
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
    persons: frozenset[str] = frozenset()

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
        persons=_persons(event, document.text if document is not None else ""),
    )


def _interval(event: Event, published: dt.date | None) -> tuple[int, int, int | None]:
    when = _told_when(event, published)
    if when is not None and when.start is not None:
        end = when.end or when.start
        slack = DATE_SLACK_DAYS.get(when.precision, DATE_SLACK_DAYS["unknown"])
        exact = when.start.toordinal() if when.precision == "day" and end == when.start else None
        return when.start.toordinal() - slack, end.toordinal() + slack, exact
    if published is not None:
        day = published.toordinal()
        return day - UNDATED_LOOKBACK_DAYS, day + DATE_SLACK_DAYS["day"], None
    return 1, 0, None  # empty: nothing to compare


def _told_when(event: Event, published: dt.date | None) -> When | None:
    """The event's date as the linker uses it; None to date it by its story.

    A violent event dated more than a month after its story with a day, week or month ("April
    16" in a story of December) was put in the next year: it is moved a year back when that
    lands before the story. Any other date after the story (a weekday put in the next week), or
    a year-wide date holding the story's own day, gives way to the story's date."""
    when = event.when
    if when is None or when.start is None:
        return None
    if _after_its_story(event, published):
        assert published is not None
        earlier = _year_before(when) if when.start > published + _MONTH else None
        if earlier is not None and not _after_its_story(replace(event, when=earlier), published):
            return earlier
        return None
    if _only_its_storys_year(event, published):
        return None
    return when


_MONTH = dt.timedelta(days=31)


def _year_before(when: When) -> When | None:
    if when.start is None or when.precision not in ("day", "week", "month"):
        return None
    end = _minus_year(when.end) if when.end is not None else None
    return When(_minus_year(when.start), end, when.precision, span=when.span)


def _minus_year(day: dt.date) -> dt.date:
    if day.month == 2 and day.day == 29:
        return dt.date(day.year - 1, 2, 28)
    return day.replace(year=day.year - 1)


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


def _only_its_storys_year(event: Event, published: dt.date | None) -> bool:
    """Whether an event is dated no finer than a year that holds its story's publication
    ("this year", "in 2016"): the story tells something of its own days more often than
    not, and a year-wide date would keep it from every other report (it is too wide to block
    on), so the story's own date is the better guess."""
    when = event.when
    if published is None or when is None or when.start is None:
        return False
    if when.precision not in ("year", "unknown"):
        return False
    return when.start <= published <= (when.end or when.start)


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
    own_place = {w.lower() for part in (place.name, place.admin1, place.admin2) if part
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
            if (word not in common and word not in own_place and word not in countries
                    and not _sentence_start(window, match.start())):
                found.add(word)
    return frozenset(found)


def place_words(place: Place) -> frozenset[str]:
    """The words of a place's name as `Mention.names` would hold them (common words out)."""
    common = _common_words()
    return frozenset(w.lower() for w in _NAME.findall(place.name) if w.lower() not in common)


def _sentence_start(text: str, index: int) -> bool:
    before = text[:index].rstrip(" \t\"'\u201c\u2018")
    return not before or before[-1] in ".!?\n"


# A person's name: two to four capitalised words in a row, an initial allowed between them.
_PERSON = re.compile(
    r"\b[A-Z][a-z][a-zA-Z'\-]+(?:\s+(?:[A-Z]\.\s+)?[A-Z][a-zA-Z'\-]{2,}){1,3}\b")
_POSSESSIVE = re.compile(r"['\u2019]s$")


def _persons(event: Event, text: str) -> frozenset[str]:
    """Full names ("first last", middle names and initials left out) written anywhere in the
    story of an event that has evidence: two stories naming the same two people tell of one
    incident, however far apart they were published (a trial retells the shooting). The whole
    story is read, so that all of a story's events carry its names (on the gva set, reading
    around the evidence only gave pairwise recall 0.688 against 0.692)."""
    if not text or not any(item.field == "event" for item in event.evidence):
        return frozenset()
    common = _common_words() | _country_words()
    found: set[str] = set()
    for match in _PERSON.finditer(text):
        words = [_POSSESSIVE.sub("", w).lower() for w in match.group().split()
                 if not w.endswith(".")]
        if len(words) >= 2 and words[0] not in common and words[-1] not in common:
            found.add(f"{words[0]} {words[-1]}")
    return frozenset(found)
