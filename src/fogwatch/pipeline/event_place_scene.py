"""How a report tells the scene of its event from the other towns it names.

The place a note says its event is coded to ("coded to Funtua", "coded as Kaduna") is the
scene, unless it lies in another country than the story's. Otherwise a town is ranked by what
the words around it make of it, in this order:
- aside: a town the text names for something other than the scene: where the people come from
  ("residents of X", "X residents", "an X-based group", "returned to X"), the name of a facility
  or a road ("Victoria Station", "the X-Y highway"), a name modifying a common noun ("Naples
  taxi drivers"), a name in brackets after a common noun ("a lyceum (Monti)"), a unit ("Kano
  state" read as the town), an acronym in capitals ("UNICEF");
- placed: a town the trigger's own words lead to through at most two prepositions and the
  nouns they govern ("demonstrated in Oslo", "a rally outside the court in Gulu town") rather
  than one told of something else ("after the sale of a shipyard in Bergen"), or that the text
  places in its units the way a report places its scene ("in Tumu (Sissala, Upper West)", "in
  Bakhmut, Donetsk");
- foreign: a town in another country than the story's, where the story's other places agree on
  one country (an acronym read as a French town beside "Baidoa (Bay)");
- a unit that holds another town of the sentence ("Gulu town (Gulu district", the second) after
  that town;
- then the earlier town.
Cue words: `data/places_cues.csv` (roles origin_before, origin_after, facility_after,
stated_before, admin_word, district_word, settlement_noun).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from fogwatch.gazetteer import load_gazetteer, place_cues
from fogwatch.nlp import doc_text
from fogwatch.records import Place

if TYPE_CHECKING:  # types only: spaCy itself is imported by fogwatch.nlp alone
    from spacy.tokens import Span as Sentence
    from spacy.tokens import Token

__all__ = ["SceneCues", "rank_towns", "scene_cues", "stated_place"]

_WORDS_BEFORE = re.compile(r"[\w\-]+")
# Between a town and the unit that holds it: "Tumu (", "Bakhmut, ", "Gulu town (",
# "Milan - Brera (", "Brera in ".
# (past a district's name after a dash, a settlement or unit word, and an aside in brackets:
# "Mingin township (coded as Kyauk Myaung) (Kale district").
_CONTAINER_GAP = re.compile(r"['’]?(?P<dash>\s*[-–]\s*[A-Z][\w'’]*(?: [A-Z][\w'’]*)*)?"
                            r"(?P<word>\s+[a-z\-]+)?(?P<aside>\s*\([^()]*\)(?=\s*\())?"
                            r"\s*(?P<mark>\(|,|\bin\b)\s*")
# The dependencies through which a trigger governs the name of its scene.
_TOWARDS_TRIGGER = frozenset({"pobj", "prep", "compound", "dobj", "pcomp", "nmod", "conj",
                              "appos", "nsubjpass", "nsubj", "poss"})
_MAX_HOPS = 6
# "a protest outside the court in X" names the scene; "after the sale of a shipyard in X" names
# the shipyard's town
_MAX_PREPS = 2
# "a lyceum (Monti", "the union (Unite": a name in brackets after a common noun is its name
_BRACKET_AFTER_WORD = " ("
_OPENS_BRACKET = re.compile(r"\(\s*$")
_STATED_WINDOW = 45  # characters between "coded to" and the name ("coded as provincial capital")
_STATED_GAP = re.compile(r"^[^.;()\[\]]*$")


@dataclass(frozen=True, slots=True)
class SceneCues:
    """Cue words that tell a scene from the other places of a sentence (all lowercase)."""

    origin_before: tuple[tuple[str, ...], ...]  # "residents of", "returned to"
    origin_after: frozenset[str]  # "residents", "-based"
    facility_after: frozenset[str]  # "station", "highway"
    stated_before: tuple[str, ...]  # "coded to", "coded as"
    unit_after: frozenset[str]  # "state", "province": the name is the unit ("Hui county" is
    # the town's county, named for it)
    skip_after: frozenset[str]  # "district", "town": words between a name and a resident noun
    units: frozenset[str]  # "district", "township", "town": words between a town and its unit
    function: frozenset[str]  # "in", "and": words before a bracket that opens a unit's name


@functools.lru_cache(maxsize=1)
def scene_cues() -> SceneCues:
    cues = place_cues()
    return SceneCues(
        origin_before=tuple(tuple(c.split()) for c in sorted(cues["origin_before"])),
        origin_after=cues["origin_after"],
        facility_after=cues["facility_after"],
        stated_before=tuple(sorted(cues["stated_before"])),
        unit_after=cues["admin_word"] - {"county", "division", "department", "territory"},
        skip_after=cues["district_word"] | cues["settlement_noun"] | cues["admin_word"],
        units=cues["district_word"] | cues["settlement_noun"] | cues["admin_word"] |
        frozenset({"city", "lga"}),
        function=cues["locative_before"] | frozenset({"and", "or", "to", "from", "on"}),
    )


def stated_place(places: Sequence[Place], text: str, cues: SceneCues) -> Place | None:
    """The first place a note says its event is coded to ("(coded to Kaduna)", "coded as
    the district capital Funtua"), demonyms aside ("coded as Saudi-led coalition") and
    places abroad (the name read as a namesake in another country)."""
    support = _country_support(places)
    top = max(support.values(), default=0)
    for place in places:
        if place.span is None or _demonym(place) or support.get(place.country or "", 0) < top:
            continue
        before = text[max(0, place.span.start - _STATED_WINDOW):place.span.start].lower()
        for cue in cues.stated_before:
            at = before.rfind(cue)
            if at >= 0 and _STATED_GAP.match(before[at + len(cue):]):
                return place
    return None


def rank_towns(towns: Sequence[Place], places: Sequence[Place], sent: Sentence,
               trigger: tuple[int, int], cues: SceneCues) -> list[Place]:
    """The towns, the likeliest scene first (see the module's docstring); `trigger` is the
    trigger's character offsets."""
    text = doc_text(sent.doc)
    support = _country_support(places)
    top = max(support.values(), default=0)
    inner = {id(p) for p in _containers(towns, places, text, cues)}
    return sorted(towns, key=lambda p: (
        aside(p, sent, cues),
        not (attached(p, sent, trigger) or located(p, places, text, cues)),
        support.get(p.country or "", 0) < top,
        id(p) in inner,
        p.span.start if p.span else 0))


def _containers(towns: Sequence[Place], places: Sequence[Place], text: str,
                cues: SceneCues) -> list[Place]:
    """The places that stand as the unit of another ("Gulu town (Gulu district, Northern)": the
    second Gulu, the district): they hold the scene, not name it."""
    starts = {gap.end() for p in places if p.span is not None
              for gap in [_CONTAINER_GAP.match(text, p.span.end)] if gap is not None and
              (not gap.group("word") or gap.group("word").strip() in cues.units)}
    return [p for p in towns if p.span is not None and p.span.start in starts]


def attached(place: Place, sent: Sentence, trigger: tuple[int, int]) -> bool:
    """True when the trigger's words govern the town's name through prepositions and nouns
    ("demonstrated in Oslo", "held a rally outside the court in Gulu town")."""
    if place.span is None or not sent.start_char <= place.span.start < sent.end_char:
        return False
    words = sent.doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
    if words is None:
        return False
    anchors = {t.i for t in sent if trigger[0] <= t.idx < trigger[1]}
    anchors |= {sent.doc[i].head.i for i in list(anchors)}  # "staged" of "staged a protest"
    token: Token = words.root
    preps = 0
    for _ in range(_MAX_HOPS):
        if token.dep_ not in _TOWARDS_TRIGGER or token.head.i == token.i or preps > _MAX_PREPS:
            return False
        token = token.head
        preps += token.dep_ == "prep"
        if token.i in anchors:
            return True
    return False


def aside(place: Place, sent: Sentence, cues: SceneCues) -> bool:
    """True for a town the text names for something other than the scene."""
    if place.span is None:
        return False
    text = doc_text(sent.doc)
    name = place.span.text
    noun = _noun_before_bracket(text, place.span.start)
    if noun is not None and _QUARTER_AFTER.match(text, place.span.end):
        noun = None  # "the party's headquarters (Seoul - Yeongdeungpo)": where it stands
    if _modifier(place, sent, cues) or (noun is not None and
                                        noun not in cues.units | cues.function):
        return True  # "some Naples taxi drivers", "a lyceum (Monti)"
    after = _words_after(text, place.span.end)
    if name.isupper() and len(name) > 2 and not _all_capitals(text):
        return True  # "UNICEF", "NATO": an organisation's acronym
    if after and after[0].startswith("-") and after[0] != "-based":
        after = after[1:]  # "Nairobi-Nakuru highway": the road runs between two towns
    if name.split()[-1].lower() in cues.facility_after or (after and (
            after[0] in cues.facility_after or after[0] in cues.unit_after)):
        return True  # "Victoria Station", "the Nakuru highway", "Kano state"
    while after and after[0] in cues.skip_after:
        after = after[1:]
    if after and after[0] in cues.origin_after:
        return True  # "Kibera district residents"
    before = _WORDS_BEFORE.findall(text[max(0, place.span.start - 40):place.span.start].lower())
    while before and before[-1] in {"the", "a"} | cues.skip_after - cues.unit_after:
        before = before[:-1]  # "residents of the village of X"
    if before and before[-1] == "of" and len(before) > 1 and before[-2] in cues.skip_after:
        before = before[:-2]
    return any(tuple(before[-len(c):]) == c for c in cues.origin_before)


def located(place: Place, places: Sequence[Place], text: str, cues: SceneCues) -> bool:
    """True when a place of the story follows the town as its container: "Tumu (Sissala, Upper
    West)", "Milan - Brera (Milano, Lombardia)", "Mingin township (Kale district", and after a
    comma only a unit or country ("Bakhmut, Donetsk"; "Ilorin, Ibadan" is a list); or when the
    town opens brackets: those that place an unknown village ("Dogo village (Gusau, Zamfara"),
    or its quarter after it ("the town hall (Seoul - Jongno)")."""
    if place.span is None:
        return False
    if _OPENS_BRACKET.search(text, max(0, place.span.start - 3), place.span.start):
        return True  # "Shambhu village (Rajpura, Patiala district": the unit nearest the scene
    gap = _CONTAINER_GAP.match(text, place.span.end)
    if gap is None or (gap.group("word") and gap.group("word").strip() not in cues.units):
        return False
    comma = gap.group("mark") == ","
    return any(p.span is not None and p.span.start == gap.end() and not _demonym(p) and
               (not comma or not p.feature_code or p.feature_code.startswith(("ADM", "PCL")))
               for p in places)


def _modifier(place: Place, sent: Sentence, cues: SceneCues) -> bool:
    """True for a name that modifies a common noun other than a settlement or unit word
    ("Naples taxi drivers", "the Kabul airport"): the noun's thing, not the scene."""
    if place.span is None or not sent.start_char <= place.span.start < sent.end_char:
        return False
    words = sent.doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
    if words is None or words.root.dep_ not in {"compound", "nmod"}:
        return False
    head = words.root.head
    return head.i > words.root.i and head.is_lower and head.pos_ == "NOUN" and \
        head.lower_ not in cues.units and head.lower_ not in cues.origin_after


def _country_support(places: Sequence[Place]) -> Counter[str]:
    """How many distinct places the story names in each country (demonyms aside)."""
    seen = {(p.country, p.name) for p in places if p.country and not _demonym(p)}
    return Counter(country for country, _ in seen)


def _demonym(place: Place) -> bool:
    return place.precision == 3 and place.span is not None and \
        load_gazetteer().demonym(place.span.text) is not None


# a town's quarter after its name in brackets, the way event notes locate a building
_QUARTER_AFTER = re.compile(r"(?:\s+[A-Z][a-z]+)?\s+[-–]\s+[A-Z]")


def _noun_before_bracket(text: str, start: int) -> str | None:
    """The lower-case word right before " (" that opens at `start` ("a lyceum (Monti" gives
    "lyceum"), read backwards from the name, so that a long story is not scanned for each town."""
    if start > 0 and text[start - 1] == "\n":
        start -= 1  # the bracket may end its line ("a lyceum (" then the name)
    end = start - len(_BRACKET_AFTER_WORD)
    if end <= 0 or text[end:start] != _BRACKET_AFTER_WORD:
        return None
    begin = end
    while begin > 0 and "a" <= text[begin - 1] <= "z":
        begin -= 1
    if begin == end or (begin > 0 and (text[begin - 1].isalnum() or text[begin - 1] == "_")):
        return None  # no word, or the lower-case letters end a longer word ("McDonald (")
    return text[begin:end]


@functools.lru_cache(maxsize=4)
def _all_capitals(text: str) -> bool:
    """Whether the story is an ALL-CAPS wire, asked once per story rather than once per town."""
    return text.isupper()


def _words_after(text: str, end: int) -> list[str]:
    return [w.lower() for w in _WORDS_BEFORE.findall(text[end:end + 40])][:4]
