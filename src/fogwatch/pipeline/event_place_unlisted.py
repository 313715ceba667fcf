"""The scene's town when the places stage listed none in the trigger's sentence: a capitalised
name the trigger governs through a locative preposition ("demonstrated in Olten", "an air
strike on Malynivka, Zaporizhia", "a sit-in in Northern Nicosia") that the gazetteer knows
exactly as a town (or a district: "Suleymanpasa town" is a district's seat).

The places stage keeps a small town of a country the story does not name only with a cue it
trusts; the event's own locative phrase is such a cue. The town is read inside the story's
provinces (none elsewhere when it names one), else its countries, else as the most
populous town of the name; a name that is an
English word ("Support", "Parliament") or a town only loosely spelled so is no scene. The
same reading gives the town a note says its event is coded to ("(coded as Kaduna)").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from fogwatch.gazetteer import Entry, load_gazetteer, place_cues
from fogwatch.pipeline.places_names import name_words
from fogwatch.records import Place, Span

if TYPE_CHECKING:  # types only: spaCy itself is imported by fogwatch.nlp alone
    from spacy.tokens import Span as Sentence
    from spacy.tokens import Token

__all__ = ["unlisted_coded_place", "unlisted_scene"]

LOCATIVES = frozenset({"in", "at", "on", "near", "outside"})
MAX_WORDS = 4
TOWN_KINDS = frozenset({"city", "admin2"})
_MAX_HOPS = 3  # preposition -> trigger, or -> a noun -> a preposition -> the trigger
# "(coded as Kaduna)", "Coded to Gusau": the town a note says its event is coded to
_CODED = re.compile(r"\b[Cc]oded (?:to|as) ([A-Z][\w'’\-]*(?: [A-Z][\w'’\-]*){0,3})")


def unlisted_scene(places: Sequence[Place], sent: Sentence,
                   trigger: tuple[int, int]) -> Place | None:
    """The town the trigger's own locative phrase names, when the places stage found none."""
    anchors = {t.i for t in sent if trigger[0] <= t.idx < trigger[1]}
    anchors |= {sent.doc[i].head.i for i in list(anchors)}
    taken = {i for p in places if p.span is not None for i in range(p.span.start, p.span.end)}
    for prep in sent:
        if prep.lower_ not in LOCATIVES or prep.dep_ != "prep" or not _governed(prep, anchors):
            continue
        name = _name_after(prep, taken)
        if name is None:
            continue
        entry = _town(name.text, places)
        if entry is not None:
            near = prep.lower_ in place_cues()["near_before"] or entry.kind == "admin2"
            return Place(name=entry.name, admin1=entry.admin1, admin2=entry.admin2,
                         country=entry.country, lat=entry.lat, lon=entry.lon,
                         geonameid=entry.geonameid, feature_code=entry.feature_code,
                         precision=2 if near else 1, span=name)
    return None


def unlisted_coded_place(places: Sequence[Place], text: str) -> Place | None:
    """The town a note says its event is coded to ("(coded as Kaduna)") when the places stage
    left the name out."""
    taken = {p.span.start for p in places if p.span is not None}
    for match in _CODED.finditer(text):
        name = match.group(1)
        if match.start(1) in taken or load_gazetteer().demonym(name.split("-")[0]) is not None:
            continue
        entry = _town(name, places)
        if entry is not None:
            return Place(name=entry.name, admin1=entry.admin1, admin2=entry.admin2,
                         country=entry.country, lat=entry.lat, lon=entry.lon,
                         geonameid=entry.geonameid, feature_code=entry.feature_code,
                         precision=1 if entry.kind == "city" else 2,
                         span=Span(match.start(1), match.end(1), name))
    return None


def _governed(prep: Token, anchors: set[int]) -> bool:
    token = prep
    for _ in range(_MAX_HOPS):
        if token.head.i == token.i:
            return False
        token = token.head
        if token.i in anchors:
            return True
    return False


def _name_after(prep: Token, taken: set[int]) -> Span | None:
    """The run of capitalised words right after the preposition, past "the" and a compass
    word that is no part of the name ("in Northern Nicosia")."""
    doc = prep.doc
    i = prep.i + 1
    if i < len(doc) and doc[i].lower_ == "the":
        i += 1
    start = i
    while i < len(doc) and i - start < MAX_WORDS and doc[i].is_title and \
            doc[i].idx not in taken and doc[i].ent_type_ not in {"DATE", "TIME", "CARDINAL"}:
        i += 1
    if i == start:
        return None
    words = doc[start:i]
    modifiers = place_cues()["modifier"]
    if len(words) > 1 and words[0].lower_ in modifiers:
        words = words[1:]
    text = words.text
    common = name_words().common
    if any(w.lower_ in common and len(words) == 1 for w in words):
        return None
    return Span(words.start_char, words.end_char, text)


def _town(name: str, places: Sequence[Place]) -> Entry | None:
    """The town (or district) of the name inside the story's provinces, or none there (the
    village meant is missing from the gazetteer); where the story names no province, inside
    its countries (demonyms aside: "Russian forces" tell the attacker's), else the most
    populous."""
    gazetteer = load_gazetteer()
    towns = [e for e in gazetteer.lookup(name) if e.kind in TOWN_KINDS and not e.loose]
    named = [p for p in places if p.span is None or gazetteer.demonym(p.span.text) is None]
    units = {(p.country, p.admin1) for p in named if p.precision == 3 and p.admin1}
    countries = {p.country for p in named if p.country}
    if units:  # none in the story's provinces: the village meant is missing from the gazetteer
        inside = [e for e in towns if (e.country, e.admin1) in units]
    else:
        inside = [e for e in towns if e.country in countries] or towns
    return max(inside, key=lambda e: (e.kind == "city", e.population), default=None)
