"""An event's figures, fatalities, claims and certainty, taken from the stages before it.

`events` decides which sentences tell an event; this module decides which of the document's
figures and claims belong to it: the non-cumulative figures of its sentence and the next, its
fatalities as low/best/high over its killed figures, the claims that cover it and the certainty
of the firmest of them. A figure counts for one event only, so neighbouring events never double
one toll.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

from fogwatch.nlp import english_nouns, english_words
from fogwatch.pipeline.context import Context
from fogwatch.pipeline.event_types import trigger_index
from fogwatch.pipeline.figures import head_word, is_toll, office_words, person_words
from fogwatch.records import Certainty, Claim, Event, Evidence, Fatalities, Figure, Span

if TYPE_CHECKING:  # types only: spaCy itself is imported by fogwatch.nlp alone
    from spacy.tokens import Span as Sentence

__all__ = ["CERTAINTY_ORDER", "counted_figures", "covers", "event_certainty", "event_claims",
           "event_figures", "fatalities", "in_tally", "one_event_per_figure"]

# An event is as certain as its firmest claim; short of confirmation, a denial or a doubt
# outweighs a plain report.
CERTAINTY_ORDER: tuple[Certainty, ...] = ("confirmed", "denied", "unconfirmed", "reported")


def _inside(span: Span | None, sent: Sentence) -> bool:
    return span is not None and sent.start_char <= span.start < sent.end_char


def event_figures(ctx: Context, sents: list[Sentence], i: int) -> tuple[Figure, ...]:
    """The non-cumulative figures of sentence i and the next."""
    near = sents[i:i + 2]
    return tuple(f for f in ctx.figures
                 if not f.cumulative and any(_inside(f.span, s) for s in near))


def fatalities(figures: tuple[Figure, ...]) -> Fatalities | None:
    """Killed figures summed over distinct victims; the largest where one group is told twice."""
    by_who: dict[str | None, Figure] = {}
    for f in figures:
        if f.kind == "killed" and f.best is not None:
            if f.who not in by_who or (by_who[f.who].best or 0) < f.best:
                by_who[f.who] = f
    if not by_who:
        return None
    kept = list(by_who.values())
    low = sum(f.low if f.low is not None else (f.best or 0) for f in kept)
    best = sum(f.best or 0 for f in kept)
    highs = [f.high for f in kept]
    high = None if any(h is None for h in highs) else sum(h or 0 for h in highs)
    return Fatalities(low=low, best=best, high=high)


def event_claims(ctx: Context, sents: list[Sentence], i: int) -> tuple[Claim, ...]:
    """Claims on the event's sentence, and on the next one when it tells no event of its own
    ("Ankara has not confirmed the report.")."""
    near = [sents[i]]
    if i + 1 < len(sents):
        following = trigger_index().find(ctx.doc, sents[i + 1].start, sents[i + 1].end)
        if not any(m.value.event_type for m in following):
            near.append(sents[i + 1])
    return tuple(c for c in ctx.claims if c.span is not None
                 and any(c.span.start < s.end_char and s.start_char < c.span.end for s in near))


def event_certainty(claims: tuple[Claim, ...]) -> Certainty:
    """The certainty of the firmest claim; 'reported' when no claim covers the event."""
    if not claims:
        return "reported"
    return min((c.certainty for c in claims), key=CERTAINTY_ORDER.index)


def in_tally(figures: tuple[Figure, ...], offset: int) -> bool:
    """Whether a character offset falls inside a cumulative tally's words."""
    return any(f.cumulative and f.span is not None and f.span.start <= offset < f.span.end
               for f in figures)


def one_event_per_figure(events: list[Event], figures: tuple[Figure, ...] = ()) -> list[Event]:
    """A figure counts for one event only: the most salient event that claims it. Events of
    neighbouring sentences would otherwise both count one toll; the main event keeps it, since
    a follow-up sentence ("Three soldiers died.") most often continues the main story. The main
    event also takes the story's figures that no event claims. Of all these, only the story's
    counted figures stay (`counted_figures`), each with the most salient event that claims it
    or a figure it stands for ("1 soldier was killed" in the main event, "3 soldiers killed"
    claimed later: the main event counts the 3)."""
    home: dict[Figure, int] = {}
    for n, event in enumerate(events):
        for f in event.figures:
            home.setdefault(f, n)
    orphans = tuple(f for f in figures if not f.cumulative and f not in home)
    for f in orphans:
        home[f] = 0
    keep = counted_figures(list(home))
    placed = {f: min(home[g] for g in stands_for) for f, stands_for in keep.items()}
    shared = []
    for n, event in enumerate(events):
        kept_figures = tuple(sorted((f for f, at in placed.items() if at == n),
                                    key=lambda f: f.span.start if f.span else 0))
        if kept_figures != event.figures:
            spans = {f.span for f in kept_figures}
            evidence = tuple(e for e in event.evidence
                             if e.field != "fatalities" or e.span in spans)
            evidence += tuple(Evidence("fatalities", f.span) for f in kept_figures
                              if f.kind == "killed" and f.span is not None
                              and f not in event.figures)
            event = dataclasses.replace(event, figures=kept_figures, evidence=evidence,
                                        fatalities=fatalities(kept_figures))
        shared.append(event)
    return shared


def counted_figures(figures: list[Figure]) -> dict[Figure, list[Figure]]:
    """The figures a story's count is the sum of, each with the figures it stands for (itself
    included). Largest first, a figure is left out when a figure kept before it already covers
    it (`covers`); victims counted one by one in one phrase ("six children and two adults") are
    left out when their sum is told as one figure; and a toll ("the death toll rose to 12")
    replaces every smaller figure of its kind."""
    groups: dict[tuple[str, int], list[Figure]] = {}
    for f in figures:
        if f.span is not None:
            groups.setdefault((f.kind, f.span.end), []).append(f)
    told = {(f.kind, f.best) for f in figures}
    parts = {f for group in groups.values() if len(group) > 1
             and (group[0].kind, sum(g.best or 0 for g in group)) in told for f in group}
    joined = {f: (f.kind, f.span.end) for f in figures if f.span is not None
              and len(groups[(f.kind, f.span.end)]) > 1}
    kept: dict[Figure, list[Figure]] = {}
    # largest first; among equals, in text order: the first telling of a victim is the fullest
    # ("the murder of leader X Y and of attorney Z" before a later "the murder of Y", which
    # must not stand for Z too)
    for f in sorted(figures, key=lambda f: (-(f.best or 0), f.span.start if f.span else 0)):
        if f in parts:
            continue
        cover = next(
            (g for g in kept if covers(g, f) and (f not in joined or joined.get(g) != joined[f])),
            None)
        kept.setdefault(cover or f, []).append(f)
    for f in parts:
        whole = next((g for g in kept if g.kind == f.kind and g.best == sum(
            p.best or 0 for p in groups[joined[f]])), None)
        if whole is not None:
            kept[whole].append(f)
    tolls: dict[str, Figure] = {}
    for f in kept:
        if is_toll(f) and (f.kind not in tolls or (tolls[f.kind].best or 0) < (f.best or 0)):
            tolls[f.kind] = f
    counted: dict[Figure, list[Figure]] = {}
    for f, stands_for in kept.items():
        toll = tolls.get(f.kind)
        if toll is None or f is toll or (f.best or 0) > (toll.best or 0):
            counted.setdefault(f, []).extend(stands_for)
        else:
            counted.setdefault(toll, [toll]).extend(stands_for)
    return counted


# Words for anyone at all: a figure of them may restate a figure of named or described victims.
_ANYONE = frozenset({None, "people", "persons", "person", "victim", "victims", "man", "woman",
                     "individual", "individuals", "he", "she", "him", "her", "them", "they"})
# Words that add victims to those already told ("two other people", "another man").
_MORE = frozenset({"other", "others", "another", "also", "more", "second", "third",
                   "additional", "further"})
_ONE = frozenset({"one", "1"})
_OTHERS = frozenset({"other", "others"})
# Capitalised words of a victims' phrase that are no name ('The mayor', 'His brother').
_NOT_NAMES = frozenset({"the", "a", "an", "his", "her", "their", "another", "one", "two",
                        "three", "other"})


def _names(who: str | None) -> set[str]:
    """The words of a victims' phrase that can tell who they are ('Rodriguez', 'rebels')."""
    words = set(re.findall(r"[a-z]{3,}", who.lower())) if who else set()
    return words - _ANYONE - _MORE - person_words() - {"the", "his", "her", "their", "and",
                                                      "old", "year"}


def covers(counted: Figure, figure: Figure) -> bool:
    """Whether a counted figure already includes the people of a figure of the same kind and no
    larger count: the same count of victims that may be the same people ("three people died"
    after "three people were killed"), one person told as such ("the child died") within a
    larger count, or a smaller count of the same victims ("two soldiers" within "five
    soldiers"); never one that says its victims are more ("another man", "two others") unless
    it tells the same count of several ("three others were hurt", twice)."""
    if figure.kind != counted.kind or figure.best is None or counted.best is None \
            or figure.best > counted.best or figure.span is None:
        return False
    words = set(re.findall(r"[a-z0-9]+", figure.span.text.lower()))
    if figure.best == counted.best == 1 and (_two_people(figure.who, counted.who)
                                             or _two_offices(figure.who, counted.who)):
        return False  # 'killed minister Antonio Porth' and 'killed attorney Roberto Alvarado'
    theirs_more = counted.span is not None and bool(
        _MORE & set(re.findall(r"[a-z]+", counted.span.text.lower())))
    if _OTHERS & words and theirs_more and _OTHERS & set(
            re.findall(r"[a-z]+", counted.span.text.lower() if counted.span else "")):
        return True  # "two other victims were treated" restates "three others were hurt"
    theirs_others = counted.span is not None and bool(
        _OTHERS & set(re.findall(r"[a-z]+", counted.span.text.lower())))
    if re.match(r"\w+ of (?:the|them|those|these)\b", figure.span.text.lower()) \
            and figure.best < counted.best:
        return True  # 'three of the victims are in serious condition': some of those told
    if theirs_others and figure.best == 1 and re.match(r"an? ", figure.span.text.lower()):
        return False  # 'a man was shot' beside 'two other men were wounded'
    if _OTHERS & words and not {"more", "additional"} & words and not theirs_more \
            and figure.best < counted.best and head_word(counted.who) in _ANYONE:
        return True  # 'four people were shot' ... 'two other victims were treated': of the four
    if figure.best == counted.best == 1 and _told_again(figure.span.text):
        return True  # 'her father was injured' ... 'the man was also hit in the leg'
    if _MORE & words and not (figure.best == counted.best and figure.best > 1) and not (
            figure.best == 1 < counted.best and head_word(counted.who) in _ANYONE
            and not theirs_more and not _named(figure.who)):
        return False  # but "a man was also shot" is one of "four people were shot"
    mine, theirs = head_word(figure.who), head_word(counted.who)
    same_people = mine == theirs or mine in _ANYONE or theirs in _ANYONE \
        or (figure.best == counted.best == 1 and bool(_names(figure.who) & _names(counted.who)))
    # "the child died" within "three people were killed"; but "two others were also killed"
    # tells victims beside the one named, and "the archbishop" is none of "six priests"
    one_person = figure.best == 1 and not _ONE & words and not theirs_more \
        and not (counted.best > 1 and _other_office(mine, theirs))
    return same_people or one_person


def _told_again(text: str) -> bool:
    """Whether a one-person figure names someone told before ('the man', 'he') whom it says
    was 'also' hit: the same person, hurt once more, not one more person."""
    return bool(re.match(r"(?:the|he|she)\b(?:\s+\w+){0,3}?\s+(?:was|is)\s+also\b",
                         text.lower()))


def _two_people(mine: str | None, theirs: str | None) -> bool:
    """Whether two phrases for one victim each give a full name and share no word of it ('attorney
    general Roberto Alvarado', 'minister Antonio Porth'): two people, each counted. Words of the
    language ('leader', 'young', 'Salvadoran') are no names, so 'the political leader' may still
    be 'Hector Oqueli'."""
    words, nouns = english_words(), english_nouns()  # (no union: covers() runs per pair)
    my_names, their_names = ({w for w in _names(who) if w not in words and w not in nouns}
                             for who in (mine, theirs))
    return len(my_names) >= 2 and len(their_names) >= 2 and not my_names & their_names


def _two_offices(mine: str | None, theirs: str | None) -> bool:
    """Whether two phrases for one victim each name an office and no office of the other ('the
    judge', 'a prosecutor from the high court'): two office holders, each counted. 'The mayor'
    and 'Mayor Luis Diaz' share one, and 'the man' names none."""
    offices = office_words()
    my_offices, their_offices = ({w for w in re.findall(r"[a-z]+", who.lower()) if w in offices}
                                 if who else set() for who in (mine, theirs))
    return bool(my_offices) and bool(their_offices) and not my_offices & their_offices


def _named(who: str | None) -> bool:
    """Whether a victims' phrase gives a name ('Archbishop Juan Perez', 'John Smith, 34')."""
    return who is not None and any(
        w.lower() not in _NOT_NAMES and w.lower() not in person_words()
        for w in re.findall(r"\b[A-Z][a-z]+", who))


def _other_office(mine: str | None, theirs: str | None) -> bool:
    """Whether one person holds an office that a group told by another word is not of ('the
    mayor' beside 'six policemen')."""
    return mine in office_words() and theirs is not None and theirs not in _ANYONE \
        and theirs.rstrip("s") != mine
