"""Figures, part three: the words around a linked count that change what it tells. An aside
between the victims and the kind word ('six priests (four Spaniards and two Salvadorans) were
killed'), a second object of 'left' ('left one man dead and another wounded'), a participle
('a toddler wounded in the crossfire') and a wound that turned fatal ('a man was shot and
later died', 'shot his neighbor, who died'). `figures` (the stage) uses them while linking.
"""

from __future__ import annotations

from collections.abc import Sequence

from fogwatch.pipeline.figures_counts import Count, Token, cue_at, tables

__all__ = ["CLAUSE_ENDS", "PARTICIPLE_NEXT", "among_told", "died_after", "died_as_subject",
           "left_and", "past_aside"]

CLAUSE_ENDS = frozenset({",", ";", ".", ":", "--", "[", "]", "(", ")", "where", "when",
                         "while", "after", "because", "but", "said", "says", "say", "if",
                         "whether", "than"})

_ASIDES = {"(": ")", "[": "]", "--": "--", "\u2013": "\u2013", "\u2014": "\u2014"}  # and dashes
# words after a participle that tell it is one ('a man wounded in the attack', 'shot by police')
PARTICIPLE_NEXT = frozenset({"in", "by", "during", "on", "after", "while", "when", "outside",
                             "inside", "near", "early", "late", "last", "overnight"})


def left_and(toks: Sequence[Token], start: int) -> bool:
    """'the blast left one man dead and another wounded': a count after 'and' in a clause
    that 'left' opens is, like the first, the object of 'left'."""
    if start < 2 or toks[start - 1].text != "and":
        return False
    leaving = tables().singles("leaving")
    for k in range(start - 2, max(-1, start - 10), -1):
        if toks[k].sent != toks[start].sent or toks[k].text in CLAUSE_ENDS:
            return False
        if toks[k].text in leaving:
            return True
    return False


def past_aside(toks: Sequence[Token], j: int) -> int:
    """The token after an aside that follows the victims ('six priests (four Spaniards and two
    Salvadorans) were killed', 'two women -- a cook and her daughter -- died'); j if none."""
    close = _ASIDES.get(toks[j].text) if j < len(toks) else None
    if close is None and j + 1 < len(toks) and toks[j].text == "," \
            and toks[j + 1].text in ("including", "among", "both", "all"):
        close = ","  # 'two officers, including her partner, were wounded'
    if close is None:
        return j
    for k in range(j + 1, min(j + 14, len(toks))):
        if toks[k].sent != toks[j].sent or toks[k].text in _ASIDES and toks[k].text != close:
            return j
        if toks[k].text == close:
            return k + 1
    return j


# after a wound, words that tell the wounded died: 'who later died', 'but died', 'where he died'
_DIED_OPENERS = frozenset({"who", "but", "where", "and"})
_DIED_ADVERBS = frozenset({"later", "subsequently", "then", "soon", "eventually", "shortly",
                           "also", "both", "he", "she", "they", "has", "had", "have"})


def died_after(toks: Sequence[Token], last: int) -> int | None:
    """The end of 'who later died', 'but died', ', where he was pronounced dead' right after a
    wound's words ('a man was shot and later died', 'shot his uncle, who died'), if any."""
    sent = toks[last].sent
    for k in range(last + 1, min(last + 10, len(toks))):
        w = toks[k].text
        if toks[k].sent != sent or w in (";", ".") or cue_at(toks, k):
            return None
        if w not in _DIED_OPENERS:
            continue
        m = k + 1
        while m < len(toks) and m - k <= 3 and toks[m].text in _DIED_ADVERBS:
            m += 1
        if m < len(toks) and toks[m].text in ("was", "were"):
            m += 1
            while m < len(toks) and m - k <= 5 and toks[m].text in _DIED_ADVERBS:
                m += 1
        if m >= len(toks) or toks[m].sent != sent:
            return None
        if toks[m].text in ("died", "succumbed"):
            return m
        n = m + 1
        if n < len(toks) and (toks[m].text, toks[n].text) in (("passed", "away"),
                                                                ("pronounced", "dead")):
            return n
        return None
    return None


def among_told(toks: Sequence[Token], start: int, counts: dict[int, Count]) -> bool:
    """Whether the count at `start` follows 'including' after a count told before it in its
    sentence ('four people were killed, including a boy'): one of those people, no count of
    its own."""
    if start == 0 or toks[start - 1].text != "including":
        return False
    return any(toks[k].sent == toks[start].sent for k in counts if k < start)


# may stand between a participle's phrase and the main verb 'died' ('has since died')
_BEFORE_DIED = frozenset({"has", "have", "had", "since", "later", "now", "subsequently"})
_LONGEST_PARTICIPLE_PHRASE = 20


def died_as_subject(toks: Sequence[Token], after: int) -> int | None:
    """The main verb 'died' of a sentence whose subject is a person told with a participle
    ('a boy shot Sunday during a hunting trip has died', 'the man wounded in the attack died
    Monday'), from the token after the participle; None when another verb, a clause or the
    sentence ends first."""
    if after >= len(toks):
        return None
    sent = toks[after].sent
    for k in range(after, min(after + _LONGEST_PARTICIPLE_PHRASE, len(toks))):
        w = toks[k].text
        if toks[k].sent != sent or (w in CLAUSE_ENDS and w != ",") \
                or w in ("and", "or", "who", "which", "that"):
            return None
        if w in ("died", "succumbed") and k > after and (toks[k - 1].text in _BEFORE_DIED
                                                         or not toks[k - 1].verb):
            return k
        if toks[k].verb and w not in _BEFORE_DIED:
            return None
    return None
