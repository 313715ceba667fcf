"""Figures: the people shot are the wounded among them. "Four people were shot" counts the
people hit; those the story tells died ("a man died at the hospital") are taken off, each dead
person once however often the story tells of him, but never off "six others were shot", off one
person shot told beside another who died, nor an officer shot beside a gunman killed, nor
the people a shooter shot by his own death ('before killing himself'). Also the
words for a victim that these checks read (`head_word`, `person_words`).
"""

from __future__ import annotations

import dataclasses
import re

from fogwatch.pipeline.figures_counts import tables
from fogwatch.records import Figure

__all__ = ["head_word", "person_words", "wounded_less_dead"]


def wounded_less_dead(found: list[tuple[Figure, bool, bool]], text: str) -> list[Figure]:
    """The figures, each count of people shot (`found` pairs a figure with whether it counts
    the people shot, and whether its sentence tells they lived) less the dead the story tells
    of, told once each; a count whose people all died is left to the killed figures. People
    shot who lived ('was taken to the hospital in stable condition') keep their count when the
    story tells no other wounded: the dead are others then; beside other wounded, they are
    taken as told among those."""
    from fogwatch.pipeline.event_figures import counted_figures  # (it builds on `figures`)

    killed = [f for f, _, _ in found if f.kind == "killed" and not f.cumulative
              and f.best is not None]
    figures: list[tuple[Figure, Figure | None]] = []  # (as told, lessened) for people shot
    for figure, shot, _ in found:
        if shot and figure.kind == "wounded" and figure.best is not None \
                and not figure.cumulative and not _others(figure, text):
            # (a tally of people shot is no count that one incident's dead come off)
            # the dead told once each ('Robinson died' is 'a woman was killed' told again)
            dead = sum(f.best or 0 for f in counted_figures(
                [f for f in killed if not _someone_else(figure, f, text)]))
            died = min(dead, figure.best)
            if died == figure.best:
                figures.append((figure, None))  # every one of them died: the killed tell it
                continue
            figures.append((figure, dataclasses.replace(
                figure, low=None if figure.low is None else max(figure.low - died, 0),
                best=figure.best - died,
                high=None if figure.high is None else figure.high - died)))
        else:
            figures.append((figure, figure))
    lived = {f for f, _, alive in found if alive}
    others_wounded = any(kept is not None and kept.kind == "wounded" and not kept.cumulative
                         and told not in lived for told, kept in figures)
    if not others_wounded:
        figures = [(told, told if told in lived else kept) for told, kept in figures]
    return [kept for _, kept in figures if kept is not None]


# Words that tell nothing of who a victim is: a death told with them may be a shot victim's.
_ANYONE = frozenset({None, "people", "persons", "person", "victim", "victims", "individual",
                     "individuals", "he", "she", "him", "her", "one", "them", "they"})


_REFLEXIVE = frozenset({"himself", "herself", "themselves"})


def _someone_else(shot: Figure, dead: Figure, text: str) -> bool:
    """Whether the dead ('a juvenile was killed') are other people than one person shot ('and a
    delivery driver was shot'): told in one sentence by different words for one person."""
    mine, theirs = head_word(shot.who), head_word(dead.who)
    if dead.span is not None and shot.span is not None \
            and _REFLEXIVE & set(re.findall(r"[a-z]+", dead.span.text.lower())) \
            and not _REFLEXIVE & set(re.findall(r"[a-z]+", shot.span.text.lower())):
        return True  # 'shot his wife before killing himself': the shooter is none of his victims
    assailants = tables().singles("assailant")
    people = person_words()
    if (mine in assailants) != (theirs in assailants) and mine in people and theirs in people \
            and not {mine, theirs} & (_ANYONE | {"man", "woman"}):
        return True  # 'the officer was shot' and 'the gunman was killed': two people
    if shot.best != 1 or mine not in people or theirs not in people or mine == theirs \
            or {mine, theirs} & _ANYONE or shot.span is None or dead.span is None:
        return False
    first, second = sorted((shot.span, dead.span), key=lambda span: span.start)
    return "." not in text[first.end:second.start]


def _others(figure: Figure, text: str) -> bool:
    """'six others were shot', 'seven more people shot', 'the other five victims', 'the girl
    was also shot': the rest, beside those told of."""
    if figure.span is None:
        return False
    before = text[max(0, figure.span.start - 8):figure.span.start].lower().split()[-1:]
    return bool({"other", "others", "more", "additional", "also"}
                & set(figure.span.text.lower().split() + before))


def head_word(who: str | None) -> str | None:
    """The last word of a victims' phrase ('Turkish soldiers' -> 'soldiers')."""
    words = re.findall(r"[\w-]+", who.lower()) if who else []
    return words[-1] if words else None


def person_words() -> frozenset[str]:
    """Words for one person ('man', 'mayor', 'judge'), from `figures_words.csv`."""
    return tables().singles("person")


