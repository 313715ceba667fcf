"""Figures, part four: whether a sentence tells a cumulative tally ("in total", "so far",
"since December", "in three years", "killed in the war") rather than one event's toll, and
the date after "since". `figures` (the stage) marks each figure of such a sentence.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from fogwatch.pipeline.figures_counts import Token, match_phrase, number_at, tables
from fogwatch.records import When

__all__ = ["tally"]

_PERIODS = frozenset({"years", "months", "weeks", "decades"})
# tally cues that name a war: a tally only as the time of the deaths ('killed in the war')
_WARS = frozenset({"war", "conflict"})
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


def tally(toks: Sequence[Token], sentence: range,
          dates: Sequence[When]) -> tuple[bool, dt.date | None]:
    """(cumulative, since) for the figures of one sentence."""
    t = tables()
    cumulative, since = False, None
    for i in sentence:
        tok = toks[i]
        if tok.text == "total" and 0 < i < len(toks) - 1 and toks[i - 1].text == "a" \
                and toks[i + 1].text == "of":
            continue  # 'a total of six people were hurt': one figure, summed up
        n = match_phrase(toks, i, t.phrases("tally"))
        if n and toks[i + n - 1].text in _WARS and not _within_war(toks, i):
            continue  # 'the war worsened with the murder of four nuns': no tally of the war
        if n or _over_period(toks, i):
            cumulative = True
            if tok.text == "since":
                since = next((w.start for w in dates if w.span and w.start
                              and tok.end <= w.span.start < tok.end + 60), since)
    return cumulative, since
