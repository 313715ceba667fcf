"""Stage 'sources': attribution frames -> Claims with a source, an attribution chain and certainty.

Frames: "according to X", "X said / reported / claimed / confirmed / denied", "X, citing Y, said".
The chain (`Claim.via`) runs from the outlet we read (the document's source) through the
reporting outlet to the origin; the claim's `source` is the origin. Certainty comes from the
frame's verb ("confirmed", "denied", "claimed"), then from cue words in the sentence
("reportedly", "yet to be confirmed"); the tables are `sources_*.csv` and `outlets.csv`.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
from typing import TYPE_CHECKING

from fogwatch import lexicons
from fogwatch.nlp import Doc
from fogwatch.pipeline.context import Context
from fogwatch.pipeline.phrases import PhraseIndex
from fogwatch.records import Certainty, Claim, Source, SourceKind, Span

if TYPE_CHECKING:  # types only: spaCy itself is imported by fogwatch.nlp alone
    from spacy.tokens import Span as Sentence
    from spacy.tokens import Token

__all__ = ["find_claims", "claim_id"]

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_NAME_DEPS = frozenset({"compound", "amod", "poss", "case", "nmod", "nummod", "npadvmod"})
_MAX_NAME_TOKENS = 8


@functools.lru_cache(maxsize=1)
def _outlet_index() -> PhraseIndex[lexicons.Outlet]:
    return PhraseIndex((alias, o) for o in lexicons.outlets() for alias in o.aliases)


@functools.lru_cache(maxsize=1)
def _country_index() -> PhraseIndex[str]:
    return PhraseIndex(lexicons.country_codes().items())


@functools.lru_cache(maxsize=1)
def _kind_index() -> PhraseIndex[str]:
    return PhraseIndex(lexicons.source_kind_cues())


@functools.lru_cache(maxsize=1)
def _cue_index() -> PhraseIndex[str]:
    return PhraseIndex(lexicons.certainty_cues())


def claim_id(doc_id: str, span: Span, frame: int) -> str:
    """A claim's id, stable for one document, sentence and frame (its verb's offset; -1: none)."""
    key = f"{doc_id}:{span.start}:{span.end}:{frame}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def _name_tokens(head: Token) -> tuple[int, int]:
    """Token range [start, end) naming the phrase headed by `head` (its left modifiers + head)."""
    tok = head
    start = tok.i
    for child in tok.lefts:
        if child.dep_ in _NAME_DEPS:
            start = min(start, child.left_edge.i)
    end = tok.i + 1
    for child in tok.rights:
        # keep "Observatory for Human Rights", "ministry of defence"
        if child.dep_ == "prep" and child.lower_ in ("for", "of"):
            end = max(end, child.right_edge.i + 1)
        elif child.dep_ in ("compound", "flat", "appos") and child.i == end:
            end = child.right_edge.i + 1
    if end - start > _MAX_NAME_TOKENS:
        start = max(start, end - _MAX_NAME_TOKENS)
    return start, end


def _resolve_source(doc: Doc, head: Token) -> Source | None:
    """The Source named by the phrase headed by `head`, None for pronouns."""
    tok = head
    if tok.pos_ == "PRON":
        return None
    start, end = _name_tokens(head)
    outlets = _outlet_index().find(doc, start, end)
    if not outlets:
        left, right = tok.left_edge.i, tok.right_edge.i + 1
        outlets = _outlet_index().find(doc, left, right)
    if outlets:
        o = outlets[0].value
        return Source(name=o.name, kind=_kind(o.kind), country=o.country)
    kinds = _kind_index().find(doc, start, end)
    countries = _country_index().find(doc, start, end)
    words = [t for t in doc[start:end] if t.dep_ != "det"]
    name = doc[words[0].i:end].text if words else doc[start:end].text
    if kinds:
        kind = kinds[-1].value  # the head's cue: "opposition media" over "opposition"
    elif tok.ent_type_ == "PERSON" or (countries and tok.ent_type_ in ("GPE", "NORP")):
        kind = "official"  # a named person or a state ("Ankara has not confirmed")
    else:
        kind = "media" if tok.ent_type_ == "ORG" else "anonymous"
    return Source(name=name, kind=_kind(kind), country=countries[0].value if countries else None)


def _kind(value: str) -> SourceKind:
    kinds: tuple[SourceKind, ...] = (
        "official", "military", "state_media", "media", "opposition_media", "journalist",
        "ngo", "igo", "anonymous", "eyewitness")
    for kind in kinds:
        if kind == value:
            return kind
    return "media"


def _certainty(value: str) -> Certainty:
    options: tuple[Certainty, ...] = ("confirmed", "reported", "unconfirmed", "denied")
    return next((c for c in options if c == value), "reported")


def _verb_certainty(verb: Token, table: dict[str, str]) -> Certainty:
    certainty = _certainty(table[verb.lemma_.lower()])
    negated = any(c.dep_ == "neg" for c in verb.children)
    if negated:
        return "unconfirmed" if certainty == "confirmed" else "reported"
    return certainty


def _verb_tagged_noun(tok: Token) -> bool:
    """'SANA reports that ...': a present-tense attribution verb the tagger read as a noun."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return tok.pos_ == "NOUN" and tok.dep_ == "ROOT" and tok.lower_.endswith("s") \
        and nxt is not None and nxt.lower_ in ("that", ",", ":")


def _cited(doc: Doc, verb: Token, subject: Token) -> list[Token]:
    """Heads of phrases cited by the frame ("citing Y", "quoting Y") near its verb or subject."""
    heads = []
    for anchor in (verb, subject):
        for tok in anchor.subtree:
            if tok.lemma_.lower() in ("cite", "quote") and tok.i != verb.i:
                heads += [c for c in tok.children if c.dep_ in ("dobj", "pobj")]
    return heads


def _according_to(sent: Sentence) -> list[Token]:
    heads = []
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < sent.end:
            to = tok.doc[tok.i + 1]
            if to.lower_ == "to":
                heads += [c for c in to.children if c.dep_ == "pobj"]
        elif tok.lemma_.lower() in ("quote", "cite") and tok.tag_ == "VBN":
            # "..., as quoted by TASS": the outlet carried the speaker's words
            heads += [g for c in tok.children if c.dep_ == "agent" for g in c.children
                      if g.dep_ == "pobj"]
    return heads


def _sentence_cue(doc: Doc, sent: Sentence) -> Certainty | None:
    cues = _cue_index().find(doc, sent.start, sent.end)
    ranked = [c.value for c in cues]
    for certainty in ("denied", "unconfirmed", "confirmed"):
        if certainty in ranked:
            return _certainty(certainty)
    return None


def _chain(published_by: str | None, sources: list[Source | None]) -> tuple[str, ...]:
    chain: list[str] = [published_by] if published_by else []
    for source in sources:
        if source is not None and source.name not in chain:
            chain.append(source.name)
    return tuple(chain)


def _sentence_claims(ctx: Context, sent: Sentence) -> list[Claim]:
    doc = ctx.doc
    span = Span(sent.start_char, sent.end_char, sent.text)
    verbs = lexicons.attribution_verbs()
    outer = [_resolve_source(doc, h) for h in _according_to(sent)]
    cue = _sentence_cue(doc, sent)
    claims: list[Claim] = []
    for tok in sent:
        if tok.lemma_.lower() not in verbs or not (tok.pos_ in ("VERB", "AUX")
                                                   or _verb_tagged_noun(tok)):
            continue
        subjects = [c for c in tok.children if c.dep_ in _SUBJECTS] or (
            [c for c in tok.lefts if c.dep_ in ("amod", "compound")][-1:]
            if tok.pos_ == "NOUN" else [])
        agents = [g for c in tok.children if c.dep_ == "agent" for g in c.children
                  if g.dep_ == "pobj"]
        if not subjects and not agents:
            continue
        speaker = agents[0] if agents else subjects[0]
        if tok.lemma_.lower() in ("cite", "quote") or speaker.dep_ == "nsubjpass" and not agents:
            continue
        cited = [_resolve_source(doc, h) for h in _cited(doc, tok, speaker)]
        told = [_resolve_source(doc, c) for c in tok.children
                if tok.lemma_.lower() == "tell" and c.dep_ in ("dobj", "dative")]
        # "a police officer told AFP": AFP carried the officer's words
        sources = [*outer, *[t for t in told if t is not None and t.kind != "anonymous"],
                   _resolve_source(doc, speaker), *cited]
        certainty = _verb_certainty(tok, verbs)
        origin = next((s for s in reversed(sources) if s is not None), None)
        if certainty == "reported" and cue is not None:
            certainty = cue
        elif certainty == "reported" and origin is not None and origin.kind == "anonymous":
            certainty = "unconfirmed"  # "sources said": nobody named stands behind it
        claims.append(Claim(id=claim_id(ctx.document.id, span, tok.idx), source=origin,
                            via=_chain(ctx.document.source, sources), certainty=certainty,
                            span=span))
    if not claims and (outer or cue is not None):
        if not outer and cue == "denied":
            # "The Kremlin called the reports a fabrication": the denier is the subject
            outer = [_resolve_source(doc, c) for c in sent.root.children if c.dep_ == "nsubj"]
        origin = next((s for s in reversed(outer) if s is not None), None)
        claims.append(Claim(id=claim_id(ctx.document.id, span, -1), source=origin,
                            via=_chain(ctx.document.source, outer),
                            certainty=cue or "reported", span=span))
    return claims


def find_claims(ctx: Context) -> Context:
    """Claims from every sentence's attribution frames and certainty cues, in text order."""
    claims: list[Claim] = []
    for sent in ctx.doc.sents:
        claims += _sentence_claims(ctx, sent)
    return dataclasses.replace(ctx, claims=tuple(claims))
