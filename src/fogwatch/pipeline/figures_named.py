"""Figures, part two: one victim told by the grammar alone on ALL-CAPS wires. The tagger finds
no names in ALL-CAPS text, so "RAMON ORTIZ, A FARMER, WAS KILLED", "ORTIZ DIED" and "THE MURDER
OF RAMON ORTIZ" have no count; their grammar tells one person all the same. `figures` (the
stage) turns each into a figure of one where no count was linked to the kind word.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import cast

from fogwatch.pipeline.figures_counts import STOP, Token, cue_at, match_phrase, number_at, tables
from fogwatch.records import FigureKind

__all__ = ["Named", "one_named"]


@dataclass(frozen=True, slots=True)
class Named:
    kind: FigureKind
    who: tuple[int, int]  # token range of the person's words
    first: int  # token range of the whole figure
    last: int


_CLAUSE_START = frozenset({"--", "]", ";", ":", "\"", "that", "and", "but"})


def _words_back(toks: Sequence[Token], end: int, limit: int = 5) -> int:
    """Start of the run of plain words (no stop word, filler or kind word) ending before end."""
    fillers = tables().singles("filler")
    k = end
    while k > 0 and end - k < limit and toks[k - 1].sent == toks[end - 1].sent:
        w = toks[k - 1].text
        if not (w.isalpha() or w == "'s") or w in STOP or w in fillers or toks[k - 1].in_date \
                or cue_at(toks, k - 1) or number_at(toks, k - 1) is not None:
            break
        k -= 1
    return k


def _subject(toks: Sequence[Token], k: int) -> tuple[int, int] | None:
    """Token range of the one person before 'was' at toks[k] ('RAMON ORTIZ', or past the
    apposition in 'RAMON ORTIZ, 45, A FARMER FROM LEON, WAS' and 'RAMON ORTIZ, WHO WAS')."""
    end = k
    if end > 1 and toks[end - 1].text == "who" and toks[end - 2].text == ",":
        end -= 2
    elif end > 0 and toks[end - 1].text == ",":
        start = end - 1
        while start > 0 and toks[start - 1].sent == toks[k].sent \
                and toks[start - 1].text not in _CLAUSE_START:
            start -= 1
        commas = [start - 1] + [n for n in range(start, end) if toks[n].text == ","]
        end = next((b for a, b in zip(commas, commas[1:], strict=False)
                    if b > a + 1 and not toks[a + 1].in_date and (
                        toks[a + 1].text not in STOP
                        or (a == start - 1 and _described(toks, a + 1, b)))),
                   0)
        if not end:
            return None
    first = _words_back(toks, end)
    if first == end or toks[first].text in tables().singles("pronoun") \
            or toks[first].text in tables().singles("determiner") \
            or any(toks[n].text in _NEGATION for n in range(max(first - 3, 0), end)):
        return None  # counted as a count of its own ('the mayor', 'he'), or none at all
    return first, end


def _described(toks: Sequence[Token], start: int, end: int) -> bool:
    """'THE SALVADORAN LEADER HECTOR OQUELI': a phrase that opens with 'the' and names one
    person, before the apposition of '..., WHO WAS KIDNAPPED, WAS FOUND DEAD'; not one that
    opens a clause or tells a group ('THE PEASANTS')."""
    head = toks[end - 1].text
    return toks[start].text == "the" and end - start > 1 \
        and all(toks[k].text.isalpha() and toks[k].text not in STOP
                for k in range(start + 1, end)) \
        and not (head in _GROUPS or head.endswith(_PLURAL_ENDINGS)
                 or (head.endswith("s") and head[:-1] in tables().singles("person")))


# Words for a group of people: 'its crew died' tells no count.
_GROUPS = frozenset({"crew", "family", "group", "patrol", "unit", "army", "police", "population",
                     "troops", "forces", "team", "staff", "passengers"})
_NEGATION = frozenset({"no", "not", "never", "nobody", "none", "neither", "nor"})
# Endings of English plurals of words for people ('Hondurans', 'peasants', 'workers'); names
# in -s ('Flores', 'Navas') keep the one victim.
_PLURAL_ENDINGS = ("ans", "ants", "ents", "ers", "ors", "ists", "ies", "ites", "uits")


def _person_word(word: str) -> bool:
    """Whether a word tells a kind of people rather than a name ('peasants', 'crew')."""
    people = tables().singles("person") | {"people", "persons", "civilians", "members", "others"}
    return word in people or word in _GROUPS or word.endswith(_PLURAL_ENDINGS) \
        or (word.endswith("s") and word[:-1] in people)


# words that may stand before a list of names, or between its names
_LIST_OPENERS = frozenset({"", ".", ",", "and", ":", "--", "]", "that", "when"})


def _names_back(toks: Sequence[Token], end: int, sent: int) -> list[tuple[int, int]] | None:
    """The names of a list that ends before toks[end], last first ('RAMON ORTIZ, LUIS PEREZ,
    AND JOSE DIAZ'); None when an item is no name ('PEASANTS AND WORKERS', 'HE')."""
    t = tables()
    names: list[tuple[int, int]] = []
    while end > 0 and len(names) < 8:
        first = _words_back(toks, end)
        if first == end or any(_person_word(toks[n].text) for n in range(first, end)) \
                or toks[first].text in t.singles("pronoun"):
            if names and toks[end].text == ",":
                break  # 'REPORTS FROM THE POLICE, ORTIZ AND LUNA': the list starts after it
            return None
        before = toks[first - 1] if first > 0 else None
        if names and before is not None and before.sent == sent \
                and before.text not in _LIST_OPENERS:
            break  # 'AFTER THE RAID, ORTIZ AND LUNA': the list starts after the comma
        names.append((first, end))
        k = _before_item(toks, first)
        if k < 0 or toks[k].sent != sent or k + 1 == first:
            break
        end = k + 1
    return names


def _before_item(toks: Sequence[Token], first: int) -> int:
    """The last token of the item before a list's item that starts at `first`, past the ','
    / 'and' / ', and' between them; `first` - 1 when none stands there."""
    k = first - 1
    if k >= 0 and toks[k].text == "and":
        k -= 1
        if k >= 0 and toks[k].text == ",":
            k -= 1
    elif k >= 0 and toks[k].text == ",":
        k -= 1
    else:
        return first - 1
    return k


def _kind_after(toks: Sequence[Token], j: int) -> tuple[int, FigureKind, int] | None:
    """(position, kind, length) of the killed or wounded kind word that follows 'were' at
    toks[j] ('were [also] killed'), if one does."""
    t = tables()
    m = j + 1
    while m < len(toks) and m - j <= 3 and toks[m].text in t.singles("adverb"):
        m += 1
    cue = cue_at(toks, m) if m < len(toks) and toks[m].sent == toks[j].sent else None
    if cue is None or cue[0] not in ("killed", "wounded") \
            or cue[1] not in ("transitive", "state") or toks[m].text.endswith("ing") \
            or (cue[2] == 1 and toks[m].text in t.singles("shot")):
        return None
    return m, cue[0], cue[2]


def _named_list(toks: Sequence[Token], j: int, taken: set[int]) -> Iterator[Named]:
    """'RAMON ORTIZ, LUIS PEREZ, AND JOSE DIAZ WERE KILLED': one victim for each name of a
    list of two or more before 'were' and the kind word (not 'PEASANTS AND WORKERS')."""
    found = _kind_after(toks, j)
    if found is None or found[0] in taken:
        return
    m, kind, length = found
    end = j - 1 if toks[j - 1].text == "," else j  # 'ORTIZ, LUNA, AND DIAZ, WERE KILLED'
    names = _names_back(toks, end, toks[j].sent)
    if names is None:
        return
    start = names[-1][0] if names else j
    opener = toks[start - 1].text if start > 0 and toks[start - 1].sent == toks[j].sent else ""
    if len(names) < 2 or opener not in _LIST_OPENERS \
            or any(n in taken for a, b in names for n in range(a, b)) \
            or all(b - a == 1 for a, b in names):
        return
    for a, b in reversed(names):
        yield Named(kind, (a, b), a, m + length - 1)


# words that open a clause, not a list of victims ('MEANWHILE, 15 PEOPLE WERE KILLED')
_NO_NAME = frozenset({"meanwhile", "however", "moreover", "also", "then", "later", "today",
                      "yesterday", "there", "here", "now", "thus", "furthermore", "besides"})


def _names_before_count(toks: Sequence[Token], j: int, taken: set[int]) -> Iterator[Named]:
    """'RAMON ORTIZ, HIS SON, AND 15 OTHERS WERE KILLED': the names that open a list whose
    other items are counts already linked to the kind word; one victim for each, told with
    the counts as one list."""
    found = _kind_after(toks, j)
    if found is None or found[0] not in taken or j not in taken:
        return
    m, kind, length = found
    sent = toks[j].sent
    p = j
    while p > 0 and p - 1 in taken and toks[p - 1].sent == sent:
        p -= 1  # the first word of the counts' run ('HIS SON, AND 15 OTHERS WERE KILLED')
    k = _before_item(toks, p)
    if k == p - 1 or not any(toks[n].text == "and" for n in range(k + 1, j)):
        return  # no list: 'IN THE EAST, 15 PEOPLE WERE KILLED'
    names = _names_back(toks, k + 1, sent)
    if not names:
        return
    start = names[-1][0]
    opener = toks[start - 1].text if start > 0 and toks[start - 1].sent == sent else ""
    if opener not in _LIST_OPENERS or any(n in taken for a, b in names for n in range(a, b)) \
            or any(b - a == 1 and (toks[a].text in _NO_NAME or toks[a].text.endswith("ly"))
                   for a, b in names):
        return
    for a, b in reversed(names):
        yield Named(kind, (a, b), a, m + length - 1)


def one_named(toks: Sequence[Token], taken: set[int]) -> Iterator[Named]:
    """On ALL-CAPS text: one person killed or wounded by the grammar alone, where no count was
    linked to the kind word: '<words> was [also] killed', '<words> died' and 'the murder of
    <words>'."""
    t = tables()
    adverbs = t.singles("adverb")
    people = t.singles("person") | {"people", "persons", "civilians", "members", "others"}
    for j, tok in enumerate(toks):
        if tok.text == "were":
            yield from _named_list(toks, j, taken)
            yield from _names_before_count(toks, j, taken)
        elif tok.text == "was" or (tok.text == "been" and j > 0
                                 and toks[j - 1].text in ("has", "had")):
            m = j + 1
            while m < len(toks) and m - j <= 3 and toks[m].text in adverbs:
                m += 1
            cue = cue_at(toks, m) if m < len(toks) and toks[m].sent == tok.sent else None
            if cue is None or m in taken or cue[0] not in ("killed", "wounded") \
                    or cue[1] not in ("transitive", "state") or toks[m].text.endswith("ing") \
                    or (cue[2] == 1 and toks[m].text in t.singles("shot")):
                continue
            who = _subject(toks, j - 1 if tok.text == "been" else j)
            if who is not None:
                yield Named(cue[0], who, who[0], m + cue[2] - 1)
        elif tok.text == "died" and j not in taken:
            k = j
            while k > 0 and j - k < 2 and toks[k - 1].text in adverbs:
                k -= 1
            who = _subject(toks, k)
            head = toks[who[1] - 1].text if who else ""
            if who is not None and not (head in people or head in _GROUPS
                                        or head.endswith(_PLURAL_ENDINGS)
                                        or (head.endswith("s") and head[:-1] in people)):
                yield Named("killed", who, who[0], j)  # 'NAVAS DIED', not 'PEASANTS DIED'
        elif tok.text == "'s" and (named := _possessive(toks, j, taken)) is not None:
            yield named
        elif (n := _victim_start(toks, j)) and j + n < len(toks):
            yield from _victims_of(toks, j, j + n, taken)


def _victim_nouns() -> dict[str, str]:
    """The kind nouns of `victim_of` phrases ('murder' of 'murder of') and their kinds."""
    return {phrase[0]: kind for phrase, kind in tables().phrases("victim_of").items()}


# may stand between a victim_of noun and its 'of' as the place or time of the death
_GAP_OPENERS = frozenset({"in", "on", "last"})


def _victim_start(toks: Sequence[Token], j: int) -> int:
    """How many tokens from toks[j] to the victim's words after a `victim_of` phrase ('the
    murder of <NAME>'), or after its noun, a place or time and 'of' ('THE ASSASSINATION IN
    FEBRUARY OF <NAME>', 'THE MURDER ON 3 MAY OF <NAME>'); 0 if none starts there."""
    n = match_phrase(toks, j, tables().phrases("victim_of"))
    if n or toks[j].text not in _victim_nouns() or j + 2 >= len(toks) \
            or toks[j + 1].text not in _GAP_OPENERS:
        return n
    for k in range(j + 2, min(j + 7, len(toks))):
        w = toks[k].text
        if toks[k].sent != toks[j].sent or not (w.isalnum() and (w not in STOP or w == "the")) \
                or cue_at(toks, k):
            return 0
        if w == "of":
            return k + 1 - j if k > j + 2 else 0
    return 0


def _past_age(toks: Sequence[Token], i: int) -> int:
    """The token after an age that opens a victim's words ('the killing of 42-YEAR-OLD RAMON
    ORTIZ'); i if there is none."""
    words = [toks[k].text for k in range(i, min(i + 5, len(toks)))]
    if len(words) == 5 and words[0].isdigit() and words[1:] == ["-", "year", "-", "old"]:
        return i + 5
    return i


# may follow a possessive victim's kind word: "ORTIZ'S MURDER WAS PLANNED" (a noun after it
# tells no death: "ARENA'S DEATH SQUADS", nor does 'of': "THE ARMY'S KILLING OF ...")
_AFTER_POSSESSED = frozenset({"was", "is", "has", "had", "have", "will", "would", "could",
                              "must", "should", "may", "remains", "occurred", "took", "came"})


def _possessive(toks: Sequence[Token], j: int, taken: set[int]) -> Named | None:
    """"RAMON ORTIZ'S MURDER", "THE ARCHBISHOP'S ASSASSINATION": one victim named, or told
    by a word for one person after 'the', before "'s" and a kind noun of `victim_of`."""
    t = tables()
    n = j + 1
    nouns = _victim_nouns()
    if n >= len(toks) or toks[n].text not in nouns or n in taken or toks[n].sent != toks[j].sent:
        return None
    after = toks[n + 1].text if n + 1 < len(toks) and toks[n + 1].sent == toks[n].sent else ""
    if after.isalpha() and after not in STOP and after not in _AFTER_POSSESSED:
        return None
    first = _words_back(toks, j)
    head = toks[j - 1].text if j > 0 else ""
    if first == j or head in _GROUPS or head.endswith(_PLURAL_ENDINGS) \
            or toks[first].text in t.singles("pronoun") \
            or any(toks[k].text in _NEGATION for k in range(max(first - 3, 0), j)):
        return None
    before = toks[first - 1].text if first > 0 and toks[first - 1].sent == toks[j].sent else ""
    if before in t.singles("determiner") and head not in t.singles("person"):
        return None  # "THE GOVERNMENT'S MURDER", not "THE ARCHBISHOP'S MURDER"
    return Named(cast(FigureKind, nouns[toks[n].text]), (first, j), first, n)


def _name_after(toks: Sequence[Token], start: int) -> int:
    """The end of the plain words of a name that starts at `start` (up to five); `start` if
    none, or if they tell several people ('the murder of priests') or the words are no name."""
    t = tables()
    people = t.singles("person") | {"people", "persons", "civilians", "members", "others"}
    end = start  # (across the parser's sentence breaks at a wire's line ends: '.' stops it)
    while end < len(toks) and end - start < 5 \
            and toks[end].text.isalpha() and toks[end].text not in STOP \
            and not cue_at(toks, end) and toks[end].text not in t.singles("filler"):
        end += 1
    last = toks[end - 1].text if end > start else ""
    if end == start or toks[start].text in t.singles("object") \
            or toks[start].text in ("these", "those") or last.endswith(_PLURAL_ENDINGS) \
            or last in people or (last.endswith("s") and last[:-1] in people) \
            or number_at(toks, start) is not None:
        return start  # 'the murder of priests', 'of the mayor' (a count of its own)
    return end


# words after 'and' that start no second victim ('the murder of ORTIZ AND ALL THOSE ...')
_NO_VICTIM = frozenset({"all", "those", "these", "other", "others", "has", "have", "had",
                        "is", "was", "will", "would", "its", "their", "then", "later"})


def _second_victim(toks: Sequence[Token], k: int, taken: set[int]) -> int:
    """The end of a second victim after the 'and' at toks[k] ('the assassination of ORTIZ AND
    [OF] LUIS PEREZ', '... AND HIS WIFE', '... AND HIS DRIVER, LUIS PEREZ'); 0 if none."""
    start = k + 2 if k + 1 < len(toks) and toks[k + 1].text == "of" else k + 1
    if start >= len(toks) or toks[start].sent != toks[k].sent or toks[start].text in _NO_VICTIM:
        return 0
    if toks[start].text in ("his", "her") and start + 2 < len(toks):
        # one relative or aide ('AND HIS WIFE'), or anyone named after ('AND HIS COMPANION,
        # ANA GOMEZ'), but no group ('AND HIS MEN')
        end = start + 2
        named = _name_after(toks, end + 1) if toks[end].text == "," else end + 1
        word = toks[start + 1].text
        several = word in _GROUPS or word.endswith(_PLURAL_ENDINGS) \
            or (word.endswith("s") and word[:-1] in tables().singles("person"))
        if several or not word.isalpha() \
                or (named == end + 1 and word not in tables().singles("person")):
            return 0
        end = named if named > end + 1 else end
    else:
        end = _name_after(toks, start)
    words = [toks[n].text for n in range(start, end)]
    if end == start or any(w.endswith(("ed", "ing")) for w in words) \
            or any(n in taken for n in range(start, end)):
        return 0  # 'the murder of ORTIZ AND CONDEMNED ...': a verb, no name
    return end


def _victims_of(toks: Sequence[Token], j: int, start: int, taken: set[int]) -> Iterator[Named]:
    """'the murder of <NAME>' and the victim after its 'and', if any: one victim each, told as
    one list (the same last word) so neither stands for the other."""
    kind = cast(FigureKind, _victim_nouns()[toks[j].text])
    start = _past_age(toks, start)
    end = _name_after(toks, start)
    if end == start:
        return
    second = _second_victim(toks, end, taken) if end < len(toks) and toks[end].text == "and" \
        else 0
    if start in taken and not second:
        return  # told by a count of its own ('the murder of judge Ortiz')
    last = (second or end) - 1
    yield Named(kind, (start, end), j, last)
    if second:
        yield Named(kind, (end + 1, second), j, last)
