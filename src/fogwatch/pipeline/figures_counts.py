"""Figures, part one: the word tables, the tokens and the number mentions ("1,200",
"twenty-three", "a dozen", "as many as ten", "a man", "the mayor") that `figures` links to
what happened. Kept apart so each part stays readable; `figures` is the stage.
"""

from __future__ import annotations

import csv
import functools
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import cast

from fogwatch.pipeline.context import Context
from fogwatch.records import FigureKind

__all__ = ["MAX_COUNT", "STOP", "Count", "Tables", "Token", "count_at", "cue_at", "is_cased",
           "is_measure", "match_phrase", "names_person", "number_at", "tables", "tokens",
           "word_number"]


def _rows(name: str) -> list[dict[str, str]]:
    table = resources.files("fogwatch.data").joinpath(name)
    return list(csv.DictReader(io.StringIO(table.read_text(encoding="utf-8"))))


def _int(value: str) -> int | None:
    return int(value) if value else None


@dataclass(frozen=True, slots=True)
class Tables:
    numbers: dict[tuple[str, ...], tuple[str, int | None, int | None, int | None]]
    cues: dict[tuple[str, ...], tuple[FigureKind, str]]
    words: dict[str, dict[tuple[str, ...], str]]

    def phrases(self, kind: str) -> dict[tuple[str, ...], str]:
        return self.words.get(kind, {})

    def singles(self, kind: str) -> frozenset[str]:
        return _singles(kind)


@functools.lru_cache(maxsize=1)
def tables() -> Tables:
    numbers = {tuple(r["phrase"].split()): (r["kind"], _int(r["low"]), _int(r["best"]),
                                            _int(r["high"])) for r in _rows("figures_numbers.csv")}
    # (the wound tables add the phrasing of US shooting news: 'struck in the leg', 'in stable
    # condition', body parts)
    cues = {tuple(r["phrase"].split()): (cast(FigureKind, r["kind"]), r["role"])
            for r in _rows("figures_cues.csv") + _rows("figures_wound_cues.csv")}
    words: dict[str, dict[tuple[str, ...], str]] = {}
    for r in _rows("figures_words.csv") + _rows("figures_wound_words.csv"):
        words.setdefault(r["kind"], {})[tuple(r["phrase"].split())] = r["value"]
    return Tables(numbers, cues, words)


@functools.lru_cache(maxsize=32)
def _singles(kind: str) -> frozenset[str]:
    return frozenset(p[0] for p in tables().phrases(kind) if len(p) == 1)


def word_number(word: str) -> int | None:
    """The value of a single number word ("three", "twenty", "dozen"); None for anything else."""
    entry = tables().numbers.get((word.lower(),))
    return entry[2] if entry and entry[0] in ("unit", "tens") else None


# --- tokens ----------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Token:
    text: str  # lower-cased
    start: int
    end: int
    sent: int
    in_date: bool = False
    verb: bool = False  # a verb by the tagger, trusted only on mixed-case text
    name: bool = False  # the first word of a person's name, trusted only on mixed-case text


def is_cased(text: str) -> bool:
    """Whether a text is in mixed case, where the tagger's names and verbs can be trusted (not
    an ALL-CAPS wire)."""
    return sum(c.islower() for c in text) > sum(c.isupper() for c in text) // 4


def tokens(ctx: Context) -> list[Token]:
    in_date = {at for w in ctx.dates if w.span for at in range(w.span.start, w.span.end)}
    sent_of: dict[int, int] = {}
    for n, sent in enumerate(ctx.doc.sents):
        for tok in sent:
            sent_of[tok.i] = n
    cased = is_cased(ctx.document.text)
    names = {e.start for e in ctx.doc.ents if e.label_ == "PERSON"} if cased else set()
    return [Token(t.lower_, t.idx, t.idx + len(t.text), sent_of.get(t.i, 0),
                  t.idx in in_date, cased and t.pos_ in ("VERB", "AUX"),
                  t.i in names)
            for t in ctx.doc if not t.is_space]


_Phrases = (dict[tuple[str, ...], str] | dict[tuple[str, ...], tuple[FigureKind, str]]
            | dict[tuple[str, ...], tuple[str, int | None, int | None, int | None]])
# Phrase tables indexed by their first word (the tables live for the process: lru_cache above).
_BY_FIRST_WORD: dict[int, dict[str, list[tuple[str, ...]]]] = {}


def _by_first_word(phrases: _Phrases) -> dict[str, list[tuple[str, ...]]]:
    index = _BY_FIRST_WORD.get(id(phrases))
    if index is None:
        index = {}
        for phrase in sorted(phrases, key=len, reverse=True):
            index.setdefault(phrase[0], []).append(phrase)
        _BY_FIRST_WORD[id(phrases)] = index
    return index


def match_phrase(toks: Sequence[Token], i: int, phrases: _Phrases) -> int:
    """Length of the longest phrase (in tokens) that starts at toks[i]; 0 if none."""
    if i >= len(toks):
        return 0
    for phrase in _by_first_word(phrases).get(toks[i].text, ()):
        n = len(phrase)
        if i + n <= len(toks) and all(toks[i + k].text == phrase[k] for k in range(1, n)) \
                and toks[i].sent == toks[i + n - 1].sent:
            return n
    return 0


# --- number mentions -------------------------------------------------------------------------

MAX_COUNT = 10_000_000  # more than this in one report is not a count of people or things
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+$|^\d+\.\d+$")


@dataclass(frozen=True, slots=True)
class Count:
    low: int | None
    best: int | None
    high: int | None
    start: int  # token index of the first word (hedge included)
    end: int  # token index after the last word of the number
    # "a man", "the mayor", "he", "Maria Lopez": a count of one only in particular frames
    person: str = ""  # "", "article", "determiner", "pronoun" or "name"
    multiplier: bool = False  # "a triple homicide": a count only right before a kind noun


def number_at(toks: Sequence[Token], i: int) -> tuple[int, int, int, int] | None:
    """(low, best, high, end) of a plain number starting at token i."""
    t = tables()
    if i >= len(toks):
        return None
    word = toks[i].text
    if _DIGITS.match(word):
        value = float(word.replace(",", ""))
        end = i + 1
        if end < len(toks) and (scale := t.numbers.get((toks[end].text,))) \
                and scale[0] == "scale" and scale[2]:
            value, end = value * scale[2], end + 1
        n = int(value)
        return n, n, n, end
    if (n_vague := match_phrase(toks, i, t.numbers)) and t.numbers[
            tuple(x.text for x in toks[i:i + n_vague])][0] == "vague":
        _, low, best, high = t.numbers[tuple(x.text for x in toks[i:i + n_vague])]
        return low or 0, best or 0, high if high is not None else -1, i + n_vague
    return _words_number(toks, i)


def _words_number(toks: Sequence[Token], i: int) -> tuple[int, int, int, int] | None:
    """'twenty - three', 'one hundred and twenty', 'two dozen' -> value."""
    t = tables()
    total, current, end, j = 0, 0, i, i
    while j < len(toks):
        entry = t.numbers.get((toks[j].text,))
        if entry is None or entry[0] == "vague" or entry[2] is None:
            if toks[j].text in ("-", "and") and end == j and j + 1 < len(toks) \
                    and (nxt := t.numbers.get((toks[j + 1].text,))) and nxt[0] != "vague" \
                    and current:
                j += 1
                continue
            break
        kind, value = entry[0], entry[2]
        if kind == "scale" or (kind == "unit" and value == 12 and current):
            current = max(current, 1) * value
            if value >= 1000:
                total, current = total + current, 0
        else:
            current += value
        j += 1
        end = j
    if end == i:
        return None
    n = total + current
    return n, n, n, end


def count_at(toks: Sequence[Token], i: int) -> Count | None:
    t = tables()
    hedge = None
    n_hedge = match_phrase(toks, i, t.phrases("hedge"))
    if n_hedge:
        hedge = t.phrases("hedge")[tuple(x.text for x in toks[i:i + n_hedge])]
    j = i + n_hedge
    number = number_at(toks, j)
    if j < len(toks) and toks[j].text == "no" and j + 1 < len(toks) \
            and toks[j + 1].text in ("longer", "more", "sooner", "doubt", "less", "matter"):
        return None
    if j < len(toks) and (entry := t.numbers.get((toks[j].text,))) and entry[0] == "multiplier" \
            and entry[2] is not None:
        return Count(entry[2], entry[2], entry[2], i, j + 1, multiplier=True)
    if number is None:
        return _one_person(toks, j) if not n_hedge else None
    low, best, high, end = number
    if end < len(toks) and toks[end].text in ("to", "-", "or") \
            and (upper := number_at(toks, end + 1)) and upper[1] > best:
        high, end = upper[1], upper[3]
    elif hedge == "between" and end < len(toks) \
            and toks[end].text == "and" and (upper := number_at(toks, end + 1)):
        high, end = upper[1], upper[3]
    bounds: tuple[int | None, int | None, int | None] = (low, best, None if high < 0 else high)
    if hedge == "up_to":
        bounds = (1 if best else 0, best, best)
    elif hedge == "at_least":
        bounds = (best, best, None)
    elif hedge == "approx":
        bounds = (None, best, None)
    elif hedge == "nearly":
        bounds = (None, best, best)
    return Count(*bounds, start=i, end=end)


def _one_person(toks: Sequence[Token], i: int) -> Count | None:
    """A count of one: 'a man', 'the mayor', 'he', a person's name (victims checked later)."""
    if i >= len(toks):
        return None
    word = toks[i].text
    if word in ("a", "an") and i > 0 and toks[i - 1].text in ("not", "nor", "without"):
        return None  # 'not a single soldier was killed': nobody
    if word in ("a", "an", "another"):  # "another man was shot": one more
        return Count(1, 1, 1, i, i + 1, person="article")
    if word in tables().singles("pronoun"):
        return Count(1, 1, 1, i, i + 1, person="pronoun")
    if toks[i].name and not (i > 0 and toks[i - 1].text in _PLACE_BEFORE):
        return Count(1, 1, 1, i, i, person="name")  # (not 'a woman from Covington')
    if word in tables().singles("determiner") and names_person(toks, i + 1, i + 6):
        return Count(1, 1, 1, i, i + 1, person="determiner")
    if _titled(toks, i) and not _after_article(toks, i):
        return Count(1, 1, 1, i, i, person="bare")
    return None


def _after_article(toks: Sequence[Token], i: int) -> bool:
    """Whether the words before toks[i] go back to an article ('a single soldier', 'an
    off-duty officer'): inside a phrase that the article counts, no title of its own."""
    k = i - 1
    while k >= 0 and i - k <= 4 and toks[k].text.isalpha() and toks[k].text not in STOP \
            and toks[k].text not in _ARTICLES:
        k -= 1
    return k >= 0 and toks[k].text in _ARTICLES


def _titled(toks: Sequence[Token], i: int) -> bool:
    """'minister Antonio Rodriguez', 'liberal leader Luis Galan', "Delgado's driver": a person
    named by a word for one person within the next few words, without an article."""
    people = tables().singles("person")
    for k in range(i, min(i + 4, len(toks))):
        w = toks[k].text
        if w in people:
            return True
        if not (w.isalpha() or w in ("'s", "'")) or w in STOP or w in _ARTICLES \
                or toks[k].verb or toks[k].in_date \
                or w in tables().singles("filler") or cue_at(toks, k) \
                or toks[k].sent != toks[i].sent:
            return False
    return False


def names_person(toks: Sequence[Token], start: int, end: int) -> bool:
    """Whether the words start:end name one person ('young girl', '16-year-old', 'mayor')."""
    people = tables().singles("person")
    for k in range(start, min(end, len(toks))):
        w = toks[k].text
        if w in people or w.endswith(("-old", "-grader")) or (w == "old" and k > start and (
                toks[k - 1].text.endswith("-") or toks[k - 1].text in ("year", "years"))) \
                or (w == "grader" and k > start and toks[k - 1].text == "-"):  # 'eighth-grader'
            return True
        if w in STOP or (w in _ARTICLES and k > start) or toks[k].sent != toks[start].sent:
            return False  # 'the shooting sent a girl': an article opens another phrase
    return False


# a name after these is where someone is or comes from, whatever the tagger took it for
_PLACE_BEFORE = frozenset({"from", "in", "near", "inside", "outside"})
# an article opens a new noun phrase: a title ('sent a girl') or a person's words end before it
_ARTICLES = frozenset({"a", "an", "another"})


def is_measure(toks: Sequence[Token], c: Count) -> bool:
    """'5 km', '15-year-old', '$5', '10 percent': numbers that are not counts of anything."""
    units = tables().singles("unit")
    nxt = toks[c.end].text if c.end < len(toks) else ""
    after = toks[c.end + 1].text if c.end + 1 < len(toks) else ""
    prev = toks[c.start - 1].text if c.start > 0 else ""
    ages = {"year", "month", "week", "day"}
    return nxt in units or (c.person == "" and number_at(toks, c.end) is not None
                            and not _age_next(toks, c.end)) \
        or (nxt == "-" and after.strip("-") in units | ages) \
        or (nxt.startswith("-") and nxt.strip("-") in units | ages) \
        or (c.best is not None and c.best > MAX_COUNT) \
        or prev in ("$", "no.", "#", "number", "resolution", "article", "route", "highway",
                    "aged", "ages", "channel")


def _age_next(toks: Sequence[Token], i: int) -> bool:
    """Whether the number at toks[i] is an age in words ('two 15-year-old boys', 'three
    20 year old men'): the count before it counts people of that age."""
    words = tuple(t.text for t in toks[i + 1:i + 3])
    return words in (("-", "year"), ("year", "old"), ("-", "month"), ("month", "old"))


def cue_at(toks: Sequence[Token], i: int) -> tuple[FigureKind, str, int] | None:
    n = match_phrase(toks, i, tables().cues)
    if not n:
        return None
    kind, role = tables().cues[tuple(x.text for x in toks[i:i + n])]
    return kind, role, n


STOP = {"and", "or", "but", "in", "on", "at", "by", "near", "inside", "outside", "during",
         "after", "when", "while", "about", "to", "into", "for", "over", "through", "against",
         "under", "than", "every",
         "as", "with", "from", "including", "among", "the", "that", "this", ",", ".", ";",
         ":", "(", ")", "--", "\"", "'", "said", "says", "say", "who", "which", "since",
         "before", "until", "because"}
