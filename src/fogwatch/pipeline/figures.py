"""Stage 'figures': numbers and vague amounts tied to what happened -> Figures.

A count is a number mention ("1,200", "twenty-three", "a dozen", "dozens", "a man") with its
hedge ("as many as", "at least") and range ("five to ten"), linked to a kind word from
`data/figures_cues.csv` by the phrasing around it, in one of four shapes:

    victims first   "ten soldiers were killed", "5 dead", "three people dead and 12 wounded"
    kind first      "killing 5", "killed a soldier", "the deaths of two children"
    toll            "the death toll rose to 12"
    coordination    "three soldiers and two civilians were killed" (both share the predicate)

The matching runs on lower-cased tokens and word tables, so it holds on ALL-CAPS wires where the
parser's tags are unreliable. Figures in a sentence with a tally cue ("in total", "so far",
"since December") are cumulative, with `since` taken from a date after "since". The tables:
`figures_numbers.csv` (number words and vague amounts -> low/best/high), `figures_cues.csv`
(kind words and how they take their victims), `figures_words.csv` (hedges, tally cues, fillers).
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import functools
import io
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import cast

from fogwatch.pipeline.context import Context
from fogwatch.records import Figure, FigureKind, Span, When

__all__ = ["find_figures", "head_word", "is_toll", "person_words", "word_number"]


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
    cues = {tuple(r["phrase"].split()): (cast(FigureKind, r["kind"]), r["role"])
            for r in _rows("figures_cues.csv")}
    words: dict[str, dict[tuple[str, ...], str]] = {}
    for r in _rows("figures_words.csv"):
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


def _tokens(ctx: Context) -> list[Token]:
    in_date = [(w.span.start, w.span.end) for w in ctx.dates if w.span]
    sent_of: dict[int, int] = {}
    for n, sent in enumerate(ctx.doc.sents):
        for tok in sent:
            sent_of[tok.i] = n
    text = ctx.document.text
    cased = sum(c.islower() for c in text) > sum(c.isupper() for c in text) // 4
    names = {e.start for e in ctx.doc.ents if e.label_ == "PERSON"} if cased else set()
    return [Token(t.lower_, t.idx, t.idx + len(t.text), sent_of.get(t.i, 0),
                  any(s <= t.idx < e for s, e in in_date), cased and t.pos_ in ("VERB", "AUX"),
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


def _match(toks: Sequence[Token], i: int, phrases: _Phrases) -> int:
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


def _number_at(toks: Sequence[Token], i: int) -> tuple[int, int, int, int] | None:
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
    if (n_vague := _match(toks, i, t.numbers)) and t.numbers[
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


def _count_at(toks: Sequence[Token], i: int) -> Count | None:
    t = tables()
    hedge = None
    n_hedge = _match(toks, i, t.phrases("hedge"))
    if n_hedge:
        hedge = t.phrases("hedge")[tuple(x.text for x in toks[i:i + n_hedge])]
    j = i + n_hedge
    number = _number_at(toks, j)
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
            and (upper := _number_at(toks, end + 1)) and upper[1] > best:
        high, end = upper[1], upper[3]
    elif hedge == "between" and end < len(toks) \
            and toks[end].text == "and" and (upper := _number_at(toks, end + 1)):
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
    if word in ("a", "an"):
        return Count(1, 1, 1, i, i + 1, person="article")
    if word in tables().singles("pronoun"):
        return Count(1, 1, 1, i, i + 1, person="pronoun")
    if toks[i].name:
        return Count(1, 1, 1, i, i, person="name")
    if word in tables().singles("determiner") and _names_person(toks, i + 1, i + 5):
        return Count(1, 1, 1, i, i + 1, person="determiner")
    if _titled(toks, i):
        return Count(1, 1, 1, i, i, person="bare")
    return None


def _titled(toks: Sequence[Token], i: int) -> bool:
    """'minister Antonio Rodriguez', 'liberal leader Luis Galan', "Delgado's driver": a person
    named by a word for one person within the next few words, without an article."""
    people = tables().singles("person")
    for k in range(i, min(i + 4, len(toks))):
        w = toks[k].text
        if w in people:
            return True
        if not (w.isalpha() or w in ("'s", "'")) or w in _STOP or toks[k].in_date \
                or w in tables().singles("filler") or _cue_at(toks, k) \
                or toks[k].sent != toks[i].sent:
            return False
    return False


def _names_person(toks: Sequence[Token], start: int, end: int) -> bool:
    """Whether the words start:end name one person ('young girl', '16-year-old', 'mayor')."""
    people = tables().singles("person")
    for k in range(start, min(end, len(toks))):
        w = toks[k].text
        if w in people or w.endswith("-old") or (w == "old" and k > start and (
                toks[k - 1].text.endswith("-") or toks[k - 1].text in ("year", "years"))):
            return True
        if w in _STOP or toks[k].sent != toks[start].sent:
            return False
    return False


def _is_measure(toks: Sequence[Token], c: Count) -> bool:
    """'5 km', '15-year-old', '$5', '10 percent': numbers that are not counts of anything."""
    units = tables().singles("unit")
    nxt = toks[c.end].text if c.end < len(toks) else ""
    after = toks[c.end + 1].text if c.end + 1 < len(toks) else ""
    prev = toks[c.start - 1].text if c.start > 0 else ""
    ages = {"year", "month", "week", "day"}
    return nxt in units or (c.person == "" and _number_at(toks, c.end) is not None) \
        or (nxt == "-" and after.strip("-") in units | ages) \
        or (nxt.startswith("-") and nxt.strip("-") in units | ages) \
        or (c.best is not None and c.best > MAX_COUNT) \
        or prev in ("$", "no.", "#", "number", "resolution", "article", "route", "highway")


# --- linking a count to a kind ---------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Link:
    kind: FigureKind
    who: tuple[int, int] | None  # token range of the victims' words
    first: int  # token range of the whole figure
    last: int
    shot: bool = False  # "were shot": wounded unless the story tells they died


def _cue_at(toks: Sequence[Token], i: int) -> tuple[FigureKind, str, int] | None:
    n = _match(toks, i, tables().cues)
    if not n:
        return None
    kind, role = tables().cues[tuple(x.text for x in toks[i:i + n])]
    return kind, role, n


_STOP = {"and", "or", "but", "in", "on", "at", "by", "near", "during", "after", "when", "while",
         "about", "to", "into", "for", "over", "through", "against", "under", "than", "every",
         "as", "with", "from", "including", "among", "the", "that", "this", ",", ".", ";",
         ":", "(", ")", "--", "\"", "'", "said", "says", "say", "who", "which", "since",
         "before", "until", "because"}


def _victims(toks: Sequence[Token], i: int, limit: int = 7) -> int:
    """End of the victims' words starting at i ('Turkish soldiers', 'of them')."""
    t = tables()
    j = i
    if j < len(toks) and toks[j].text == "of":
        j += 1
    fillers = t.singles("filler") - {"of", "them", "others"}
    while j < len(toks) and j - i < limit and toks[j].sent == toks[i].sent:
        w = toks[j].text
        compound = j + 1 < len(toks) and toks[j + 1].text == "-"  # "15-year-old"
        if w in _STOP or w in fillers or toks[j].in_date or toks[j].verb or _cue_at(toks, j) \
                or w in ("a", "an") or not (w.isalpha() or "-" in w or w.isdigit() or w == "'s") \
                or (j > i and not compound and _number_at(toks, j) is not None):
            break
        j += 1
    return j


def _shot(toks: Sequence[Token], i: int, n: int) -> bool:
    """Whether the kind words toks[i:i+n] tell people hit by gunfire ('were shot')."""
    return toks[i].text in tables().singles("shot") or any(
        toks[k].text == "gunshot" for k in range(i, i + n))


def _right_link(toks: Sequence[Token], c: Count, counts: dict[int, Count],
                depth: int = 0) -> Link | None:
    """Victims first: '<count> <victims> [were ...] <kind>'."""
    t = tables()
    who_end = _victims(toks, c.end)
    j, passive = who_end, False
    if j + 2 < len(toks) and toks[j].text == "," and toks[j + 1].text.isdigit() \
            and toks[j + 2].text == ",":
        j += 3  # "John Smith, 34, died"
    while j < len(toks) and j - who_end < 6 and toks[j].text in t.singles("filler") \
            and not _cue_at(toks, j):
        passive = passive or toks[j].text in t.singles("passive")
        j += 1
    who = (c.end, who_end) if who_end > c.end else None
    cue = _cue_at(toks, j) if j < len(toks) and toks[j].sent == toks[c.start].sent else None
    if cue is None:
        if depth < 3 and j < len(toks) and toks[j].text in ("and", "or") \
                and (nxt := counts.get(j + 1)) is not None:
            link = _right_link(toks, nxt, counts, depth + 1)
            return Link(link.kind, who, c.start, link.last, link.shot) if link else None
        return None
    kind, role, n = cue
    if role in ("toll",) or (role == "noun" and c.start > 0 and (
            left := _cue_at(toks, c.start - 1)) and left[1] == "transitive"):
        return None  # "beheaded two hostages": the verb before the count tells what happened
    if role == "transitive" and not passive:
        after = j + n
        if after < len(toks) and (toks[after].text in t.singles("object") or after in counts
                                  or _number_at(toks, after) is not None):
            return None  # active voice: the count names the perpetrators, not the victims
    if role == "wounds" and who is None:
        return None  # "two bullet wounds": a count of wounds, not of people
    if c.person and (not (passive or role in ("state", "wounds"))
                     or (who is None and c.person != "pronoun")):
        return None  # "a man was killed", not "a dead end" or "a bomb killed"
    if c.multiplier and (who is not None or role != "noun"):
        return None
    if any(toks[k].text in t.singles("perpetrator") for k in range(c.end, j)):
        return None  # "five men suspected of killing": the count names the suspects
    return Link(kind, who, c.start, j + n - 1, _shot(toks, j, n))


def _left_link(toks: Sequence[Token], c: Count) -> Link | None:
    """Kind first: 'killing 5', 'killed a soldier', 'the deaths of two', 'toll rose to 12'."""
    who_end = _victims(toks, c.end)
    who = (c.end, who_end) if who_end > c.end else None
    last = max(who_end - 1, c.end - 1)
    i = c.start - 1
    if i >= 0 and toks[i].text == "of":
        i -= 1
    for n in range(1, 5):
        k = i - n + 1
        cue = _cue_at(toks, k) if k >= 0 else None
        if cue and cue[2] == n and cue[1] in ("transitive", "noun"):
            if cue[1] == "noun" and toks[c.start - 1].text != "of":
                continue
            return Link(cue[0], who, k, last, _shot(toks, k, cue[2]))
    if c.start > 0 and toks[c.start - 1].text in ("to", "at", "of", "reached", "hit", "is", "was",
                                                  "stands", "stood", ":"):
        for k in range(c.start - 2, max(-1, c.start - 9), -1):
            cue = _cue_at(toks, k)
            if cue and cue[1] == "toll" and toks[k].sent == toks[c.start].sent:
                return Link(cue[0], who, k, last, _shot(toks, k, cue[2]))
    return None


# --- cumulative tallies ----------------------------------------------------------------------

def _tally(toks: Sequence[Token], sentence: range,
           dates: Sequence[When]) -> tuple[bool, dt.date | None]:
    t = tables()
    cumulative, since = False, None
    for i in sentence:
        tok = toks[i]
        if _match(toks, i, t.phrases("tally")):
            cumulative = True
            if tok.text == "since":
                since = next((w.start for w in dates if w.span and w.start
                              and tok.end <= w.span.start < tok.end + 60), since)
    return cumulative, since


# --- the stage -------------------------------------------------------------------------------

def _counts(toks: Sequence[Token]) -> dict[int, Count]:
    counts: dict[int, Count] = {}
    i = victims_end = 0
    while i < len(toks):
        c = _count_at(toks, i)
        if c is None or (c.person in ("name", "bare") and i < victims_end):
            i += 1  # (a name or title among the victims of a count is no count of its own)
            continue
        if toks[max(c.end - 1, c.start)].in_date or _is_measure(toks, c):
            i = max(c.end, i + 1)  # "12 million", "15 km": none of its words counts
            continue
        counts[c.start] = c
        victims_end = _victims(toks, c.end)
        i = max(c.end, c.start + 1)
        while c.person in ("name", "bare") and i < len(toks) and toks[i].text.isalpha() \
                and toks[i].text not in _STOP and not _cue_at(toks, i):
            i += 1  # the rest of the name
    return counts


def _figures(ctx: Context) -> list[Figure]:
    """Every linked count; the counts of people shot become the wounded among them."""
    found = list(_linked(ctx))
    killed = {(f.best, head_word(f.who)) for f, shot in found
              if f.kind == "killed" and not f.cumulative and not shot and f.best is not None}
    dead = sum(best for best, _ in killed if best is not None)
    figures = []
    for figure, shot in found:
        if shot and figure.best is not None and not _others(figure):
            died = min(dead, figure.best)
            if died == figure.best:
                continue  # every one of them died: the killed figures tell it
            figure = dataclasses.replace(
                figure, low=None if figure.low is None else max(figure.low - died, 0),
                best=figure.best - died,
                high=None if figure.high is None else figure.high - died)
        figures.append(figure)
    return figures


def _others(figure: Figure) -> bool:
    """'six others were shot': the rest, beside those already told of."""
    return figure.span is not None and bool(
        {"other", "others"} & set(figure.span.text.lower().split()))


def head_word(who: str | None) -> str | None:
    """The last word of a victims' phrase ('Turkish soldiers' -> 'soldiers')."""
    words = re.findall(r"[\w-]+", who.lower()) if who else []
    return words[-1] if words else None


def person_words() -> frozenset[str]:
    """Words for one person ('man', 'mayor', 'judge'), from `figures_words.csv`."""
    return tables().singles("person")


def is_toll(figure: Figure) -> bool:
    """Whether a figure is a toll ('the death toll rose to 12'): it updates the smaller figures
    of its kind in the same story rather than adding to them."""
    if figure.span is None:
        return False
    words = tuple(figure.span.text.lower().split())
    cues = tables().cues
    return any(words[:n] in cues and cues[words[:n]][1] == "toll" for n in range(1, 4))


def _linked(ctx: Context) -> Iterator[tuple[Figure, bool]]:
    text = ctx.document.text
    toks = _tokens(ctx)
    counts = _counts(toks)
    bounds: dict[int, list[int]] = {}
    for i, tok in enumerate(toks):
        bounds.setdefault(tok.sent, [i, i])[1] = i
    sentences = {n: range(a, b + 1) for n, (a, b) in bounds.items()}
    for c in counts.values():
        link = _right_link(toks, c, counts) or _left_link(toks, c)
        if link is None or (c.person in ("article", "determiner") and not (
                link.who and _names_person(toks, link.who[0], link.who[1]))):
            continue
        who = text[toks[link.who[0]].start:toks[link.who[1] - 1].end] if link.who else None
        if who and who.lower().startswith("of "):
            who = who[3:]
        elif who and who.lower() == "of":
            who = None
        cumulative, since = _tally(toks, sentences[toks[c.start].sent], ctx.dates)
        start, end = toks[link.first].start, toks[link.last].end
        yield Figure(kind=link.kind, who=who, low=c.low, best=c.best, high=c.high,
                     cumulative=cumulative, since=since,
                     span=Span(start, end, text[start:end])), link.shot


def find_figures(ctx: Context) -> Context:
    """Fill `ctx.figures` with every count linked to what happened to whom, in text order."""
    return dataclasses.replace(ctx, figures=tuple(_figures(ctx)))
