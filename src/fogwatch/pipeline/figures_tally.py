"""Figures, part four: whether a sentence tells a cumulative tally ("in total", "so far",
"since December", "in three years", "killed in the war", a round-up "in separate shootings",
"301 homicides last year") rather than one event's toll, and
the date after "since". A cue holds for its own clause only ('784 people have been killed this
year, but on Sunday a man was shot': the man is no tally), and a large count told in the present
perfect ('900 members have been murdered') is a recap. `figures` (the stage) marks each figure.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from fogwatch.pipeline.figures_counts import STOP, Token, match_phrase, number_at, tables
from fogwatch.records import When

__all__ = ["clause_of", "recap", "tally"]

_PERIODS = frozenset({"years", "months", "weeks", "decades"})
# tally cues that name a war: a tally only as the time of the deaths ('killed in the war')
_WARS = frozenset({"war", "conflict"})
_HAVE = frozenset({"has", "have", "had", "'s"})
_WITHIN = frozenset({"in", "during", "since", "throughout", "of", "into", "over", "across"})


def _within_war(toks: Sequence[Token], i: int) -> bool:
    """'killed in the war', 'since the civil war began', 'victims of the conflict'."""
    k = i - 1
    if k >= 0 and toks[k].text in ("the", "this") and toks[i].text not in ("the", "this"):
        k -= 1
    return k >= 0 and toks[k].text in _WITHIN


def _over_period(toks: Sequence[Token], i: int) -> bool:
    """'in three years', 'over 18 months', 'during two decades': a period of many events."""
    if toks[i].text not in ("in", "over", "during", "within") \
            or (number := number_at(toks, i + 1)) is None:
        return False
    return number[3] < len(toks) and toks[number[3]].text in _PERIODS


# plural nouns of violent events: 'shot in separate shootings' tells several incidents
_INCIDENTS = frozenset({"shootings", "incidents", "attacks", "shooting", "incident"})
# 'in a string of shootings': a phrase of several events
_SERIES = frozenset({"string", "series", "spate", "rash", "wave", "number"})
# before a plural event noun, words that point at one known group of events, not a round-up
_KNOWN = frozenset({"the", "these", "those", "this", "that", "its", "their", "his", "her",
                    "both"})
# plural nouns of killings counted as crimes: '301 homicides last year' is a crime statistic
_CRIMES = frozenset({"homicides", "murders", "killings", "slayings", "homicide"})


# units of a recent stretch of time: 'in the past few hours' dates one incident, no tally
_SHORT_UNITS = frozenset({"hours", "hour", "minutes", "minute"})
# words for an unstated number before such a unit ('in the last few hours')
_FEW = frozenset({"few", "several", "couple"})


def _short_period(toks: Sequence[Token], end: int) -> bool:
    """Whether the words from `end` on give a stretch of hours or minutes ('[in the past] 24
    hours', '[over the last] few hours'): a period cue ending in 'past' or 'last' then dates
    the events of the last hours, which a story tells one by one, not a running tally."""
    k = end
    if k < len(toks) and toks[k].text == "a" and k + 1 < len(toks) \
            and toks[k + 1].text in ("few", "couple"):
        k += 2
    elif k < len(toks) and toks[k].text in _FEW:
        k += 1
    elif (number := number_at(toks, k)) is not None:
        k = number[3]
    if k < len(toks) and toks[k].text == "of":
        k += 1
    return k < len(toks) and toks[k].text in _SHORT_UNITS


def _several_events(toks: Sequence[Token], i: int) -> bool:
    """'in separate shootings', 'in shootings across the city', 'in two incidents', 'during a
    spate of shootings': the figure sums up several events (a round-up), no one event's toll.
    Not 'in the shootings' (the ones the story tells) nor 'in a shooting'."""
    if toks[i].text not in ("in", "during") or i + 1 >= len(toks):
        return False
    k = i + 1
    if toks[k].text in ("a", "an") and k + 2 < len(toks) and toks[k + 1].text in _SERIES \
            and toks[k + 2].text == "of":
        k += 3
    elif toks[k].text in _KNOWN or toks[k].text in ("a", "an", "one"):
        return False
    for m in range(k, min(k + 4, len(toks))):
        w = toks[m].text
        if toks[m].sent != toks[i].sent or not (w.isalnum() or "-" in w) or w in STOP:
            return False
        if w in _INCIDENTS:
            singular = not w.endswith("s")
            # 'in two separate shooting incidents' / 'in shooting incidents': the noun after
            nxt = toks[m + 1].text if m + 1 < len(toks) else ""
            return not singular or nxt in ("incidents", "attacks")
    return False


def _counted_events(toks: Sequence[Token], i: int) -> bool:
    """'there were 45 such shootings', 'three overnight shootings left five hurt': a number of
    events (two or more) counted in the sentence makes its figures a sum over them."""
    number = number_at(toks, i)
    if number is None or number[1] < 2 or (i > 0 and toks[i - 1].text in _KNOWN):
        return False
    for m in range(number[3], min(number[3] + 3, len(toks))):
        w = toks[m].text
        if w in _INCIDENTS and w.endswith("s"):
            return True
        if toks[m].sent != toks[i].sent or not w.isalpha() or w in STOP:
            return False
    return False


def _yearly_crimes(toks: Sequence[Token], sentence: range) -> bool:
    """'There were 301 homicides in the city last year', 'the city had 27 murders in 2014': a
    count of killings as crimes over a year."""
    counted = any(toks[i].text in _CRIMES and i > sentence.start
                  and number_at(toks, i - 1) is not None for i in sentence)
    return counted and any(_names_year(toks, i) for i in sentence)


def _names_year(toks: Sequence[Token], i: int) -> bool:
    w = toks[i].text
    before = toks[i - 1].text if i > 0 else ""
    if w == "year":
        return before in ("last", "this", "a", "per", "the", "each", "every")
    return w.isdigit() and len(w) == 4 and 1900 <= int(w) <= 2099 \
        and before in ("in", "of", "during", "for", "since")


def tally(toks: Sequence[Token], sentence: range, clause: range,
          dates: Sequence[When]) -> tuple[bool, dt.date | None]:
    """(cumulative, since) for the figures of one clause of a sentence: a tally cue or a
    period holds for its clause, a round-up of several events for the whole sentence."""
    t = tables()
    cumulative, since = False, None
    for i in sentence:
        if i not in clause:
            cumulative = cumulative or _several_events(toks, i) or _counted_events(toks, i)
            continue
        tok = toks[i]
        if tok.text == "total" and 0 < i < len(toks) - 1 and toks[i - 1].text == "a" \
                and toks[i + 1].text == "of":
            continue  # 'a total of six people were hurt': one figure, summed up
        n = match_phrase(toks, i, t.phrases("tally"))
        if n and toks[i + n - 1].text in _WARS and not _within_war(toks, i):
            continue  # 'the war worsened with the murder of four nuns': no tally of the war
        if n and toks[i + n - 1].text in ("past", "last") and _short_period(toks, i + n):
            continue  # 'two guards were shot in the past few hours': this news, no tally
        if tok.text == "since" and i > 0 and toks[i - 1].text in _HAVE:
            continue  # 'a man shot on Friday has since died': the adverb, no tally
        if n or _over_period(toks, i) or _several_events(toks, i) \
                or _counted_events(toks, i):
            cumulative = True
            if tok.text == "since":
                since = next((w.start for w in dates if w.span and w.start
                              and tok.end <= w.span.start < tok.end + 60), since)
    return cumulative or _yearly_crimes(toks, sentence), since


# words that open a new clause after a comma: a cue before them is not theirs, nor theirs before
_CLAUSE_AFTER_COMMA = frozenset({"and", "but", "while", "whereas", "although", "though", "yet",
                                 "bringing", "making", "raising", "pushing", "the"})
# words that open a new clause wherever they stand
_CLAUSE_WORDS = frozenset({";", "but", "whereas", "although"})


def clause_of(toks: Sequence[Token], sentence: range, i: int) -> range:
    """The clause of the sentence that token i stands in, where a tally cue holds: split at ';',
    'but', 'whereas', 'although' and a comma before 'and', 'while', 'bringing', 'the' ... An
    opening stretch with no number ('So far this year, ...') belongs to the clause after it, and
    a 'when' after 'since' and a date opens a clause of its own (`_since_when`)."""
    cuts = [k for k in sentence if toks[k].text in _CLAUSE_WORDS or (
        toks[k].text == "," and k + 1 < sentence.stop
        and toks[k + 1].text in _CLAUSE_AFTER_COMMA)]
    start, stop = sentence.start, sentence.stop
    for k in cuts:
        if k < i and any((number_at(toks, m) is not None and not toks[m].in_date)
                         or toks[m].text in ("a", "an") for m in range(start, k)):
            start = k  # (a count before the cut: the clause before is a clause of its own)
        elif k > i:
            stop = k
            break
    when = next((k for k in range(i - 1, start, -1) if _since_when(toks, k)), None)
    if when is not None and any(
            toks[k].text == "," and any(number_at(toks, m) is not None and not toks[m].in_date
                                        for m in range(k, i + 1)) for k in range(when, i)):
        when = None  # a count after a comma stands past the 'when' clause: 'since May, when
        # the truce ended, 40 people died' (but 'when Luis Diaz, a judge, was shot' is one)
    return range(when if when is not None else start, stop)


def _since_when(toks: Sequence[Token], k: int) -> bool:
    """Whether token k is a 'when' right after 'since' and a date ('vacant since 3 May, when
    the judge was shot'): the 'when' clause tells the one event that dates the start, so the
    'since' is not its tally."""
    if toks[k].text != "when":
        return False
    m = k - 1
    if m >= 0 and toks[m].text == ",":
        m -= 1
    date_start = m
    while date_start >= 0 and toks[date_start].in_date and m - date_start < 6:
        date_start -= 1
    return date_start < m and date_start >= 0 and toks[date_start].text == "since"


# a count at least this large told in the present perfect sums up many events
_RECAP_AT_LEAST = 50


def recap(toks: Sequence[Token], first: int, last: int, best: int | None) -> bool:
    """'784 people have been killed', 'nearly 100,000 who have died', 'has killed more than
    15,000 people': a large count in the present perfect is a running tally, not one toll; so
    is a victim's rank in a series ('he is the third judge killed this year', `_rank`)."""
    if _rank(toks, first):
        return True
    if best is None or best < _RECAP_AT_LEAST:
        return False
    return any(toks[k].text in ("have", "has", "'ve") and toks[k].sent == toks[first].sent
               for k in range(max(0, first - 2), min(last + 1, len(toks))))


# ordinals that rank a victim in a series of killings
_ORDINALS = frozenset({"second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                       "ninth", "tenth"})
# verbs that say who someone is: 'he is the third ...'
_COPULAS = frozenset({"is", "was", "becomes", "became"})


def _rank(toks: Sequence[Token], first: int) -> bool:
    """'Perez is the second mayor murdered this month', 'he was the third journalist killed':
    a victim told before, ranked in a series, is no victim more. Not 'the third victim died'
    (no verb saying who someone is) nor 'a second man was shot' (one more)."""
    k = first - 1 if first > 0 and toks[first].text in _ORDINALS else first
    return 0 < k < len(toks) - 1 and toks[k].text == "the" \
        and toks[k + 1].text in _ORDINALS and toks[k - 1].text in _COPULAS
