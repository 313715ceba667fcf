"""Event typing: which ACLED sub-type (and PLOVER event) a sentence's triggers signal.

Triggers come from `events_triggers.csv`; weak ones ("killed", "explosion") yield to look-alike
cues (disasters, crime, diplomacy: story-wide when told in the opening, else in their sentence),
a sentence that only attributes responsibility has none, and masked words ("riot police") start
nothing (`events_lookalikes.csv`). A sentence's main trigger is its most specific one (highest
rank), less specific the deeper it sits in subordinate clauses; it is resolved by who is
involved: `@attack` / `@raid` become an Attack on civilians, an Armed clash or Mob violence,
`@territory` a government or a non-state gain; `@weapons` counts only when seized and `@riot` /
`@unrest` words only at a protest (else looting or mob violence); a protest, a clash, a
withdrawal, an arrest or a seizure in the sentence turns some readings into others
(`events_combinations.csv`), and a story's main event yields to a graver one told beside it
(`events_precedence.csv`).
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from fogwatch import lexicons
from fogwatch.nlp import Doc
from fogwatch.pipeline.phrases import Match, PhraseIndex
from fogwatch.records import Actor, Event

if TYPE_CHECKING:  # types only: spaCy itself is imported by fogwatch.nlp alone
    from spacy.tokens import Span as Sentence
    from spacy.tokens import Token

__all__ = ["ARMED", "PROTEST_SECTORS", "STATE", "Typed", "escalate", "lookalike_index",
           "main_trigger", "protest_context", "protest_topic", "read_in_context",
           "sentence_triggers", "tag_typed", "trigger_index", "type_sentence"]

ARMED = frozenset({"military", "police", "rebel", "militia", "unidentified armed group"})
STATE = frozenset({"military", "police", "government"})
NON_STATE = ARMED - STATE  # their detentions are abductions
PROTEST_SECTORS = frozenset({"protesters", "rioters"})
# a trigger loses this much rank per subordinate clause or background phrase above it
EMBEDDING_COST = 20  # chosen on acled-notes-train (0, 20, 40)
SUBORDINATE = frozenset({"relcl", "acl", "advcl", "ccomp", "csubj", "pcomp"})
BACKGROUND = frozenset({"despite", "amid", "since", "before"})
SIMULTANEOUS = frozenset({"while", "as", "when", "whilst"})
# look-alike classes that leave shootings and killings standing (gang violence is coded)
SPARE_ASSAULTS = frozenset({"drugs"})
ATTACKS = ("@attack", "@raid")  # resolved by who is involved; a raid that detains is arrests
WITHDRAWAL = "Non-violent transfer of territory"
GOVERNMENT_GAINS = ("recaptur", "regain", "retak", "retook", "liberat")
# what an attack strikes when it strikes armed men: "attacked an army base", "an ambush on a convoy"
MILITARY_TARGETS = frozenset({"base", "barrack", "barracks", "camp", "checkpoint", "outpost",
                              "garrison", "convoy", "patrol", "position", "post", "bunker",
                              "trench", "fort", "stronghold"})
TARGET_DEPS = frozenset({"dobj", "pobj", "prep", "nsubjpass", "compound", "amod", "conj"})
PROTEST_ESCALATION = ("Peaceful protest", "Protest with intervention",
                      "Excessive force against protesters")


@dataclass(frozen=True, slots=True)
class Typed:
    """A sentence's chosen trigger and the ACLED / PLOVER reading it resolved to."""

    match: Match[lexicons.Trigger]
    event_type: str | None
    sub_event_type: str | None
    rank: int


@functools.lru_cache(maxsize=1)
def trigger_index() -> PhraseIndex[lexicons.Trigger]:
    ordered = sorted(lexicons.triggers(), key=lambda t: -t.rank)
    return PhraseIndex((t.pattern, t) for t in ordered)


@functools.lru_cache(maxsize=1)
def lookalike_index() -> PhraseIndex[tuple[str, str]]:
    return PhraseIndex((p, (cls, scope)) for p, cls, scope in lexicons.lookalike_cues())



def _tag_reading(doc: Doc) -> tuple[str, str] | None:
    """A note opening with an analyst's tag ("Property destruction: ...") names its sub-type."""
    head, sep, _ = doc.text[:60].partition(":")
    if not sep:
        return None
    return lexicons.event_tags().get(head.strip().lower())


def tag_typed(doc: Doc, sent: Sentence) -> Typed | None:
    """The event an analyst's opening tag names, anchored on the tag's own words."""
    reading = _tag_reading(doc)
    if reading is None:
        return None
    same = [t for t in lexicons.triggers() if t.sub_event_type == reading[1]]
    plover = same[0] if same else lexicons.triggers()[0]
    tag_end = next((t.i for t in sent if t.text == ":"), sent.start)
    trig = dataclasses.replace(plover, event_type=reading[0], sub_event_type=reading[1])
    return Typed(Match(sent.start, max(tag_end, sent.start + 1), trig), reading[0], reading[1],
                  1000)


@functools.lru_cache(maxsize=1)
def _protest_purposes() -> frozenset[str]:
    """Lemmas saying what a gathering is for ("to protest", "to demand", "raise awareness")."""
    return frozenset(r["lemma"].lower() for r in lexicons.read_table("events_protest_purposes.csv"))


def sentence_triggers(doc: Doc, sent: Sentence, story_lookalike: frozenset[str]
                      ) -> list[Match[lexicons.Trigger]]:
    """The sentence's triggers, less those a look-alike story (of the given classes) or a topic
    of protest rules out. A story of the drug trade still tells of the people shot in it."""
    cues = lookalike_index().find(doc, sent.start, sent.end)
    if any(scope == "sentence" for _, scope in (c.value for c in cues)):
        return []
    muted = story_lookalike | {c.value[0] for c in cues if c.value[1] == "doc"}
    # words that contain a trigger but name no event ("riot police", "anti-aircraft guns")
    masked = {i for c in cues if c.value[1] == "mask" for i in range(c.start, c.end)}
    purpose = bool(muted) and any(t.lemma_.lower() in _protest_purposes()
                                  for t in doc[sent.start:sent.end])
    found = []
    for m in trigger_index().find(doc, sent.start, sent.end):
        if masked.intersection(range(m.start, m.end)):
            continue
        if m.value.weak and (muted - SPARE_ASSAULTS or muted and m.value.plover_event != "ASSAULT"):
            if not (m.value.plover_event == "PROTEST" and purpose):
                continue  # people gather "to demand help after the floods": still a protest
        if m.end - m.start == 1 and doc[m.start].pos_ == "PROPN" and m.value.rank < 60:
            continue  # "March", "Rally" as names, not events
        found.append(m)
    if any(m.value.sub_event_type == "Peaceful protest" for m in found):
        found = [m for m in found if not protest_topic(doc, m)]
    return found


def protest_topic(doc: Doc, match: Match[lexicons.Trigger] | Match[tuple[str, str]]) -> bool:
    """True for words naming what a protest is about ("to denounce the killing of ...")."""
    if isinstance(match.value, lexicons.Trigger) and match.value.sub_event_type == (
            "Peaceful protest"):
        return False
    topics = lexicons.event_topic_words()
    return any((a.lemma_.lower() in topics or a.lower_ in topics)
               and not match.start <= a.i < match.end  # "violent protests" is no topic
               for a in doc[match.start].ancestors)


def protest_context(matches: list[Match[lexicons.Trigger]], actors: list[Actor]) -> bool:
    return (any(m.value.sub_event_type == "Peaceful protest" for m in matches)
            or any(a.sector == "protesters" for a in actors))


def _military_target(doc: Doc, match: Match[lexicons.Trigger]) -> bool:
    """Whether the attack's object is a post of armed men ("stormed an army base", "an ambush
    on a military convoy", "a checkpoint was attacked"), whoever holds it."""
    root = doc[match.start:match.end].root
    heads = [root] + ([root.head] if root.dep_ in ("xcomp", "aux", "auxpass") else [])
    for head in heads:
        frontier = [c for c in head.children if c.dep_ in TARGET_DEPS]
        while frontier:
            token = frontier.pop()
            if token.lemma_.lower() in MILITARY_TARGETS or token.lower_ in MILITARY_TARGETS:
                return True
            frontier += [c for c in token.children if c.dep_ in TARGET_DEPS]
    return False


def _resolve_attack(actors: list[Actor], actors1: list[Actor], actors2: list[Actor],
                    military_target: bool = False) -> tuple[str, str]:
    """Violence against civilians unless armed actors meet; a crowd of civilians is a mob."""
    if any(a.sector == "civilians" for a in actors2):
        if actors1 and all(a.sector in ("civilians", "rioters") for a in actors1):
            return "Riots", "Mob violence"
        return "Violence against civilians", "Attack"
    if any(a.sector in ARMED for a in actors2):
        return "Battles", "Armed clash"
    if military_target and any(a.sector in ARMED for a in actors1):
        return "Battles", "Armed clash"  # armed men striking a base meet its garrison
    if len({a.name for a in actors if a.sector in ARMED}) >= 2:
        return "Battles", "Armed clash"
    if actors1 and all(a.sector in ("civilians", "rioters") for a in actors1):
        return "Riots", "Mob violence"
    return "Violence against civilians", "Attack"


def _unarmed_crowds(actors: list[Actor]) -> bool:
    """Civilians fighting each other or a single armed side ("villagers clashed", "residents
    clashed with police"): a battle needs two armed sides."""
    crowd = [a for a in actors if a.sector in ("civilians", "rioters")]
    armed = [a for a in actors if a.sector in ARMED]  # mentions: "X militia clashed with Y militia"
    return bool(crowd) and len(armed) < 2


def _protest_told_below(doc: Doc, best: Match[lexicons.Trigger],
                        matches: list[Match[lexicons.Trigger]]) -> bool:
    """Whether every protest in the sentence is told in a clause beneath the main trigger
    ("detained people who organise demonstrations", "arrested on charges of organising a
    protest"): what the arrested did, not where they were arrested."""
    protests = [m for m in matches if m.value.sub_event_type == "Peaceful protest"
                and not _told_as_simultaneous(doc, m)]  # "detained while trying to march"
    depth = _embedding(doc, best)
    return bool(protests) and all(_embedding(doc, m) > depth for m in protests)


def _told_as_simultaneous(doc: Doc, match: Match[lexicons.Trigger]) -> bool:
    """Whether a trigger hangs in a clause of time ("while trying to rally", "as they marched")."""
    token = doc[match.start:match.end].root
    for _ in range(20):
        if any(c.dep_ == "mark" and c.lower_ in SIMULTANEOUS for c in token.children):
            return True
        if token.head is token:
            return False
        token = token.head
    return False


def _excessive_force(actors1: list[Actor], actors2: list[Actor]) -> bool:
    return (any(a.sector in STATE for a in actors1)
            or any(a.sector in PROTEST_SECTORS for a in actors2))


def _resolve_territory(doc: Doc, match: Match[lexicons.Trigger],
                       actors1: list[Actor], actors2: list[Actor]) -> tuple[str, str]:
    sectors = {a.sector for a in actors1}
    if sectors & STATE:
        return "Battles", "Government regains territory"
    if sectors & ARMED:
        return "Battles", "Non-state actor overtakes territory"
    losers = {a.sector for a in actors2}  # "rebels were driven out of the town"
    if losers & STATE:
        return "Battles", "Non-state actor overtakes territory"
    if losers & ARMED:
        return "Battles", "Government regains territory"
    words = doc[match.start:match.end].text.lower()
    if any(w in words for w in GOVERNMENT_GAINS):
        return "Battles", "Government regains territory"
    return "Battles", "Non-state actor overtakes territory"


def _seized(doc: Doc, match: Match[lexicons.Trigger]) -> bool:
    """Whether a weapon's words hang on a verb of seizing or finding ("mines were cleared")."""
    verbs = lexicons.seizure_verbs()
    head = doc[match.end - 1]
    for _ in range(3):
        if head.head is head:
            break
        head = head.head
        if head.pos_ == "VERB" and head.lemma_.lower() in verbs:
            return True
    return False


@functools.lru_cache(maxsize=1)
def _plain_index() -> PhraseIndex[lexicons.Trigger]:
    """Triggers without the riot readings, for riot words told outside a protest."""
    ordered = sorted((t for t in lexicons.triggers() if t.sub_event_type != "@riot"),
                     key=lambda t: -t.rank)
    return PhraseIndex((t.pattern, t) for t in ordered)


def _describing(token: Token) -> bool:
    """A participle with no subject that describes a noun ("a bridge located on the road")."""
    return token.tag_ == "VBN" and token.dep_ in ("acl", "amod") and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in token.children)


def read_in_context(sent: Sentence, matches: list[Match[lexicons.Trigger]], actors: list[Actor],
                 story_protest: bool) -> list[Match[lexicons.Trigger]]:
    """Triggers read in context: weapons count when seized, riot words at a protest, and
    rioting is a violent demonstration in a story about a protest, else mob violence."""
    # a verb of seizing, not a participle describing ("a bridge located on the highway")
    seizing = any(t.lemma_.lower() in lexicons.seizure_verbs() and not _describing(t)
                  for t in sent)
    protest = protest_context(matches, actors)
    kept = []
    for m in matches:
        sub = m.value.sub_event_type
        if sub == "@weapons" and not seizing:
            continue
        if sub == "@riot" and not protest:
            # "shops were looted" away from a protest is looting, not a riot
            kept += _plain_index().find(sent.doc, m.start, m.end)[:1]
            continue
        resolved = {"@weapons": ("Strategic developments", "Disrupted weapons use"),
                    "@riot": ("Riots", "Violent demonstration"),
                    "@unrest": ("Riots", "Violent demonstration" if protest or story_protest
                                else "Mob violence")}.get(sub or "")
        if resolved:
            trig = dataclasses.replace(m.value, event_type=resolved[0],
                                       sub_event_type=resolved[1])
            m = Match(m.start, m.end, trig)
        kept.append(m)
    return kept


def _embedding(doc: Doc, match: Match[lexicons.Trigger]) -> int:
    """How many subordinate clauses or background phrases ("despite ...", "a town that was the
    scene of ...") the trigger sits under: the main clause tells the sentence's event."""
    token = doc[match.start:match.end].root
    depth = 0
    for _ in range(20):
        if token.dep_ in SUBORDINATE or token.lower_ in BACKGROUND:
            depth += 1
        if token.head is token:
            break
        token = token.head
    return depth


def main_trigger(doc: Doc, matches: list[Match[lexicons.Trigger]]) -> Match[lexicons.Trigger]:
    """The sentence's most specific trigger, less specific the deeper it is embedded."""
    return max(matches, key=lambda m: (m.value.rank - EMBEDDING_COST * _embedding(doc, m),
                                       -m.start))


def type_sentence(doc: Doc, matches: list[Match[lexicons.Trigger]], actors: list[Actor],
                   sides: tuple[list[Actor], list[Actor]]) -> Typed | None:
    if not matches:
        return None
    best = main_trigger(doc, matches)
    trig = best.value
    event_type, sub = trig.event_type, trig.sub_event_type
    actors1, actors2 = sides
    if sub == "Armed clash" and _unarmed_crowds(actors):
        event_type, sub = "Riots", "Mob violence"
    if sub in ATTACKS:
        event_type, sub = _resolve_attack(actors, actors1, actors2,
                                          _military_target(doc, best))
    elif sub == "@territory":
        event_type, sub = _resolve_territory(doc, best, actors1, actors2)
    elif sub == "Abduction/forced disappearance" and actors2 and all(
            a.sector in ARMED for a in actors2):
        event_type, sub = "Battles", "Armed clash"  # violence against civilians needs civilians
    elif sub == "Arrests" and actors1 and all(a.sector in NON_STATE for a in actors1):
        event_type, sub = "Violence against civilians", "Abduction/forced disappearance"
    protest = protest_context(matches, actors)
    if protest and sub == "Arrests" and _protest_told_below(doc, best, matches):
        protest = False  # "arrested the activist who organised the march": no crowd was there
    if protest and trig.sub_event_type in ATTACKS and not _excessive_force(actors1, actors2):
        protests = [m for m in matches if m.value.sub_event_type == "Peaceful protest"]
        if protests:  # violence the crowd protests about, not violence against the crowd
            return Typed(protests[0], "Protests", "Peaceful protest", protests[0].value.rank)
    contexts = ["protest"] if protest else []
    if any(m.value.sub_event_type == "Armed clash" and not _embedding(doc, m) for m in matches):
        contexts.append("clash")  # shelling amid clashes is part of the battle
    elif any(m.value.sub_event_type == WITHDRAWAL for m in matches):
        contexts.append("withdrawal")  # a town taken as its holders pull out
    if any(m.value.sub_event_type == "Arrests" for m in matches):
        contexts.insert(0, "arrest")  # "detained twelve people in overnight raids"
    if _seized(doc, best):
        contexts.insert(0, "seized")  # "bombs were found", "troops defused a mine"
    for context in contexts:
        combined = lexicons.event_combinations().get((trig.sub_event_type or "", context))
        if combined:
            event_type, sub = combined
            break
    if protest and sub in PROTEST_ESCALATION:
        # a rally "cut short after police fired tear gas": the handling told anywhere in it
        level = max(PROTEST_ESCALATION.index(m.value.sub_event_type or "")
                    for m in matches if m.value.sub_event_type in PROTEST_ESCALATION)
        if level > PROTEST_ESCALATION.index(sub):
            event_type, sub = "Protests", PROTEST_ESCALATION[level]
    if protest and sub in PROTEST_ESCALATION and any(
            m.value.sub_event_type == "Violent demonstration" for m in matches):
        # a crowd that turns violent is a violent demonstration, whoever intervened
        event_type, sub = "Riots", "Violent demonstration"
    return Typed(best, event_type or None, sub or None, trig.rank)



@functools.lru_cache(maxsize=1)
def _precedence() -> dict[str, frozenset[str]]:
    """Main sub-type -> the event types or sub-types told beside it that lead instead."""
    table: dict[str, set[str]] = {}
    for row in lexicons.read_table("events_precedence.csv"):
        table.setdefault(row["main_sub_event_type"], set()).add(row["yields_to"])
    return {main: frozenset(others) for main, others in table.items()}


def _yield_lead(events: list[Event]) -> list[Event]:
    """The main event gives the lead to a graver one told beside it (weapons seized after a
    clash: the clash; people taken as others are killed: the attack)."""
    graver = _precedence().get(events[0].sub_event_type or "", frozenset())
    for i, event in enumerate(events[1:], start=1):
        if event.event_type in graver or event.sub_event_type in graver:
            return [event, *events[:i], *events[i + 1:]]
    if events[0].sub_event_type == "Attack" and not events[0].actors2:
        # an attack with no victim named, then armed sides fighting: the attack opened a battle
        for i, event in enumerate(events[1:], start=1):
            if event.sub_event_type == "Armed clash" and event.plover is not None and (
                    event.plover.event == "FIGHT") and any(
                    a.sector in ARMED for a in event.actors2):
                return [event, *events[:i], *events[i + 1:]]
    return events


def escalate(events: list[Event], story_protest: bool) -> list[Event]:
    """The main event yields to a graver one told beside it (`events_precedence.csv`).

    A protest story's main event takes the gravest handling of the crowd told anywhere in it
    ("... gathered in the square. Police detained ten of them." is a protest with intervention);
    a crowd that turns violent itself makes it a violent demonstration, whoever intervened.
    """
    if not events:
        return events
    events = _yield_lead(events)
    if events[0].sub_event_type not in PROTEST_ESCALATION[:2]:
        return events
    subs = [e.sub_event_type for e in events[1:]]
    if story_protest and "Violent demonstration" in subs:
        main = dataclasses.replace(events[0], event_type="Riots",
                                   sub_event_type="Violent demonstration")
        return [main, *events[1:]]
    level = PROTEST_ESCALATION.index(events[0].sub_event_type or "")
    for sub in subs:
        if sub == "Arrests" and story_protest:
            sub = "Protest with intervention"
        if sub in PROTEST_ESCALATION:
            level = max(level, PROTEST_ESCALATION.index(sub))
    if level == PROTEST_ESCALATION.index(events[0].sub_event_type or ""):
        return events
    main = dataclasses.replace(events[0], sub_event_type=PROTEST_ESCALATION[level])
    return [main, *events[1:]]
