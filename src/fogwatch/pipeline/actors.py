"""Stage 'actors': entity and noun-phrase mentions -> Actors.

Three kinds of mention, from the tables in `data/`:
- well-known groups by name or alias ("Islamic State", "al-Shabaab") from `actors.csv`;
- a head noun naming a kind of actor ("soldiers", "police", "protesters") from
  `actors_generic.csv`, with its country read from a demonym or country name modifying it
  ("Turkish soldiers", "Syrian government forces", "forces of Turkey", "Turkey's army");
- a country that is the subject of a clause ("Russia denied ...") -> its government.

Armed men told as no longer armed ("an off-duty police officer", "a former soldier", "a former
member of the police": `actors_unarmed_modifiers.csv`) are civilians, as ACLED codes them.
"""

from __future__ import annotations

import dataclasses
import functools
from typing import TYPE_CHECKING

from fogwatch import lexicons
from fogwatch.nlp import Doc
from fogwatch.pipeline.context import Context
from fogwatch.pipeline.phrases import Match, PhraseIndex, token_span
from fogwatch.records import Actor, Span

if TYPE_CHECKING:  # types only: spaCy itself is imported by fogwatch.nlp alone
    from spacy.tokens import Token

__all__ = ["find_actors", "generic_actor"]

_MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod", "npadvmod", "nummod"})
ARMED_SECTORS = frozenset({"military", "police", "rebel", "militia", "unidentified armed group"})
# "a member of the police", "a commander of the militia": the armed body names the person
_MEMBER_NOUNS = frozenset({"member", "commander", "leader", "officer", "chief", "head",
                           "recruit", "agent", "guard", "unit", "personnel"})


@functools.lru_cache(maxsize=1)
def _named_index() -> PhraseIndex[lexicons.NamedActor]:
    return PhraseIndex((alias, a) for a in lexicons.named_actors() for alias in a.aliases)


@functools.lru_cache(maxsize=1)
def _generic_index() -> PhraseIndex[lexicons.GenericActor]:
    return PhraseIndex(lexicons.generic_actors().items())


@functools.lru_cache(maxsize=1)
def _country_index() -> PhraseIndex[str]:
    return PhraseIndex(lexicons.country_codes().items())


def generic_actor(kind: lexicons.GenericActor, country: str | None, span: Span | None) -> Actor:
    """The actor a head noun names, for a country or (country unknown) by its bare kind."""
    if country is None:
        bare = kind.template.replace(" of {country}", "").replace(" ({country})", "")
        return Actor(name=bare, id=None, country=None, sector=kind.sector, span=span)
    name = kind.template.format(country=lexicons.country_name(country))
    return Actor(name=name, id=f"{country}-{kind.suffix}", country=country, sector=kind.sector,
                 span=span)


@functools.lru_cache(maxsize=1)
def _unarmed_modifiers() -> tuple[str, ...]:
    return tuple(r["word"].lower() for r in lexicons.read_table("actors_unarmed_modifiers.csv"))


def _no_longer_armed(doc: Doc, head: Token, start: int) -> bool:
    """Whether the words before an armed actor's head say it is off duty or no longer serves
    ("an off-duty police officer", "a former member of the army")."""
    left = [doc[start:head.i]]
    if head.dep_ == "pobj" and head.head.lower_ == "of" and (
            head.head.head.lemma_.lower() in _MEMBER_NOUNS):
        member = head.head.head  # "a former member of the Afghan police"
        left.append(doc[member.left_edge.i:member.i])
    words = " ".join(part.text.lower().replace("-", " ") for part in left)
    return any(f" {w} " in f" {words} " for w in _unarmed_modifiers())


def _modifier_range(head: Token) -> tuple[int, int]:
    """Tokens [start, end) that modify `head` on its left, plus an "of X" on its right."""
    start = head.i
    for child in head.lefts:
        if child.dep_ in _MODIFIER_DEPS:
            start = min(start, child.left_edge.i)
    end = head.i + 1
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            end = child.right_edge.i + 1
    return start, end


def _named(doc: Doc) -> list[tuple[int, int, Actor]]:
    out = []
    for m in _named_index().find(doc):
        a = m.value
        out.append((m.start, m.end, Actor(name=a.name, id=a.id, country=a.country,
                                          sector=a.sector, span=token_span(doc, m.start, m.end))))
    return out


def _generic(doc: Doc, match: Match[lexicons.GenericActor]) -> list[tuple[int, int, Actor]]:
    head = doc[match.end - 1]
    if head.pos_ not in ("NOUN", "PROPN") and head.lemma_ != "police":
        return []
    if head.dep_ == "compound" and head.head.i >= match.end and not (
            head.head.lemma_.lower() in _MEMBER_NOUNS and match.value.sector in ARMED_SECTORS):
        # "government" in "government forces": the phrase's head speaks for it; but in "an
        # army member", "a police commander" the armed body names the person
        return []
    start, end = _modifier_range(head)
    start = min(start, match.start)
    kind = match.value
    if kind.sector in ARMED_SECTORS and _no_longer_armed(doc, head, start):
        kind = lexicons.generic_actors()["civilian"]
    countries = _country_index().find(doc, start, end)
    codes = list(dict.fromkeys(c.value for c in countries))
    if not codes:
        if match.value.needs_country:
            return []
        return [(match.start, match.end, generic_actor(kind, None,
                                                       token_span(doc, match.start, match.end)))]
    first = min(match.start, *(c.start for c in countries))
    last = max(match.end, *(c.end for c in countries))
    span = token_span(doc, first, last)
    return [(first, last, generic_actor(kind, code, span)) for code in codes]


def _state_subjects(doc: Doc) -> list[tuple[int, int, Actor]]:
    out = []
    codes = lexicons.country_codes()
    for ent in doc.ents:
        if ent.label_ != "GPE" or ent.root.dep_ not in ("nsubj", "nsubjpass"):
            continue
        code = codes.get(lexicons.alias_key(ent.text.removeprefix("the ")))
        if code:
            name = f"Government of {lexicons.country_name(code)}"
            out.append((ent.start, ent.end, Actor(name=name, id=f"{code}-GOV", country=code,
                                                  sector="government",
                                                  span=token_span(doc, ent.start, ent.end))))
    return out


def find_actors(ctx: Context) -> Context:
    """Actors in text order; a named group wins over a generic noun phrase it overlaps."""
    doc = ctx.doc
    found = _named(doc)
    taken = {i for s, e, _ in found for i in range(s, e)}
    for match in _generic_index().find(doc):
        # "Islamic State fighters": the named group already stands for the phrase
        if taken.intersection(range(*_modifier_range(doc[match.end - 1]))):
            continue
        found += _generic(doc, match)
    taken = {i for s, e, _ in found for i in range(s, e)}
    found += [a for a in _state_subjects(doc) if not taken.intersection(range(a[0], a[1]))]
    found.sort(key=lambda item: (item[0], item[1]))
    return dataclasses.replace(ctx, actors=tuple(a for _, _, a in found))
