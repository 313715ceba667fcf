"""Stage 'figures': numbers and vague amounts tied to what happened -> Figures.

A count (`figures_counts`) is a number mention ("1,200", "twenty-three", "a dozen", "dozens")
with its hedge ("as many as", "at least") and range ("five to ten"), or one person ("a man",
"the mayor", "he", a name, "judge Carlos Perez"), linked to a kind word from
`data/figures_cues.csv` by the phrasing around it, in one of five shapes:

    victims first   "ten soldiers were killed", "5 dead", "three people dead and 12 wounded"
    kind first      "killing 5", "killed a soldier", "the deaths of two children"
    toll            "the death toll rose to 12"
    coordination    "three soldiers and two civilians were killed" (both share the predicate)
    list            "killed 5 soldiers and 3 civilians" (the second count shares the first's kind)

People "shot" (or with gunshot wounds) are the wounded among them: the story's dead are taken
off their count ("two were shot, one fatally" = 1 wounded, 1 killed).

The matching runs on lower-cased tokens and word tables, so it holds on ALL-CAPS wires where the
parser's tags are unreliable; there, one person told by name alone ("ORTIZ, A FARMER, WAS
KILLED", "THE MURDER OF RAMON ORTIZ") comes from `figures_named`. Figures in a sentence with a
tally cue ("in total", "so far", "since December") are cumulative, with `since` taken from a
date after "since". The tables: `figures_numbers.csv` (number words and vague amounts ->
low/best/high), `figures_cues.csv` (kind words and how they take their victims),
`figures_words.csv` (hedges, tally cues, fillers), and for the phrasing of shooting news
`figures_wound_cues.csv` ('struck in the leg') and `figures_wound_words.csv` (words telling
people shot lived or died, body parts).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from fogwatch.pipeline.context import Context
from fogwatch.pipeline.figures_ages import age_run, aged_person, children_of, people_apposition
from fogwatch.pipeline.figures_clauses import (
    CLAUSE_ENDS,
    PARTICIPLE_NEXT,
    among_told,
    died_after,
    died_as_subject,
    left_and,
    past_aside,
)
from fogwatch.pipeline.figures_counts import (
    STOP,
    Count,
    Token,
    count_at,
    cue_at,
    is_cased,
    is_measure,
    names_person,
    number_at,
    tables,
    tokens,
    word_number,
)
from fogwatch.pipeline.figures_furniture import elsewhere_lines
from fogwatch.pipeline.figures_named import one_named
from fogwatch.pipeline.figures_tally import clause_of, recap, tally
from fogwatch.pipeline.figures_wounded import head_word, person_words, wounded_less_dead
from fogwatch.records import Figure, FigureKind, Span

__all__ = ["find_figures", "head_word", "is_toll", "office_words", "person_words", "word_number"]


# --- linking a count to a kind ---------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Link:
    kind: FigureKind
    who: tuple[int, int] | None  # token range of the victims' words
    first: int  # token range of the whole figure
    last: int
    shot: bool = False  # "were shot": wounded unless the story tells they died
    lived: bool = False  # "... in stable condition": the people shot lived (`_lived`)


def _victims(toks: Sequence[Token], i: int, limit: int = 7) -> int:
    """End of the victims' words starting at i ('Turkish soldiers', 'of them')."""
    t = tables()
    j = i
    if j < len(toks) and toks[j].text == "of":
        j += 1
        if j + 1 < len(toks) and toks[j].text in ("the", "those", "these", "his", "her", "their"):
            j += 1  # "three of the victims"
        if (whole := number_at(toks, j)) is not None:
            j = whole[3]  # "two of the five hostages", "one of six others"
            if (cue := cue_at(toks, j)) is not None and cue[1] == "noun":
                j += cue[2]  # "two of the four shooting victims": the group's own words
    fillers = t.singles("filler") - {"of", "them", "others"}
    if (aged := aged_person(toks, i)) is not None:
        limit += aged - i  # '22-year-old Victor Rangel Orozco': the age is five tokens
    while j < len(toks) and j - i < limit and toks[j].sent == toks[i].sent:
        w = toks[j].text
        compound = j + 1 < len(toks) and toks[j + 1].text == "-"  # "15-year-old"
        if j > i and children_of(toks, j) and (kids := number_at(toks, j)) is not None:
            j = kids[3]  # 'a father of three': his children are of his words
            continue
        if (number := number_at(toks, j)) is not None and _times(toks, number[3]):
            break  # 'shot him three more times': how often, not whom
        if w in STOP or w in fillers or toks[j].in_date or toks[j].verb or cue_at(toks, j) \
                or w in ("a", "an", "another") \
                or not (w.isalpha() or "-" in w or w.isdigit() or w == "'s") \
                or (j > i and not compound and number_at(toks, j) is not None):
            break
        j += 1
    if j - 1 > i and toks[j - 1].text == "of":
        j -= 1  # "the 12 members of the party": the victims end before a dangling 'of'
    return j


def _times(toks: Sequence[Token], end: int) -> bool:
    """Whether a number ending at `end` tells how often ('shot one time', 'three more times')."""
    k = end + 1 if end < len(toks) and toks[end].text in ("more", "other") else end
    return k < len(toks) and toks[k].text in ("time", "times")


def _sent_to_hospital(toks: Sequence[Token], start: int, j: int) -> bool:
    """'the shooting sent five people to the hospital', 'medics rushed both victims to a
    hospital': the object of a verb of carrying, then 'to' a hospital (the wounded)."""
    senders = tables().singles("carried") | {"sent", "sending", "sends", "took", "rushed"}
    if start == 0 or toks[start - 1].text not in senders or j >= len(toks) \
            or toks[j].text != "to":
        return False
    return any(toks[k].text in tables().singles("hospital") and toks[k].sent == toks[j].sent
               for k in range(j + 1, min(j + 6, len(toks))))


def _to_hospital(toks: Sequence[Token], j: int) -> bool:
    """'was taken to Mercy General Hospital', 'were rushed to St. Luke's Medical Center':
    people carried to a hospital, named or not (the wounded, unless they died)."""
    t = tables()
    if j + 2 >= len(toks) or toks[j].text not in t.singles("carried") \
            or toks[j + 1].text != "to":
        return False
    return any(toks[k].text in t.singles("hospital") and toks[k].sent == toks[j].sent
               for k in range(j + 2, min(j + 10, len(toks))))


def _shot(toks: Sequence[Token], i: int, n: int) -> bool:
    """Whether the kind words toks[i:i+n] tell people hit by gunfire ('were shot', 'gunshot
    wounds') or taken to hospital: some of them may have died. 'Shot and wounded' tells they
    lived."""
    if n > 1 and toks[i + n - 1].text in ("wounded", "injured"):
        return False
    return toks[i].text in tables().singles("shot") or _to_hospital(toks, i) \
        or (n > 2 and toks[i].text in ("struck", "hit")) or any(
        toks[k].text in ("gunshot", "hospital", "bullet", "bullets", "gunfire")
        for k in range(i, i + n))


def _right_link(toks: Sequence[Token], c: Count, counts: dict[int, Count],
                depth: int = 0) -> Link | None:
    """Victims first: '<count> <victims> [were ...] <kind>'."""
    t = tables()
    who_end = _victims(toks, c.end)
    j, passive = who_end, False
    also = 1 if j + 1 < len(toks) and toks[j + 1].text == "also" else 0
    if j + 2 + also < len(toks) and toks[j].text == "," \
            and (ages := age_run(toks, j + 1 + also)) is not None and toks[ages].text == ",":
        j = ages + 1  # "John Smith, 34, died", "another teen, also 15, was shot", "18 and 20"
    elif c.person == "" and (listed := people_apposition(toks, j)) is not None:
        j = listed + 1  # 'two victims, a man, 20, and a woman, 31, were taken to a hospital'
    j = base = past_aside(toks, j)
    if _apposition_closes(toks, c, who_end, j):
        j = base = j + 1  # 'Jose Ortiz, a 17-year-old student, died': the name's predicate
    suffering = t.singles("suffering")
    while j < len(toks) and j - base < 6 and not cue_at(toks, j) and (
            toks[j].text in t.singles("filler") or (toks[j].text in ("a", "an")
                                                    and toks[j - 1].text in suffering)
            or (j > base and toks[j - 1].text in t.singles("passive")
                and toks[j].text in t.singles("adverb"))):  # 'was badly injured'
        passive = passive or toks[j].text in t.singles("passive") \
            or toks[j].text in t.singles("suffering")  # 'a child received minor injuries'
        if toks[j].text == "to":
            passive = False  # 'two men were believed to have shot', not '... to have been shot'
        j += 1
    who = (c.end, who_end) if who_end > c.end else None
    # "the shooting left a man injured": the count is the object of 'left', its kind a state
    passive = passive or (c.start > 0 and toks[c.start - 1].text in t.singles("leaving")) \
        or left_and(toks, c.start)
    cue = cue_at(toks, j) if j < len(toks) and toks[j].sent == toks[c.start].sent else None
    if cue is None and (_to_hospital(toks, j) or _sent_to_hospital(toks, c.start, who_end)):
        cue = ("wounded", "state", 2)
    if cue is None:
        # "three soldiers and two civilians were killed", "a colonel, a judge, and a senator
        # were killed": each count of the list shares the predicate
        step = 2 if j + 1 < len(toks) and toks[j].text == "," \
            and toks[j + 1].text in ("and", "or") else 1
        if depth < 4 and j + step < len(toks) and toks[j + step].text in _DEFINITE \
                and toks[j].text == "and" and j + step + 1 in counts:
            step += 1  # 'left him and his two sons dead'
        if depth < 4 and j < len(toks) and toks[j].text in ("and", "or", ",") \
                and (nxt := counts.get(j + step)) is not None:
            if _object_of_verb(toks, c.start):
                return None  # 'killed two people and seven more were shot': the verb's object
            link = _right_link(toks, nxt, counts, depth + 1)
            if link and toks[j].text == "," and step == 1 \
                    and not _list_item(toks, c, who, nxt, link):
                return None  # "Galan, the party's candidate, was killed": an apposition
            return Link(link.kind, who, c.start, link.last, link.shot) if link else None
        m = _past_clause(toks, c.start, j, counts)
        cue = cue_at(toks, m) if m is not None else None
        if m is None or cue is None:
            return None
        j, passive = m, True
    kind, role, n = cue
    if role in ("toll",) or (role == "noun" and c.start > 0 and (
            left := cue_at(toks, c.start - 1)) and left[1] == "transitive"):
        return None  # "beheaded two hostages": the verb before the count tells what happened
    if role == "transitive" and not passive and c.person and j == who_end \
            and j + n < len(toks) and (toks[j + n].text in PARTICIPLE_NEXT
                                       or toks[j + n].in_date):  # 'a boy shot Sunday'
        passive = True  # 'a toddler wounded in the shooting': a participle, not a verb
        if c.start == 0 or toks[c.start - 1].sent != toks[c.start].sent \
                or toks[c.start - 1].text in ("\"", ",", "--", ":", "said", "says", "that"):
            main = died_as_subject(toks, j + n)  # 'a boy shot Sunday has died': the subject's
            if main is not None:
                return Link("killed", who, c.start, main, False)
    if role == "transitive" and not passive:
        after = j + n
        if after < len(toks) and (toks[after].text in t.singles("object") or after in counts
                                  or number_at(toks, after) is not None):
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
    if kind == "wounded" and j == c.end and (died := _then_died(toks, j + n)) is not None:
        # "two wounded soldiers died in hospital": the wounded are dead now
        victims_end, died_at = died
        return Link("killed", (j + n, victims_end), c.start, died_at, False)
    return Link(kind, who, c.start, j + n - 1, _shot(toks, j, n))


def _apposition_closes(toks: Sequence[Token], c: Count, who_end: int, j: int) -> bool:
    """Whether the count is an apposition between commas after a name ('Jose Ortiz, a
    17-year-old student, died'), a word for a person, and its predicate follows the comma."""
    if j + 1 >= len(toks) or toks[j].text != "," or c.start == 0 \
            or toks[c.start - 1].text != "," or c.person not in ("article", "determiner") \
            or not names_person(toks, c.end, who_end):
        return False
    nxt = toks[j + 1].text
    return cue_at(toks, j + 1) is not None or nxt in tables().singles("passive") \
        or nxt in ("has", "had", "later")


def _object_of_verb(toks: Sequence[Token], start: int) -> bool:
    """Whether the count at `start` is the object of an active kind verb right before it
    ('gunmen killed two people', 'shot and killed at least three'): what happened to it is that
    verb's, never the predicate of a clause that follows."""
    for n in range(1, 5):
        k = start - n
        if k < 0:
            break
        cue = cue_at(toks, k)
        if cue is not None and cue[2] == n and cue[1] == "transitive":
            return not (k > 0 and toks[k - 1].text in tables().singles("passive"))
    return False


def _then_died(toks: Sequence[Token], i: int) -> tuple[int, int] | None:
    """The end of the victims that start at `i` and where 'died' follows them ('... soldiers
    later died'), if it does, in the same sentence."""
    end = _victims(toks, i)
    if end == i:
        return None
    k = end
    while k < len(toks) and toks[k].text in ("later", "subsequently", "also", "have", "had"):
        k += 1
    if k < len(toks) and toks[k].text in ("died", "succumbed") and toks[k].sent == toks[i].sent:
        return end, k
    return None


_CLAUSE_OPENERS = frozenset({"who", "that", "from", "of", "in", "at", "on", "inside", "outside",
                             "near"})

def _past_clause(toks: Sequence[Token], start: int, j: int,
                 counts: dict[int, Count]) -> int | None:
    """The kind word after a clause that tells more of the victims: 'two policemen guarding
    the consulate were killed', 'two women who worked there were brutally murdered'."""
    t = tables()
    if j >= len(toks) or not (toks[j].text.endswith("ing") or toks[j].text in _CLAUSE_OPENERS
                              or toks[j - 1].text == "who" or toks[j - 1].text.endswith("ing")):
        return None
    for k in range(j, min(j + 15, len(toks))):
        w = toks[k].text
        if toks[k].sent != toks[start].sent or w in CLAUSE_ENDS or cue_at(toks, k) \
                or (k > j and k in counts and counts[k].person not in ("name", "bare")
                    and not _thing(toks, counts[k])):
            return None if w not in ("died", "perished") else k
        if w in t.singles("suffering"):  # 'a boy in the car received minor injuries'
            m = k + 1
            while m < len(toks) and m - k <= 3 and toks[m].text in t.singles("filler") \
                    and not cue_at(toks, m):
                m += 1
            cue = cue_at(toks, m)
            return m if cue is not None and cue[0] == "wounded" else None
        if w in ("were", "was", "been"):
            m = k + 1
            while m < len(toks) and m - k <= 3 and (toks[m].text in t.singles("adverb")
                                                     or toks[m].text.endswith("ly")):
                m += 1
            cue = cue_at(toks, m)
            ok = cue is not None and cue[0] in ("killed", "wounded") \
                and cue[1] in ("transitive", "state") and not toks[m].text.endswith("ing")
            return m if ok else None
    return None


def _thing(toks: Sequence[Token], c: Count) -> bool:
    """'a party', 'a store': an article before no word for a person ('five men heading to a
    party were shot' goes on past it)."""
    return c.person == "article" and not names_person(toks, c.end, _victims(toks, c.end))


def _list_item(toks: Sequence[Token], c: Count, who: tuple[int, int] | None, nxt: Count,
               link: Link) -> bool:
    """Whether a count before a comma is an item of a list of victims ('a judge, a colonel and
    a senator were killed'), not a time or an apposition ('at 1210 GMT, four people were
    killed', 'Galan, the party's candidate, was killed'): people, the next count no 'the',
    and an 'and' or 'or' closing the list."""
    head = toks[who[1] - 1].text if who else ""
    people = person_words() | {"people", "persons"}
    return (c.person in ("article", "determiner") or head in people
            or (head.endswith("s") and head[:-1] in people) or head.endswith("men")) \
        and toks[nxt.start].text not in tables().singles("determiner") \
        and any(toks[k].text in ("and", "or") for k in range(nxt.start, link.last))


_DEFINITE = frozenset({"the", "these", "those", "its", "his", "her", "their"})


def _left_link(toks: Sequence[Token], c: Count) -> Link | None:
    """Kind first: 'killing 5', 'killed a soldier', 'the deaths of two', 'toll rose to 12'."""
    who_end = _victims(toks, c.end)
    who = (c.end, who_end) if who_end > c.end else None
    last = max(who_end - 1, c.end - 1)
    i = c.start - 1
    # "murdered the 77 members", "the murder of the six priests": a definite count of victims
    definite = not c.person and i > 0 and toks[i].text in _DEFINITE
    if definite:
        i -= 1
    of = i >= 0 and toks[i].text == "of"
    if of:
        i -= 1
    for n in range(4, 0, -1):  # 'fatally shot his brother' before 'shot his brother'
        k = i - n + 1
        cue = cue_at(toks, k) if k >= 0 else None
        if cue and cue[2] == n and cue[1] in ("transitive", "noun"):
            if cue[1] == "noun" and not of:
                continue
            return Link(cue[0], who, k, last, _shot(toks, k, cue[2]))
    if (body := _hit_in_body(toks, c, who_end)) is not None:
        return Link("wounded", who, c.start - 1, body, True)
    if (inverted := _inverted(toks, c)) is not None:
        return Link(inverted[0], who, inverted[1], last, _shot(toks, inverted[1], inverted[2]))
    if c.start > 0 and toks[c.start - 1].text in ("to", "at", "of", "reached", "hit", "is", "was",
                                                  "stands", "stood", ":"):
        for k in range(c.start - 2, max(-1, c.start - 9), -1):
            cue = cue_at(toks, k)
            if cue and cue[1] == "toll" and toks[k].sent == toks[c.start].sent:
                return Link(cue[0], who, k, last, _shot(toks, k, cue[2]))
        found = _toll_subject(toks, c)
        if found is not None:
            return Link(found[0], who, found[1], last, _shot(toks, found[1], found[2]))
    return None


_HITTING = frozenset({"struck", "striking", "strikes", "hit", "hitting", "hits"})
_SIDES = frozenset({"the", "his", "her", "their", "left", "right", "upper", "lower"})


def _hit_in_body(toks: Sequence[Token], c: Count, who_end: int) -> int | None:
    """The end of 'striking him in the arm', 'hit the gunman in his left leg': a bullet that
    struck a person where the body part after 'in' tells (the person wounded, as if 'shot')."""
    if c.start == 0 or toks[c.start - 1].text not in _HITTING or who_end >= len(toks) \
            or toks[who_end].text != "in":
        return None
    k = who_end + 1
    while k < len(toks) and k - who_end <= 3 and toks[k].text in _SIDES:
        k += 1
    if k < len(toks) and toks[k].text in tables().singles("body") \
            and toks[k].sent == toks[c.start].sent:
        return k
    return None


def _inverted(toks: Sequence[Token], c: Count) -> tuple[FigureKind, int, int] | None:
    """The kind told first in an inverted sentence: 'Also wounded in the shooting were two
    men', 'Killed was a 17-year-old boy': a participle opening the sentence (or 'also' and
    it), then 'was' or 'were' right before the count. (kind, cue position, cue length)"""
    if c.start < 2 or toks[c.start - 1].text not in ("was", "were"):
        return None
    sent = toks[c.start].sent
    for k in range(c.start - 2, max(-1, c.start - 12), -1):
        if toks[k].sent != sent or toks[k].text in CLAUSE_ENDS:
            return None
        opens = k == 0 or toks[k - 1].sent != sent or toks[k - 1].text in ("also", "\"")
        if opens and (cue := cue_at(toks, k)) is not None \
                and cue[1] in ("transitive", "state") and not toks[k].text.endswith("ing") \
                and (k == 0 or toks[k - 1].text != "also" or k < 2 or toks[k - 2].sent != sent):
            return cue[0], k, cue[2]
    return None


# 'rose to N', 'climbed to N', 'stood at N', 'reached N': a toll's verbs of change and state
_TOLL_VERBS = frozenset({"rose", "risen", "rises", "climbed", "climbs", "increased", "jumped",
                         "went", "grew", "mounted", "stood", "stands", "reached", "hit"})
# may stand between a toll's subject and its verb ('has reached', 'had risen')
_AUXILIARIES = frozenset({"'s", "has", "have", "had", "is", "was", "were", "been", "now"})
# words that end a toll's subject: a new clause, a list, a speaker
_SUBJECT_BREAKS = frozenset({",", ";", ":", "(", ")", "and", "but", "or", "who", "which", "that",
                             "after", "when", "while", "as", "said", "says", "killed", "died"})


def _toll_subject(toks: Sequence[Token], c: Count) -> tuple[FigureKind, int, int] | None:
    """A toll told with a long subject: 'the death toll from Monday's strike near the town
    rose to seven', 'the number of dead in the attack on the market reached 12'. The words
    between the toll and its verb must be one phrase (no clause, list, number or other verb).
    (kind, cue position, cue length)"""
    before = toks[c.start - 1]
    verb = c.start - 1 if before.text in ("reached", "hit") else c.start - 2
    if verb < 1 or toks[verb].text not in _TOLL_VERBS \
            or (verb == c.start - 2 and before.text not in ("to", "at")):
        return None
    for k in range(verb - 1, max(-1, verb - 20), -1):
        cue = cue_at(toks, k)
        if cue is None or cue[1] != "toll" or toks[k].sent != toks[c.start].sent:
            continue
        between = toks[k + cue[2]:verb]
        if any(t.text in _SUBJECT_BREAKS or t.text[:1].isdigit() or word_number(t.text)
               is not None or (t.verb and t.text not in _AUXILIARIES) for t in between):
            return None  # the nearest toll word is not this verb's subject
        return cue[0], k, cue[2]
    return None


# --- the stage -------------------------------------------------------------------------------

def _counts(toks: Sequence[Token]) -> dict[int, Count]:
    counts: dict[int, Count] = {}
    i = victims_end = 0
    while i < len(toks):
        c = count_at(toks, i)
        if c is not None and not c.person and aged_person(toks, i) is not None:
            c = Count(1, 1, 1, i, i, person="bare")  # 'and 3-year-old child': one person
        if c is None or (c.person in ("name", "bare", "determiner") and i < victims_end):
            i += 1  # (a name, title or 'the mayor's' among a count's victims is no count)
            continue
        if toks[max(c.end - 1, c.start)].in_date or is_measure(toks, c) \
                or _times(toks, c.end):
            i = max(c.end, i + 1)  # "12 million", "15 km", "shot one time": no count
            continue
        if not c.person and children_of(toks, c.start):
            i = max(c.end, i + 1)  # 'a father of three was shot': his children
            continue
        if not c.person and (ages_end := age_run(toks, c.start)) is not None:
            i = ages_end  # 'Mark Jones, 20, and Lisa Brown, 17, were shot': ages
            continue
        if among_told(toks, c.start, counts):
            i = max(_victims(toks, c.end), i + 1)  # 'four killed, including a boy': one of four
            continue
        counts[c.start] = c
        victims_end = _victims(toks, c.end)
        if c.end < len(toks) and toks[c.end].text == "of":
            cue = cue_at(toks, victims_end) if victims_end < len(toks) else None
            group = c.end + 1
            if group < len(toks) and toks[group].text == "the":
                group += 1
            if cue is not None and cue[1] == "transitive" \
                    and not toks[victims_end].text.endswith("ing") \
                    and number_at(toks, group) is not None:
                del counts[c.start]  # 'one of four men shot on Friday': the four were shot
                i = c.end
                continue
            i = max(victims_end, c.start + 1)  # 'two of the five hostages': five is no count
            if (listed := people_apposition(toks, victims_end)) is not None:
                i = listed + 1  # 'one of the victims, a man, 20, died': one
            continue
        if not c.person and (listed := people_apposition(toks, victims_end)) is not None:
            i = listed + 1  # 'two victims, a man, 20, and a woman, 31, were shot': two
            continue
        i = max(c.end, c.start + 1)
        while c.person in ("name", "bare") and i < len(toks) and toks[i].text.isalpha() \
                and toks[i].text not in STOP and not cue_at(toks, i):
            i += 1  # the rest of the name
    return counts


def _figures(ctx: Context) -> list[Figure]:
    """Every linked count; the counts of people shot become the wounded among them."""
    return wounded_less_dead(list(_linked(ctx)), ctx.document.text)


def office_words() -> frozenset[str]:
    """Words for the holder of an office ('mayor', 'archbishop'), from `figures_words.csv`:
    such a person is never one of a group told by another word ('six priests')."""
    return frozenset(p[0] for p, value in tables().words.get("person", {}).items()
                     if value == "office")


def is_toll(figure: Figure) -> bool:
    """Whether a figure is a toll ('the death toll rose to 12'): it updates the smaller figures
    of its kind in the same story rather than adding to them."""
    if figure.span is None:
        return False
    words = tuple(figure.span.text.lower().split())
    cues = tables().cues
    return any(words[:n] in cues and cues[words[:n]][1] == "toll" for n in range(1, 4))


# 'killed 12 people and a local official said': the person speaks, is no victim
_SPEAKING = frozenset({"said", "says", "told", "reported", "added", "stated", "confirmed",
                       "announced", "explained", "noted", "claimed"})
_LIST_WORDS = frozenset({"and", ",", "as", "well", "plus", "along", "with"})


def _listed(toks: Sequence[Token], c: Count, previous: Link | None) -> Link | None:
    """'killed the mayor, as well as two peasants': a count listed right after the victims of
    a kind-first figure shares its kind."""
    if previous is None or c.start <= previous.last + 1 \
            or c.start - previous.last > 5 or toks[c.start].sent != toks[previous.last].sent \
            or not all(toks[k].text in _LIST_WORDS for k in range(previous.last + 1, c.start)):
        return None
    joiners = {toks[k].text for k in range(previous.last + 1, c.start)}
    who_end = _victims(toks, c.end)
    if c.person == "article" and who_end < len(toks) and toks[who_end].text == "," \
            and names_person(toks, c.end, who_end) and previous.kind == "killed" \
            and any(toks[k].text == "and" for k in range(who_end, min(who_end + 6, len(toks)))):
        joiners.add("and")  # 'killing 4 nuns, a cook, and her son': an item of the list
    if who_end == c.end or c.person not in ("", "determiner", "article") \
            or not joiners & {"and", "well", "plus", "with"} \
            or (c.person and who_end < len(toks) and toks[who_end].text in _SPEAKING):
        return None  # "killed 5 soldiers and 3 civilians", not "killed 5 people, 15 said"
    return Link(previous.kind, (c.end, who_end), c.start, who_end - 1, previous.shot)


def _lived(toks: Sequence[Token], first: int, sentence: range, nxt: range | None) -> bool:
    """Whether the people shot or taken to hospital from `first` on lived, as the rest of their
    sentence tells ('were taken to the hospital in stable condition', 'was shot in the leg and
    is expected to survive'): no word of dying follows there or in the next sentence ('He
    later died.'), so the story's dead are others."""
    t = tables()
    rest = [toks[k].text for k in range(first, sentence.stop)]
    then = [toks[k].text for k in nxt] if nxt is not None else []
    return bool(t.singles("alive").intersection(rest)) \
        and not t.singles("dying").intersection(rest + then)


def _death_of(toks: Sequence[Token], of: int) -> bool:
    """Whether 'of' at `of` follows a noun of death ('the death of a man who was shot', 'the
    killing of a teen shot outside a store'): the person after it died, whatever the clause
    after the person tells."""
    for n in range(1, 4):
        cue = cue_at(toks, of - n) if of - n >= 0 else None
        if cue is not None and cue[2] == n and cue[0] == "killed" and cue[1] == "noun":
            return True
    return False


def _linked(ctx: Context) -> Iterator[tuple[Figure, bool, bool]]:
    text = ctx.document.text
    toks = tokens(ctx)
    counts = _counts(toks)
    bounds: dict[int, list[int]] = {}
    for i, tok in enumerate(toks):
        bounds.setdefault(tok.sent, [i, i])[1] = i
    sentences = {n: range(a, b + 1) for n, (a, b) in bounds.items()}
    previous: Link | None = None
    links: list[tuple[Link, Count]] = []
    told_until = -1  # the end of 'a man was shot and later died' (its 'he' is no count)
    chain: list[int] = []  # the positions in `links` of the items of the list being read
    for c in counts.values():
        if c.start <= told_until:
            continue
        # "the death of four students who had been kidnapped": the noun before tells it
        of_noun = _left_link(toks, c) if c.start > 0 and toks[c.start - 1].text == "of" \
            and (not c.person or _death_of(toks, c.start - 1)) else None
        if of_noun is not None and (cue_at(toks, of_noun.first) or ("", ""))[1] != "noun":
            of_noun = None  # 'a toll of 1 person wounded': the toll is no noun of it
        link = of_noun or _right_link(toks, c, counts) or _left_link(toks, c)
        if link is None and previous is not None \
                and (link := _listed(toks, c, previous)) is not None:
            # 'killed a man, a cook and two women': the list is one phrase, whose counts may
            # be told again as one sum ('four people'), so its items end where it ends
            for n in chain:
                links[n] = (dataclasses.replace(links[n][0], last=link.last), links[n][1])
            previous = dataclasses.replace(previous, last=link.last)
            chain.append(len(links))
        else:
            previous = link if link is not None and link.first < c.start else None
            chain = [len(links)] if previous is not None else []
        if link is not None and link.kind == "wounded" \
                and (died := died_after(toks, link.last)) is not None:
            link = Link("killed", link.who, link.first, died, False)  # 'shot him, who died'
            told_until = died
        if link is not None and link.shot and _lived(
                toks, link.first, sentences[toks[c.start].sent],
                sentences.get(toks[c.start].sent + 1)):
            link = dataclasses.replace(link, lived=True)  # 'taken to hospital in stable condition'
        if link is None or (c.person in ("article", "determiner") and link.first == c.start
                            and not (
                link.who and names_person(toks, link.who[0], link.who[1]))):
            continue
        links.append((link, c))
    if not is_cased(text):
        taken = {k for link, _ in links for k in range(link.first, link.last + 1)}
        links.extend((Link(n.kind, n.who, n.first, n.last),
                      Count(1, 1, 1, n.first, n.first, person="name"))
                     for n in one_named(toks, taken))
        links.sort(key=lambda pair: pair[1].start)
    elsewhere = elsewhere_lines(text)
    for link, c in links:
        if any(a <= toks[link.first].start < b for a, b in elsewhere) \
                or (link.who and toks[link.who[1] - 1].text in tables().singles("animal")):
            continue  # another story's figure ('Related Coverage ...'), or no people ('deer')
        who = text[toks[link.who[0]].start:toks[link.who[1] - 1].end] if link.who else None
        if who and who.lower().startswith("of "):
            who = who[3:]
        elif who and who.lower() == "of":
            who = None
        sentence = sentences[toks[c.start].sent]
        cumulative, since = tally(toks, sentence, clause_of(toks, sentence, c.start), ctx.dates)
        cumulative = cumulative or recap(toks, link.first, link.last, c.best)
        start, end = toks[link.first].start, toks[link.last].end
        yield Figure(kind=link.kind, who=who, low=c.low, best=c.best, high=c.high,
                     cumulative=cumulative, since=since,
                     span=Span(start, end, text[start:end])), link.shot, link.lived


def find_figures(ctx: Context) -> Context:
    """Fill `ctx.figures` with every count linked to what happened to whom, in text order."""
    return dataclasses.replace(ctx, figures=tuple(_figures(ctx)))
