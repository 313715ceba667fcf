"""Figures: numbers that describe a person rather than count victims. Local news gives a
person's age in commas after the name or the word for them ('Mark Jones, 20, and Lisa Brown,
17, were shot', 'two men, 18 and 20, were hurt') and a parent's children ('a father of three
was shot'); such a number counts nobody. `figures` (the stage) leaves them out of its counts.
"""

from __future__ import annotations

from collections.abc import Sequence

from fogwatch.pipeline.figures_counts import STOP, Token, cue_at, names_person, tables

__all__ = ["age_run", "aged_person", "children_of", "people_apposition"]

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


_LONGEST_APPOSITION = 30


def people_apposition(toks: Sequence[Token], comma: int) -> int | None:
    """The closing comma of the people listed in commas after a count of them ('three victims,
    a 20-year-old man, a 31-year-old woman and a boy, 14, were taken to hospitals'), when the
    predicate follows it; None when the comma at `comma` opens no such list."""
    if comma >= len(toks) or toks[comma].text != ",":
        return None
    filler = tables().singles("filler")
    for k in range(comma + 1, min(comma + _LONGEST_APPOSITION, len(toks) - 1)):
        w = toks[k].text
        if toks[k].sent != toks[comma].sent or toks[k].verb or cue_at(toks, k) \
                or (w in STOP and w not in (",", "and")):
            return None
        if w == "," and k > comma + 1 and (toks[k + 1].text in filler
                                           or cue_at(toks, k + 1) is not None):
            return k if names_person(toks, comma + 1, k) else None
    return None


# words before an age that already count the person it describes ('a 15-year-old', 'his
# 3-year-old son') or make it no person ('the 15-year-old law', '2 15-year-olds'); after 'of'
# the person is left to the words before ('the killing of 42-year-old Pedro Gomez', which the
# tests of ALL-CAPS readings pin as no figure in mixed case)
_COUNTED_BEFORE = frozenset({"a", "an", "another", "the", "his", "her", "their", "its", "our",
                             "my", "your", "this", "that", "one", "each", "every", "-", "of"})


def aged_person(toks: Sequence[Token], i: int) -> int | None:
    """The end of an age in words ('3-year-old', '19 year old') that opens a person's words
    without an article: 'a woman and 3-year-old child are dead', 'the death of 19-year-old
    Tom Reed' count one person. None when toks[i] opens no such age."""
    if i >= len(toks) or not _age(toks, i) or (i > 0 and (toks[i - 1].text in _COUNTED_BEFORE
                                        or toks[i - 1].text.isdigit())):
        return None
    words = [t.text for t in toks[i + 1:i + 5]]
    if words[:4] == ["-", "year", "-", "old"]:
        end = i + 5
    elif words[:2] == ["year", "old"] or words[:3] == ["-", "year", "old"]:
        end = i + 3 if words[0] == "year" else i + 4
    else:
        return None
    if end >= len(toks) or toks[end].sent != toks[i].sent:
        return None
    return end if toks[end].name or names_person(toks, end, end + 3) else None
