"""How a trigger is told: as something that happened, and in whose story.

A strategic development asked for, refused or failed ("demanded a truce", "failed to reach an
agreement": `events_unrealised_verbs.csv`) did not happen; a crowd beating or lynching someone
for a theft is mob justice, so the theft does not make it a story of crime.
"""

from __future__ import annotations

import functools

from fogwatch import lexicons
from fogwatch.nlp import Doc
from fogwatch.pipeline.phrases import Match

__all__ = ["crowd_assault", "unrealised"]


@functools.lru_cache(maxsize=1)
def _unrealised_verbs() -> frozenset[str]:
    """Verbs under which a development is asked for or refused, not done ("demanded a truce")."""
    return frozenset(r["lemma"].lower()
                     for r in lexicons.read_table("events_unrealised_verbs.csv"))


def unrealised(doc: Doc, match: Match[lexicons.Trigger]) -> bool:
    """Whether a strategic development or a territorial change hangs beneath a verb of asking,
    refusing or failing ("called for a ceasefire", "failed to reach an agreement"): told as
    wanted or refused, it did not happen."""
    trig = match.value
    if trig.event_type != "Strategic developments" and trig.sub_event_type != "@territory":
        return False
    verbs = _unrealised_verbs()
    return any(a.lemma_.lower() in verbs and not match.start <= a.i < match.end
               for a in doc[match.start:match.end].root.ancestors)


@functools.lru_cache(maxsize=1)
def _crowd_words() -> frozenset[str]:
    return frozenset(lemma for lemma, kind in lexicons.generic_actors().items()
                     if kind.sector in ("civilians", "rioters"))


def crowd_assault(doc: Doc, triggers: list[Match[lexicons.Trigger]]) -> bool:
    """Whether a crowd beats, lynches or kills someone ("locals lynched a man accused of
    theft", "a thief was beaten by residents"): the theft is why, and the story is the mob's."""
    crowd = _crowd_words()
    for m in triggers:
        if m.value.plover_event != "ASSAULT":
            continue
        verb = doc[m.start:m.end].root
        verbs = [verb, verb.head] if verb.dep_ == "conj" else [verb]  # "caught and beat him"
        doers = [c for v in verbs for c in v.children if c.dep_ == "nsubj"]
        doers += [g for v in verbs for c in v.children if c.dep_ == "agent" for g in c.children]
        if any(t.lemma_.lower() in crowd for d in doers for t in d.subtree):
            return True
    return False
