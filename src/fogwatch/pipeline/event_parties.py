"""Readings that who is involved decides: an attack on civilians or a clash, whose territory.

Each resolver returns a `Reading`: the ACLED type and sub-type, the name of the rule that decided
it (recorded on the event as `typed_by`) and the words beyond the trigger that the rule rested
on (the victims, the armed sides, the post that was struck).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from fogwatch.nlp import Doc
from fogwatch.pipeline.phrases import Match, token_span
from fogwatch.records import Actor, Span

if TYPE_CHECKING:  # types only: spaCy itself is imported by fogwatch.nlp alone
    from fogwatch import lexicons

__all__ = ["ARMED", "CROWDS", "NON_STATE", "PROTEST_SECTORS", "STATE", "Reading",
           "excessive_force", "resolve_attack", "resolve_territory", "unarmed_crowds"]

ARMED = frozenset({"military", "police", "rebel", "militia", "unidentified armed group"})
STATE = frozenset({"military", "police", "government"})
NON_STATE = ARMED - STATE  # their detentions are abductions
PROTEST_SECTORS = frozenset({"protesters", "rioters"})
CROWDS = frozenset({"civilians", "rioters"})
UNIDENTIFIED = "unidentified armed group"
# the words naming unidentified armed men by what they do, not by what they are (a trafficker)
ATTACKER_WORDS = ("gunm", "attacker", "assailant", "armed", "bandit", "hitm")
GOVERNMENT_GAINS = ("recaptur", "regain", "retak", "retook", "liberat")
# what an attack strikes when it strikes armed men: "attacked an army base", "an ambush on a convoy"
MILITARY_TARGETS = frozenset({"base", "barrack", "barracks", "camp", "checkpoint", "outpost",
                              "garrison", "convoy", "patrol", "position", "post", "bunker",
                              "trench", "fort", "stronghold"})
TARGET_DEPS = frozenset({"dobj", "pobj", "prep", "nsubjpass", "compound", "amod", "conj"})


@dataclass(frozen=True, slots=True)
class Reading:
    """An ACLED reading, the rule that decided it, and the words it rested on beyond the
    trigger's own."""

    event_type: str | None
    sub_event_type: str | None
    rule: str
    rested_on: tuple[Span, ...] = ()


def _spans(actors: list[Actor]) -> tuple[Span, ...]:
    return tuple(a.span for a in actors if a.span is not None)


def military_target(doc: Doc, match: Match[lexicons.Trigger]) -> Span | None:
    """The words naming the attack's object when it is a post of armed men ("stormed an army
    base", "an ambush on a military convoy", "a checkpoint was attacked"), whoever holds it."""
    root = doc[match.start:match.end].root
    heads = [root] + ([root.head] if root.dep_ in ("xcomp", "aux", "auxpass") else [])
    for head in heads:
        frontier = [c for c in head.children if c.dep_ in TARGET_DEPS]
        while frontier:
            token = frontier.pop()
            if token.lemma_.lower() in MILITARY_TARGETS or token.lower_ in MILITARY_TARGETS:
                return token_span(doc, token.i, token.i + 1)
            frontier += [c for c in token.children if c.dep_ in TARGET_DEPS]
    return None


def _armed_victim(victim: Actor, actors1: list[Actor]) -> bool:
    """Whether a target is an armed side. Gunmen and armed men are who attacks: read as the
    only side ("killed by a pair of armed men" parsed as an object), they are no target; they
    are one when armed men are told striking them ("soldiers shot dead two gunmen", "armed
    suspects shot a drug trafficker")."""
    if victim.sector not in ARMED:
        return False
    words = victim.span.text.lower() if victim.span is not None else ""
    if victim.sector == UNIDENTIFIED and any(w in words for w in ATTACKER_WORDS):
        return any(a.sector in ARMED and a is not victim for a in actors1)
    return True  # "a drug trafficker was shot dead": one armed man's killing is a clash


def resolve_attack(doc: Doc, match: Match[lexicons.Trigger], actors: list[Actor],
                   sides: tuple[list[Actor], list[Actor]]) -> Reading:
    """Violence against civilians unless armed actors meet; a crowd of civilians is a mob."""
    actors1, actors2 = sides
    civilian_attackers = bool(actors1) and all(a.sector in CROWDS for a in actors1)
    victims = [a for a in actors2 if a.sector == "civilians"]
    if victims:
        if civilian_attackers:
            return Reading("Riots", "Mob violence", "attack: civilians on civilians",
                           _spans(actors1) + _spans(victims))
        return Reading("Violence against civilians", "Attack", "attack: civilian victims",
                       _spans(victims))
    armed_victims = [a for a in actors2 if _armed_victim(a, actors1)]
    if armed_victims:
        return Reading("Battles", "Armed clash", "attack: armed victims", _spans(armed_victims))
    attackers = [a for a in actors1 if a.sector in ARMED]
    post = military_target(doc, match) if attackers else None
    if post is not None:  # armed men striking a base meet its garrison
        return Reading("Battles", "Armed clash", "attack: armed men strike a post",
                       _spans(attackers) + (post,))
    armed = [a for a in actors if a.sector in ARMED]
    if len({a.name for a in armed}) >= 2:
        return Reading("Battles", "Armed clash", "attack: two armed sides", _spans(armed))
    if civilian_attackers:
        return Reading("Riots", "Mob violence", "attack: civilian attackers", _spans(actors1))
    return Reading("Violence against civilians", "Attack", "attack: no armed victim")


def unarmed_crowds(actors: list[Actor]) -> Reading | None:
    """Civilians fighting each other or a single armed side ("villagers clashed", "residents
    clashed with police"): a battle needs two armed sides."""
    crowd = [a for a in actors if a.sector in CROWDS]
    armed = [a for a in actors if a.sector in ARMED]  # mentions: "X militia clashed with Y militia"
    if crowd and len(armed) < 2:
        return Reading("Riots", "Mob violence", "clash: unarmed crowd", _spans(crowd))
    return None


def excessive_force(actors1: list[Actor], actors2: list[Actor]) -> bool:
    return (any(a.sector in STATE for a in actors1)
            or any(a.sector in PROTEST_SECTORS for a in actors2))


def resolve_territory(doc: Doc, match: Match[lexicons.Trigger],
                      actors1: list[Actor], actors2: list[Actor]) -> Reading:
    """A government gain when state forces take ground or armed rebels lose it."""
    state = [a for a in actors1 if a.sector in STATE]
    if state:
        return Reading("Battles", "Government regains territory", "territory: state forces gain",
                       _spans(state))
    armed = [a for a in actors1 if a.sector in ARMED]
    if armed:
        return Reading("Battles", "Non-state actor overtakes territory",
                       "territory: armed group gains", _spans(armed))
    losers = [a for a in actors2 if a.sector in STATE]  # "rebels were driven out of the town"
    if losers:
        return Reading("Battles", "Non-state actor overtakes territory",
                       "territory: state forces lose", _spans(losers))
    losers = [a for a in actors2 if a.sector in ARMED]
    if losers:
        return Reading("Battles", "Government regains territory", "territory: armed group loses",
                       _spans(losers))
    words = doc[match.start:match.end].text.lower()
    if any(w in words for w in GOVERNMENT_GAINS):
        return Reading("Battles", "Government regains territory", "territory: word of regaining")
    return Reading("Battles", "Non-state actor overtakes territory", "territory: no side named")
