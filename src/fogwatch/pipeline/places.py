"""Stage 'places': toponyms -> Places resolved to the gazetteer, with ACLED geo-precision.

Recognition, from the parse: GPE, LOC and FAC entities; demonyms ("Syrian", each country of
"Russian-Syrian"); names tagged otherwise (person, organisation, ...) that stand after a
locative cue ("the village of Kansafra"), in a container's place ("Timika (Papua)"), or that
the document uses as a place elsewhere; country names inside organisations' names ("Pakistan
Army"); and untagged capitalised names after a cue ("north of Aleppo").
Resolution (`gazetteer.resolve`): the gazetteer's entries of the name, picked by kind,
population and the document's other places. Precision: 1 for a town, 2 when the phrasing puts
the event near it ("near", "outskirts of", "X district"), 3 for a unit, country or continent.
A name the gazetteer does not know yields no Place. Cue words: `data/places_cues.csv`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from fogwatch.gazetteer import Entry, Gazetteer, exact_key, load_gazetteer, place_cues
from fogwatch.gazetteer.keys import ARTICLES
from fogwatch.gazetteer.resolve import Toponym, resolve
from fogwatch.nlp import Doc, doc_text
from fogwatch.pipeline.context import Context
from fogwatch.pipeline.places_names import (
    HYPHEN_PARTICLES,
    acronym_list,
    name_words,
    particle_joined,
    unmarked_names,
)
from fogwatch.records import Place, Span

if TYPE_CHECKING:  # spaCy's entity type, for the annotations only (nlp.py owns spaCy)
    from spacy.tokens import Span as Entity

__all__ = ["find_places"]

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
RESCUE_LABELS = frozenset({"ORG", "PERSON", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART"})
EMBEDDING_LABELS = frozenset({"ORG", "FAC"})
BIG_TOWN = 100_000  # an untagged name after a bare "in" that is a town this big is that town
_CONTAINER_GAP = re.compile(r"\s*(city|town|village)?\s*(,|\(|,?\s*in|,?\s*in the)\s*",
                            re.IGNORECASE)
# A run of capitalised words, with Arabic-style articles ("Kafr al-Numan", "Deir ez Zor"),
# the Persian and Dari linking vowel ("Bandar-e Abbas", "Bandar e Emam Khomeyni",
# "Mazar-i-Sharif") or the hyphenated particles of French, English and German names
# ("Port-au-Prince", "Croix-des-Bouquets", "Villeneuve-d'Ascq", "Stratford-upon-Avon") between
# them. (No spaced "at", "an" or "as": "fired a Tochka U at Novyi Buh" is two names.)
_NAME_RUN = re.compile(r"[A-Z][\w'’]*(?:(?: |-|(?: | al-| el-| as-| ash-| ad-| ar-| an-)"
                       r"| (?:al|el|ez|es|ed|ad|ar|ash|az|ul) "
                       r"| (?:de|do|da|dos|das|del|di|du|des|la|le|de la|de las|de los) "
                       r"|-(?:" + "|".join(HYPHEN_PARTICLES) + r")-|-[dl]['’]"
                       r"|[ -][ei][ -])[A-Z][\w'’]*)*")
_IN_NAME = re.compile(r"\s(?:in|at)\s([A-Z][\w'’]*(?: [A-Z][\w'’]*)*)$")
_SUBPARTS = re.compile(r"\s+[-–]\s*|,\s*")  # "Manaus - East Zone", "Homs, Syria"
_LEADING_ARTICLE = re.compile(r"^(the|The)\s+")
_NUMBERED = re.compile(r"([A-Z][^\d]*[a-z])-\d{1,3}")
_POSSESSIVE = re.compile(r"['’]s?$")
_POSSESSIVE_NAME = re.compile(r"['’]s\b")  # a name that keeps its "'s" ("St. John's")


@dataclass(frozen=True, slots=True)
class _Mention:
    span: Span
    candidates: tuple[Entry, ...]
    precision: int  # 1, or 2 when a cue puts the event near the place
    # "admin1" ("Idlib province"), "city" ("Afrin district", "Amara city"), "unit" (the outer
    # name of "Merida (Merida)"), "region" (a LOC entity) or None
    want: str | None
    # The candidates of the name that the text puts this one inside ("Paris, Texas",
    # "Kansafra in Idlib", "Aktau (Mangystau)"), and of the name it contains.
    container: tuple[Entry, ...] = ()
    contents: tuple[Entry, ...] = ()
    container_name: tuple[str, str | None] | None = None
    adjective: bool = False  # a demonym ("Russian"), an actor's country more than a scene
    # the words put it inside its container, not only beside it after a comma ("X town, Y",
    # "X in Y", "X (Y"), where "X, Y" may be a list
    firmly_inside: bool = False


def find_places(ctx: Context) -> Context:
    """Fill `ctx.places` with the document's resolved toponyms, in text order."""
    gazetteer = load_gazetteer()
    text = doc_text(ctx.doc)
    cues = place_cues()
    mentions = _nest(_dedupe([m for m in _mentions(ctx.doc, text, gazetteer)
                              if _standalone(m, text, cues)]), text)
    picks = resolve([Toponym(m.span.text, m.candidates, m.want, m.container, m.contents,
                             m.container_name, m.adjective, _cut(m, text, cues),
                             m.firmly_inside)
                     for m in mentions])
    places = tuple(_place(m, e) for m, e in zip(mentions, picks, strict=True) if e is not None)
    return dataclasses.replace(ctx, places=places)


def _cut(mention: _Mention, text: str, cues: dict[str, frozenset[str]]) -> bool:
    """The name is only the first word(s) of a longer run of capitalised words ("Bandar" of
    "Bandar Emam Khomeyni"), the rest not a settlement or unit word ("Kabul Province")."""
    run = _NAME_RUN.match(text, mention.span.start)
    if run is None or run.end() <= mention.span.end:
        return False
    rest = [w.lower() for w in re.split(r"[ -]+", text[mention.span.end:run.end()]) if w]
    words = cues["settlement_noun"] | cues["district_word"] | cues["admin_word"]
    return bool(rest) and rest[0] not in words


# --- recognition -------------------------------------------------------------------------

def _mentions(doc: Doc, text: str, gazetteer: Gazetteer) -> list[_Mention]:
    cues = place_cues()
    found: list[_Mention] = []
    unsure: list[Entity] = []
    for ent in doc.ents:
        demonyms = _demonyms(ent.text, ent.start_char, gazetteer) if ent.label_ == "NORP" else []
        if demonyms:
            found += demonyms
        elif ent.label_ in PLACE_LABELS:
            mention = _entity_mention(ent, text, gazetteer, cues, {}, False)
            if mention is not None:
                found.append(mention)
        elif ent.label_ in RESCUE_LABELS:
            unsure.append(ent)
    # One sense per discourse: a name the document uses as a place is a place wherever the
    # model tags it a person or an organisation ("Alexandria police said").
    known = {exact_key(m.span.text): m.candidates for m in found}
    for ent in unsure:
        mention = _entity_mention(ent, text, gazetteer, cues, known,
                                  _follows_place(ent, text, found))
        if mention is not None:
            found.append(mention)
        elif ent.label_ in EMBEDDING_LABELS:
            found += _embedded(ent, text, gazetteer, known)
    found += _untagged(doc, text, gazetteer, cues, found)
    found += _marked(text, gazetteer, cues, found)
    found += _unmarked(doc, text, gazetteer, cues, found)
    return found


def _unmarked(doc: Doc, text: str, gazetteer: Gazetteer, cues: dict[str, frozenset[str]],
              found: Sequence[_Mention]) -> list[_Mention]:
    """Gazetteer names that nothing above found (see `places_names`): their units, countries,
    big towns and towns in a country the document names elsewhere (a name without a cue is a
    small town of another country less often than a word or a person)."""
    taken = {i for m in found for i in range(m.span.start, m.span.end)}
    countries = {c.country for m in found for c in m.candidates[:1]
                 if len({x.country for x in m.candidates}) == 1}
    mentions = []
    for span, entries in unmarked_names(doc, taken, gazetteer, name_words()):
        kept = tuple(e for e in entries if e.kind != "city" or e.population >= BIG_TOWN or
                     e.country in countries or particle_joined(span.text))
        if kept:
            near = _ends_with(_words_before(text, span.start, cues), cues["near_before"], cues)
            mentions.append(_Mention(span, kept, 2 if near else 1, None))
    return mentions


_CONTAINER_AFTER = re.compile(r"\s*(?:\(|,\s*(?:in\s+)?|\s+in\s+)")


def _marked(text: str, gazetteer: Gazetteer, cues: dict[str, frozenset[str]],
            found: Sequence[_Mention]) -> Iterator[_Mention]:
    """Names the model missed or tagged otherwise that the text itself marks as places: a
    settlement or unit noun after them ("Rasht city", "Galgala village", "Ramgati upazila",
    "Lakki Marwat district") or a unit or country of theirs right after them ("Teruel (Aragon)",
    "Mariupol, Donetsk", "Kafr Noran in Aleppo governorate"). The container is a place too."""
    taken = [False] * (len(text) + 1)
    for m in found:
        taken[m.span.start:m.span.end] = [True] * (m.span.end - m.span.start)
    pending: list[_Mention] = []
    for m in found:  # "Pisky, Donetsk": the unit after a found name holds it
        after = _container_after(text, m.span.end, m.candidates, gazetteer, loose=True)
        # (a longer unit name than the model's entity wins: "Mato Grosso do Sul")
        if after is not None and not taken[after[1].span.end - 1]:
            pending.append(after[1])
            taken[after[1].span.start:after[1].span.end] = [True] * len(after[1].span.text)
    for m in _bracketed(text, gazetteer):
        if not any(taken[m.span.start:m.span.end]):
            pending.append(m)
            taken[m.span.start:m.span.end] = [True] * (m.span.end - m.span.start)
    for match in _NAME_RUN.finditer(text):
        if taken[match.start()] or (match.start() > 0 and text[match.start() - 1] in "-'’"):
            continue
        words = match.group().split()
        while words and not _lone_article(words, match.group()):
            name = " ".join(words)
            mentions = _marked_name(text, match.start(), name, gazetteer, cues)
            if mentions:
                for m in mentions:
                    if not any(taken[m.span.start:m.span.end]):
                        pending.append(m)
                        taken[m.span.start:m.span.end] = [True] * (m.span.end - m.span.start)
                break
            words.pop()
    yield from pending


def _marked_name(text: str, start: int, name: str, gazetteer: Gazetteer,
                 cues: dict[str, frozenset[str]]) -> list[_Mention]:
    candidates = gazetteer.lookup(name)
    if not candidates or name.lower() in cues["admin_word"]:
        return []
    end = start + len(name)
    span = Span(start, end, name)
    noun = re.match(r"\s+([A-Za-z\-]+)", text[end:])
    after = noun.group(1).lower() if noun else ""
    if after in cues["settlement_noun"]:
        towns = tuple(c for c in candidates if c.kind == "city")
        return _with_container(text, _Mention(span, towns, 1, None), gazetteer) if towns else []
    counties = _admin2(gazetteer, name, after, cues)
    if counties:
        return [_Mention(span, counties, 2, "admin2")]
    if after in cues["district_word"]:
        towns = tuple(c for c in candidates if c.kind in {"city", "admin1", "admin2"})
        return _with_container(text, _Mention(span, towns, 2, "city"), gazetteer) \
            if towns else []
    if after in cues["admin_word"]:
        units = tuple(c for c in candidates if c.kind == "admin1")
        return [_Mention(span, units, 1, "admin1")] if units else []
    found = _container_after(text, end, candidates, gazetteer)
    if found is None:
        # "Lypove, Donetsk" when the gazetteer knows only a Lypove elsewhere: the unit is a
        # place; the name, missing from the gazetteer, is none.
        elsewhere = _container_after(text, end, candidates, gazetteer, loose=True)
        return [elsewhere[1]] if elsewhere is not None else []
    inside, container = found
    return [_Mention(span, inside, 1, None), container]


_BRACKETED = re.compile(r"(?<=[A-Za-z])\s*\(([^()]{2,120})\)")
_UNITS = frozenset({"admin1", "admin2", "country"})
_TOWN_QUARTER = re.compile(r"\s+[-–]\s+")
_STREET_WORDS = frozenset({"square", "street", "avenue", "boulevard", "roundabout"})


def _bracketed(text: str, gazetteer: Gazetteer) -> Iterator[_Mention]:
    """The units in brackets after a name, the way reports locate a village ("Bargaram
    (Hile-Alifa, Logone-et-Chari, Extreme-Nord)", "Dom Aleixo (Dili)"): each part that the
    gazetteer knows as a unit or country, and a town when it is the only part or lies in the
    country of a unit of the list. They are places even when the village is unknown."""
    for match in _BRACKETED.finditer(text):
        parts: list[tuple[Span, tuple[Entry, ...]]] = []
        offset = match.start(1)
        if acronym_list(match.group(1).split(","), gazetteer):
            continue  # "unions (CGT, FO, Sud)": organisations
        for part in match.group(1).split(","):
            # "(Busan - Yeonje)": a town and its quarter; the town is the place
            name = _TOWN_QUARTER.split(part.strip(), maxsplit=1)[0]
            start = offset + len(part) - len(part.lstrip())
            offset += len(part) + 1
            run = _NAME_RUN.fullmatch(name)
            if run is None:
                continue
            exact = tuple(c for c in gazetteer.lookup(name) if not c.loose)
            if exact:
                parts.append((Span(start, start + len(name), name), exact))
        countries = {c.country for _, found in parts for c in found if c.kind in _UNITS}
        for span, found in parts:
            units = tuple(c for c in found if c.kind in _UNITS)
            towns = tuple(c for c in found if c.kind == "city" and (
                len(parts) == 1 or c.country in countries))
            if units or towns:
                yield _Mention(span, units + towns, 1, None)


def _with_container(text: str, mention: _Mention, gazetteer: Gazetteer) -> list[_Mention]:
    """The mention, narrowed to the candidates inside the unit named after it ("Toro
    municipality (Zamora)"), and that unit's mention."""
    found = _container_after(text, mention.span.end, mention.candidates, gazetteer)
    if found is None:
        return [mention]
    return [dataclasses.replace(mention, candidates=found[0]), found[1]]


def _container_after(text: str, end: int, candidates: tuple[Entry, ...], gazetteer: Gazetteer,
                     loose: bool = False) -> tuple[tuple[Entry, ...], _Mention] | None:
    """The unit or country named right after a name (", Donetsk", " (Aragon", " in Idlib")
    that holds some of its candidates: those candidates, and the container's mention. With
    `loose`, a unit in the country of one of them will do ("Pisky, Donetsk" when the
    gazetteer knows only another Pisky: resolution then leaves the name unresolved)."""
    gap = _CONTAINER_AFTER.match(text, _after_unit_word(text, end))
    if gap is None:
        return None
    for outer_run in _outer_runs(text, gap):
        outer_words = outer_run.group().split()
        while outer_words:
            outer = tuple(c for c in gazetteer.lookup(" ".join(outer_words))
                          if c.kind in {"admin1", "admin2", "country"})
            inside = tuple(c for c in candidates if c.kind in {"city", "admin1", "admin2"}
                           and any(_contains(o, c) for o in outer))
            if loose and not inside:
                inside = tuple(c for c in candidates if c.kind == "city" and any(
                    o.kind == "admin1" and o.country == c.country for o in outer))
            if inside:
                outer_name = " ".join(outer_words)
                outer_span = Span(outer_run.start(), outer_run.start() + len(outer_name),
                                  outer_name)
                return inside, _Mention(outer_span, outer, 1, None)
            outer_words.pop()
    return None


_LIST_GAP = re.compile(r"\s*,\s*")
_NEXT_WORD = re.compile(r"\s+([a-z][a-z\-]*)")
_NUMBER_AFTER = re.compile(r"-\d{1,3}\b")


def _after_unit_word(text: str, end: int) -> int:
    """Where the text goes on after a name, past a settlement, district or unit word that
    follows it ("Toro municipality (Zamora)", "Bandar Abbas city (Hormozgan)") or the number
    of a mine or quarter of it ("Zolote-5, Luhansk")."""
    cues = place_cues()
    number = _NUMBER_AFTER.match(text, end)
    if number:
        return number.end()  # "Zolote-5, Luhansk"
    word = _NEXT_WORD.match(text, end)
    if word and word.group(1) in cues["settlement_noun"] | cues["district_word"] | \
            cues["admin_word"]:
        return word.end()
    return end


def _outer_runs(text: str, gap: re.Match[str]) -> list[re.Match[str]]:
    """The names that may hold the one before the gap: the first name after it, and, inside
    parentheses, each name of the list, last (the widest unit) first: "Gashua (Bade, Yobe)"
    tries "Yobe", then "Bade"."""
    first = _NAME_RUN.match(text, gap.end())
    if first is None:
        return []
    runs = [first]
    if "(" in gap.group():
        while True:
            sep = _LIST_GAP.match(text, runs[-1].end())
            following = _NAME_RUN.match(text, sep.end()) if sep else None
            if following is None or len(runs) >= 4:
                break
            runs.append(following)
        if text[runs[-1].end():runs[-1].end() + 1] != ")":
            runs = [first]
    return runs[::-1]


def _admin2(gazetteer: Gazetteer, name: str, after: str,
            cues: dict[str, frozenset[str]]) -> tuple[Entry, ...]:
    """The second-level units a name denotes with its unit word, inside it ("Fulton County")
    or after it ("Lakki Marwat district")."""
    words = name.split()
    if len(words) > 1 and words[-1].lower() in cues["admin_word"] | cues["district_word"]:
        found = tuple(c for c in gazetteer.lookup(name) if c.kind == "admin2")
        if found:
            return found
    if after in cues["admin_word"] | cues["district_word"]:
        worded = tuple(c for c in gazetteer.lookup(f"{name} {after}") if c.kind == "admin2")
        if worded:
            # and the namesakes GeoNames names without the word ("Hyderabad District" in
            # Sindh, "Hyderābād" in Telangana)
            bare = (c for c in gazetteer.lookup(name) if c.kind == "admin2" and not c.loose)
            return tuple({c.id: c for c in (*worded, *bare)}.values())
    return ()


def _contains(outer: Entry, inner: Entry) -> bool:
    if inner.country != outer.country:
        return False
    if outer.kind == "admin1":
        return inner.kind in {"city", "admin2"} and inner.admin1 == outer.admin1
    if outer.kind == "admin2":
        return inner.kind == "city" and (inner.admin1, inner.admin2) == (outer.admin1,
                                                                          outer.admin2)
    return True


def _untagged(doc: Doc, text: str, gazetteer: Gazetteer, cues: dict[str, frozenset[str]],
              found: Sequence[_Mention]) -> Iterator[_Mention]:
    """Capitalised names the model left untagged, after a locative cue ("north of Aleppo",
    "in Kafr Nabl"): towns only, and after a bare "in" or "at" only towns in a country the
    document names elsewhere."""
    countries = {c.country for m in found for c in m.candidates[:1]
                 if len({x.country for x in m.candidates}) == 1}
    taken = {i for m in found for i in range(m.span.start, m.span.end)}
    weak = cues["locative_before"] - cues["near_before"]
    for token in doc:
        if not token.is_title or token.ent_iob_ != "O" or token.idx in taken:
            continue
        before = _words_before(text, token.idx, cues)
        strong = _ends_with(before, cues["near_before"], cues) or \
            _strip_settlement(before, cues) != before
        if not strong and not _ends_with(before, weak, cues):
            continue
        match = _NAME_RUN.match(text, token.idx)
        run = match.group() if match else ""
        words = run.split()
        while words and not _lone_article(words, run):
            name = " ".join(words)
            exact = tuple(c for c in gazetteer.lookup(name) if not c.loose)
            towns = tuple(c for c in exact if c.kind == "city")
            if any(c.kind in {"country", "continent", "admin1"} for c in exact):
                # "in Kazakhstan": a country or unit is what a bare name after a cue means
                # first; the towns of its name stay candidates.
                near = _ends_with(before, cues["near_before"], cues)
                yield _Mention(Span(token.idx, token.idx + len(name), name), exact,
                               2 if near else 1, None)
                break
            # a big town, or one that names its own district ("in Lecco"), is that town
            big = any(c.population >= BIG_TOWN for c in towns) or any(
                c.kind == "admin2" and c.country == t.country for c in exact for t in towns)
            if towns and (strong or big or particle_joined(name) or
                          any(c.country in countries for c in towns)):
                near = _ends_with(before, cues["near_before"], cues)
                yield _Mention(Span(token.idx, token.idx + len(name), name), towns,
                               2 if near else 1, None)
                break
            words.pop()


def _lone_article(words: list[str], run: str) -> bool:
    """True when a longer name was cut down to its Arabic article ("As" of "As Sweida"): the
    article names no place of its own (a Belgian "As" is not meant)."""
    return len(words) == 1 and words[0] != run and words[0].lower() in ARTICLES


def _standalone(mention: _Mention, text: str, cues: dict[str, frozenset[str]]) -> bool:
    """False for a name the text makes part of a town ("the Restrepo neighborhood", "Santa
    Croce square", "Liberty Square": the gazetteer has no such places, and a namesake town
    elsewhere is wrong) and for a short capitalised abbreviation that only matches towns
    ("PAT", "UP")."""
    after = re.match(r"\s+([A-Za-z]+)", text[mention.span.end:])
    if after and after.group(1).lower() in cues["subplace_after"]:
        return False
    name = mention.span.text
    words = name.split()
    if len(words) > 1 and words[-1].lower() in _STREET_WORDS and all(
            c.alt or c.loose for c in mention.candidates):
        return False  # "Liberty Square", another name of a town: a part of a town
    return not (name.isupper() and len(name) <= 4 and
                all(c.kind == "city" for c in mention.candidates))


def _follows_place(ent: Entity, text: str, found: Sequence[_Mention]) -> bool:
    """True when the entity stands where a container does: "Timika (Papua)", "Tabqa, Raqqa"."""
    return any(m.span.end <= ent.start_char and
               _CONTAINER_GAP.fullmatch(text[m.span.end:ent.start_char]) is not None
               for m in found)


def _entity_mention(ent: Entity, doc_text: str, gazetteer: Gazetteer,
                    cues: dict[str, frozenset[str]], known: dict[str, tuple[Entry, ...]],
                    follows_place: bool) -> _Mention | None:
    doc = ent.doc
    start, text = _trim(ent.start_char, ent.text)
    whole = ent.text[len(ent.text) - len(ent.text.lstrip()):].rstrip(" ,;:()")
    whole = _LEADING_ARTICLE.sub("", whole)
    if whole != text and whole.startswith(text) and any(
            not c.loose and _POSSESSIVE_NAME.search(c.name) for c in gazetteer.lookup(whole)):
        text = whole  # "St. John's" is a name, not a possessive
    words = text.split()
    want: str | None = None
    after = doc[ent.end].lower_ if ent.end < len(doc) else ""
    counties = _admin2(gazetteer, text, after, cues)
    if len(words) > 1 and words[-1].lower() in cues["admin_word"] and not counties:
        want, text = "admin1", " ".join(words[:-1])
    if not text:
        return None
    if counties:
        want = "admin2"
    elif after in cues["admin_word"]:
        want = "admin1"
    elif after in cues["district_word"]:
        want = "city"  # "Afrin district"
    before = _words_before(doc_text, start, cues)
    if not counties:
        start, text = _full_name(doc_text, start, text, gazetteer)
    candidates = counties or gazetteer.lookup(text)
    if not candidates and len(words) > 1 and words[-1].lower() in cues["settlement_noun"]:
        text = " ".join(words[:-1])  # "Lahore city", but "Kansas City" is a name
        candidates = gazetteer.lookup(text)
        after = words[-1].lower()  # and the town is wanted, as after the name below
    if not candidates:
        # "Manaus - East Zone", "Homs, Syria": the first part is the place.
        text = _SUBPARTS.split(text, maxsplit=1)[0]
        candidates = gazetteer.lookup(text) if text != ent.text else ()
    numbered = _NUMBERED.fullmatch(text) if not candidates else None
    if numbered is not None:
        # "Zolote-5": a numbered mine or quarter of a town, which the event is near
        text = numbered.group(1)
        candidates = tuple(c for c in gazetteer.lookup(text) if c.kind == "city")
        if candidates:
            return _Mention(Span(start, start + len(text), text), candidates, 2, "city")
    inner = _IN_NAME.search(text) if not candidates else None
    if inner is not None:
        # "the City Hall in Malmo": a facility named with its town; the town is a place
        start, text = start + inner.start(1), inner.group(1)
        found = gazetteer.lookup(text)
        return _Mention(Span(start, start + len(text), text), found, 1, None) \
            if found else None
    if after in _town_nouns(cues) and any(c.kind == "city" for c in candidates):
        want, candidates = "city", tuple(c for c in candidates if c.kind == "city")  # "Amara city"
    if ent.label_ in RESCUE_LABELS and exact_key(text) not in known:
        # a unit word makes the name a place as a container does ("in Ondo state")
        candidates = _rescued(candidates, text, _locative(before, cues),
                              follows_place or want == "admin1")
    elif ent.label_ == "LOC" and not particle_joined(text):
        want = want or "region"  # (but "Saint-Pair-sur-Mer" is a town's name)
    if not candidates:
        return None
    near = (want == "city" and after in cues["district_word"]) or \
        _ends_with(before, cues["near_before"], cues)
    return _Mention(Span(start, start + len(text), text), candidates, 2 if near else 1, want)


def _town_nouns(cues: dict[str, frozenset[str]]) -> frozenset[str]:
    """Settlement nouns that make the name before them a town ("Amara city", "Ayod town"),
    not those of a part of one or of a camp named after it."""
    return cues["settlement_noun"] - cues["subplace_after"] - {"camp", "villages"}


def _full_name(doc_text: str, start: int, text: str, gazetteer: Gazetteer) -> tuple[int, str]:
    """The entity cut at a parenthesis ("Gashua (Bade" -> "Gashua"), or the longer name the
    model split in two that the gazetteer knows as one ("Bandar" + "Abbas")."""
    if "(" in text:
        text = text.split("(", 1)[0].rstrip()
    run = _NAME_RUN.match(doc_text, start)
    if run is not None and len(run.group()) > len(text) and run.group().startswith(text):
        words = run.group().split()
        while len(" ".join(words)) > len(text):  # ("Croix" + "-des-Bouquets" is one word)
            longer = " ".join(words)
            if longer[len(text)] in " -" and any(not c.loose for c in gazetteer.lookup(longer)):
                # (not "London’s": a possessive is no longer name)
                return start, longer
            words.pop()
    return start, text


def _rescued(candidates: tuple[Entry, ...], text: str, locative: bool,
             follows_place: bool) -> tuple[Entry, ...]:
    """Entries for a name the model tagged as a person or an organisation: exact names in a
    container's position ("Timika (Papua)"), towns after a locative cue ("the village of
    Kansafra"), units or countries of two words or more ("Tamil Nadu"), and names joined by a
    particle ("Aulnay-sous-Bois", whose first word alone the model took for an organisation);
    a person or an outlet named like a single-word place is common."""
    if follows_place or particle_joined(text):
        return tuple(c for c in candidates if not c.loose)
    if locative:  # "in the EU", "in Kazakhstan": a country or continent too, never loosely
        return tuple(c for c in candidates if c.kind == "city" or (
            c.kind in {"country", "continent"} and not c.loose))
    if len(text.split()) > 1:
        return tuple(c for c in candidates if c.kind in {"admin1", "country"} and not c.loose)
    return ()


def _embedded(ent: Entity, doc_text: str, gazetteer: Gazetteer,
              known: dict[str, tuple[Entry, ...]]) -> Iterator[_Mention]:
    """Places inside an organisation's name ("Pakistan Army", "the Syrian Observatory",
    "Alexandria Police"): countries and demonyms always, other names when the document uses
    them as places elsewhere. The organisation is no place, but the name is."""
    tokens = [t for t in ent if t.is_title or t.is_upper]
    i = 0
    while i < len(tokens):
        for n in (3, 2, 1):
            words = tokens[i:i + n]
            if len(words) < n or words[-1].i - words[0].i != n - 1:
                continue
            start, end = words[0].idx, words[-1].idx + len(words[-1].text)
            text = doc_text[start:end]
            candidates = known.get(exact_key(text)) or _country(text, gazetteer)
            if candidates:
                yield _Mention(Span(start, end, text), candidates, 1, None,
                               adjective=gazetteer.demonym(text) is not None)
                i += n
                break
        else:
            i += 1


def _country(text: str, gazetteer: Gazetteer) -> tuple[Entry, ...]:
    entry = gazetteer.demonym(text)
    if entry is None:
        entry = next((c for c in gazetteer.lookup(text)
                      if c.kind in {"country", "continent"} and not c.loose), None)
    return (entry,) if entry is not None else ()


def _demonyms(text: str, offset: int, gazetteer: Gazetteer) -> list[_Mention]:
    # "Russian-Syrian" holds two countries; each gets the span of its own word.
    found = []
    for match in re.finditer(r"[^\s\-–/]+(?:\s+[^\s\-–/]+)*", text):
        entry = gazetteer.demonym(match.group())
        if entry is not None:
            start = offset + match.start()
            found.append(_Mention(Span(start, offset + match.end(), match.group()), (entry,), 1,
                                  None, adjective=True))
    return found


def _trim(start: int, text: str) -> tuple[int, str]:
    """The entity without a leading "the", trailing punctuation and a possessive."""
    article = _LEADING_ARTICLE.match(text)
    if article:
        start, text = start + article.end(), text[article.end():]
    return start, _POSSESSIVE.sub("", text.rstrip(" ,;:()")).rstrip(" ,;:()")


def _words_before(text: str, start: int, cues: dict[str, frozenset[str]],
                  window: int = 60) -> list[str]:
    """The words before a name, without modifiers that do not change the cue ("in central")."""
    words = re.findall(r"[\w\-]+", text[max(0, start - window):start].lower())
    while words and (words[-1] in cues["modifier"] or (
            words[-1] == "the" and len(words) > 1 and words[-2] != "of")):
        words.pop()  # "in the X", "in central X"; but "the policies of the X" is no cue
    return words


def _strip_settlement(words: list[str], cues: dict[str, frozenset[str]]) -> list[str]:
    """"... near the town of" -> "... near": the settlement noun does not change the cue."""
    if len(words) >= 2 and words[-1] == "of" and words[-2] in cues["settlement_noun"]:
        words = words[:-2]
        if words and words[-1] in {"the", "a"}:
            words = words[:-1]
    return words


def _ends_with(words: list[str], phrases: frozenset[str],
               cues: dict[str, frozenset[str]]) -> bool:
    """True when the words end with one of the phrases, with or without "the town of"."""
    bare = _strip_settlement(words, cues)
    return any(_tail_is(words, p.split()) or _tail_is(bare, p.split()) for p in phrases)


def _tail_is(words: list[str], phrase: list[str]) -> bool:
    return len(words) >= len(phrase) and words[len(words) - len(phrase):] == phrase


def _locative(words: list[str], cues: dict[str, frozenset[str]]) -> bool:
    settlement = _strip_settlement(words, cues) != words  # "the village of X"
    return settlement or _ends_with(words, cues["locative_before"], cues)


def _dedupe(mentions: list[_Mention]) -> list[_Mention]:
    """One mention per span, in text order; a mention inside a longer one is dropped."""
    seen: set[tuple[int, int]] = set()
    kept: list[_Mention] = []
    for m in sorted(mentions, key=lambda m: (m.span.start, -m.span.end)):
        if (m.span.start, m.span.end) in seen or any(
                k.span.start <= m.span.start and m.span.end <= k.span.end for k in kept[-3:]):
            continue
        seen.add((m.span.start, m.span.end))
        kept.append(m)
    return kept


def _nest(mentions: list[_Mention], text: str) -> list[_Mention]:
    """Link each name to the next when the words between them make it its container."""
    nested = list(mentions)
    for i in range(len(nested) - 1):
        inner, outer = nested[i], nested[i + 1]
        gap_start = min(_after_unit_word(text, inner.span.end), outer.span.start)
        gap = _CONTAINER_GAP.fullmatch(text[gap_start:outer.span.start])
        if gap and "(" in gap.group() and exact_key(inner.span.text) != exact_key(
                outer.span.text):
            # "Malam Fatori (Abadan, Borno)": the last name of the list is the widest unit,
            # and the one the village is surely inside (the first may be a namesake abroad)
            last = _bracket_holder(nested, i, text)
            if last != i + 1:
                nested[i] = dataclasses.replace(inner, container=nested[last].candidates,
                                                container_name=(nested[last].span.text,
                                                                nested[last].want),
                                                firmly_inside=True)
                continue
        if gap:
            if exact_key(inner.span.text) == exact_key(outer.span.text):
                inner, outer = _namesakes(inner, outer)
            firmly = bool(gap.group(1)) or gap.group(2).strip() != "," or \
                gap_start > inner.span.end  # "Afrin district, Aleppo"
            nested[i] = dataclasses.replace(inner, container=outer.candidates,
                                            container_name=(outer.span.text, outer.want),
                                            firmly_inside=firmly)
            nested[i + 1] = dataclasses.replace(outer, contents=inner.candidates)
    return nested


def _bracket_holder(mentions: list[_Mention], inner: int, text: str) -> int:
    """The index of the widest name of the bracketed list after mention `inner` that holds
    some of its candidates: the list's last name first (only commas between the names, the
    bracket closing after the last); else the list's first name."""
    first = last = inner + 1
    while last + 1 < len(mentions) and _LIST_GAP.fullmatch(
            text[mentions[last].span.end:mentions[last + 1].span.start]):
        last += 1
    if not text[mentions[last].span.end:].lstrip().startswith(")"):
        return first
    for j in range(last, first, -1):
        if any(_contains(o, c) for o in mentions[j].candidates
               for c in mentions[inner].candidates if o.kind in _UNITS):
            return j
    return first


def _namesakes(inner: _Mention, outer: _Mention) -> tuple[_Mention, _Mention]:
    """A name put inside the same name ("Merida (Merida)", "Diffa, Diffa") is the town inside
    the unit named after it: the inner one wants a town, the outer one a unit, also when
    words ask for the town inside and its surroundings outside ("Tumkur town (Tumkur
    district)")."""
    wants = (inner.want, outer.want)
    if wants not in {(None, None), (None, "city"), ("city", "city")} or not any(
            c.kind == "city" for c in inner.candidates) or not any(
            c.kind in {"admin1", "admin2"} for c in outer.candidates):
        return inner, outer
    return dataclasses.replace(inner, want="city"), dataclasses.replace(outer, want="unit")


def _place(mention: _Mention, entry: Entry) -> Place:
    # ACLED: 1 the town itself, 2 near a town or a district (admin2), 3 a province or country.
    precision = {"city": mention.precision, "admin2": 2}.get(entry.kind, 3)
    return Place(name=entry.name, admin1=entry.admin1, admin2=entry.admin2, country=entry.country,
                 lat=entry.lat, lon=entry.lon, geonameid=entry.geonameid,
                 feature_code=entry.feature_code, precision=precision, span=mention.span)
