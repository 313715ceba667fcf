"""Events ACLED has no type for (`event_type` None): violence it leaves out and things said.

Violence: ordinary crime and accidental shootings become events of PLOVER ASSAULT with its mode,
so that a story's count of people shot, stabbed or killed is kept where no political violence
happened.

ACLED codes political violence; a robbery that ends in a shooting, a quarrel that ends in a
stabbing or a child who shoots himself by accident is no ACLED event, and `event_types` rightly
mutes the ACLED triggers of such stories (`events_lookalikes.csv`). The words of
`events_non_acled.csv` then still tell that someone was hurt: they make an event with
`event_type` and `sub_event_type` None. They count only in a sentence without an ACLED reading
(an ACLED event always comes first), never in a sentence that only attributes responsibility,
never inside masked words ("gun violence"), and a row's `except_in` names the look-alike classes
in whose stories its words tell no violence ("killed" in a flood).

Things said: the verbal triggers of `events_triggers.csv` (talks, threats, demands, sanctions)
are weak and yield to look-alike cues, but a story of diplomacy (`TOLD_IN_WORDS`) is told in
exactly those words, so there they stand (`said_triggers`).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from fogwatch import lexicons
from fogwatch.nlp import Doc
from fogwatch.pipeline.event_types import imperative, sentence_cues, trigger_index
from fogwatch.pipeline.phrases import Match, PhraseIndex

if TYPE_CHECKING:  # types only: spaCy itself is imported by fogwatch.nlp alone
    from spacy.tokens import Span as Sentence

__all__ = ["TOLD_IN_WORDS", "VIOLENT_PLOVER", "carries_figures", "fires_gun",
           "non_acled_triggers", "said_triggers"]

# PLOVER types of force used on people: a typeless event of these counts the dead and wounded;
# talks, threats, demands, sanctions and aid count none ("condemned the killing of five").
VIOLENT_PLOVER = frozenset({"ASSAULT", "FIGHT"})
# words that name a gun or its shot: a sentence that fires one of these tells gunfire
GUN_WORDS = frozenset({"gun", "guns", "handgun", "shotgun", "rifle", "pistol", "revolver",
                       "firearm", "gunfire", "gunshot", "gunshots", "gunman", "gunmen", "shooter",
                       "bullet", "bullets", "shoot", "shot", "shots", "shooting"})
# look-alike classes of stories told in words: their verbal triggers stand
TOLD_IN_WORDS = frozenset({"diplomacy"})


@functools.lru_cache(maxsize=1)
def _index() -> PhraseIndex[tuple[lexicons.Trigger, frozenset[str]]]:
    rows = []
    for row in lexicons.read_table("events_non_acled.csv"):
        trigger = lexicons.Trigger(
            pattern=tuple(row["pattern"].lower().split()), event_type=None, sub_event_type=None,
            plover_event=row["plover_event"], plover_mode=row["plover_mode"] or None,
            rank=int(row["rank"]), weak=False)
        excluded = frozenset(c.strip() for c in row["except_in"].split("|") if c.strip())
        rows.append((row["pattern"], (trigger, excluded)))
    return PhraseIndex(rows)


def non_acled_triggers(doc: Doc, sent: Sentence, story_lookalike: frozenset[str]
                       ) -> list[Match[lexicons.Trigger]]:
    """The sentence's words of violence that ACLED leaves out, as typeless triggers.

    `story_lookalike` holds the look-alike classes told in the story's opening (`events`)."""
    cues = sentence_cues(doc, sent)
    if cues.attributing:
        return []  # "claimed responsibility for the shooting": who did it, not that it happened
    classes = story_lookalike | cues.classes("doc")
    found = []
    for m in _index().find(doc, sent.start, sent.end):
        trigger, excluded = m.value
        match = Match(m.start, m.end, trigger)
        if excluded & classes or cues.masks(match):
            continue
        found.append(match)
    return found


def fires_gun(doc: Doc, sent: Sentence) -> bool:
    """Whether the sentence tells of a gun being fired ("shot", "opened fire", "the gun went
    off"), whatever kind of story it is told in; it must name a gun or a shot, since rockets
    and shells are fired too ("helicopters fired rockets at the village")."""
    if not any(t.lemma_.lower() in GUN_WORDS or t.lower_ in GUN_WORDS for t in sent):
        return False
    cues = sentence_cues(doc, sent)
    fired = [Match(m.start, m.end, m.value[0]) for m in _index().find(doc, sent.start, sent.end)
             if m.value[0].plover_mode == "firearms"
             and not (m.end < len(doc) and doc[m.end].lower_ == "down")]  # aircraft shot down
    return any(not cues.masks(m) for m in fired)


def said_triggers(doc: Doc, sent: Sentence, story_lookalike: frozenset[str]
                  ) -> list[Match[lexicons.Trigger]]:
    """The sentence's verbal triggers (no ACLED type: talks, threats, sanctions, ...) in a story
    or sentence of diplomacy, whose look-alike cues mute the ACLED triggers but whose words are
    exactly what it tells ("imposed sanctions", "summoned the ambassador")."""
    cues = sentence_cues(doc, sent)
    if cues.attributing:
        return []
    if not (story_lookalike | cues.classes("doc", "lead")) & TOLD_IN_WORDS:
        return []
    return [m for m in trigger_index().find(doc, sent.start, sent.end)
            if m.value.event_type is None and not cues.masks(m) and not imperative(doc, m)
            and not (m.end - m.start == 1 and doc[m.start].pos_ == "PROPN")]  # "Summit Road"


def carries_figures(plover_event: str | None, event_type: str | None) -> bool:
    """Whether an event counts casualties: every ACLED event, and typeless violence."""
    return event_type is not None or plover_event in VIOLENT_PLOVER
