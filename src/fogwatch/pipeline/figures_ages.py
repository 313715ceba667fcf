"""Figures: numbers that describe a person rather than count victims. Local news gives a
person's age in commas after the name or the word for them ('Mark Jones, 20, and Lisa Brown,
17, were shot', 'two men, 18 and 20, were hurt') and a parent's children ('a father of three
was shot'); such a number counts nobody. `figures` (the stage) leaves them out of its counts.
"""

from __future__ import annotations

from collections.abc import Sequence

from fogwatch.pipeline.figures_counts import STOP, Token

__all__ = ["age_run", "children_of"]

_OLDEST = 120
# what may follow an age told in commas: the closing comma, the next age of a list, a bracket
_AFTER_AGE = frozenset({",", "and", ")", ";"})


def _age(toks: Sequence[Token], i: int) -> bool:
    word = toks[i].text
    return word.isdigit() and int(word) <= _OLDEST


def age_run(toks: Sequence[Token], i: int) -> int | None:
    """The end of a run of ages that starts at toks[i] ('20', '18 and 20') right after a name
    or a word for people and a comma, and closes with a comma, 'and' or a bracket; None when
    the number there is no age ('In Denver, 12 people were shot')."""
    comma = i - 2 if i > 1 and toks[i - 1].text == "also" else i - 1  # 'a teen, also 15,'
    if comma < 1 or not _age(toks, i) or toks[comma].text != "," \
            or toks[comma].sent != toks[i].sent:
        return None
    before = toks[comma - 1].text
    if not before.isalpha() or before in STOP:
        return None  # 'Smith, 20,' or 'two men, 18 and 20,'; not 'at 9:30, 12 were hurt'
    j = i + 1
    while j + 1 < len(toks) and toks[j].text in ("and", ",") and _age(toks, j + 1) \
            and toks[j + 1].sent == toks[i].sent:
        j += 2  # '18 and 20', '18, 19 and 20'
    if j + 1 < len(toks) and toks[j].text in ("years", "year") and toks[j + 1].text == "old":
        j += 2  # 'a second teen, also 15 years old, was shot'
    if j < len(toks) and toks[j].text not in _AFTER_AGE:
        return None  # 'Smith, 20 people ...': the number counts the words after it
    return j


_PARENTS = frozenset({"father", "mother", "parent", "dad", "mom", "grandfather", "grandmother",
                      "grandparent", "fathers", "mothers", "parents"})


def children_of(toks: Sequence[Token], i: int) -> bool:
    """Whether the number at toks[i] tells a parent's children ('a father of 3', 'mother of
    two'), not people hurt."""
    return i >= 2 and toks[i - 1].text == "of" and toks[i - 2].text in _PARENTS
