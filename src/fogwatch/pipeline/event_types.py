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
(`events_combinations.csv`), a protest whose crowd is arrested in the sentence is one with
intervention, and a story's main event yields to a graver one told beside it
(`events_precedence.csv`).

Whatever decided an event's type is recorded on it: `Typed.rule` (the event's `typed_by`) names
the table row ("events_triggers.csv: shell*") or the rule ("attack: armed victims"), and
`Typed.rested_on` holds the words it rested on, the trigger's first.
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from fogwatch import lexicons
from fogwatch.nlp import Doc, doc_text
from fogwatch.pipeline.event_framing import crowd_assault, unrealised
from fogwatch.pipeline.event_lead import PROTEST_ESCALATION, escalate
from fogwatch.pipeline.event_parties import (
    ARMED,
    NON_STATE,
    PROTEST_SECTORS,
    STATE,
    Reading,
    excessive_force,
    resolve_attack,
    resolve_territory,
    unarmed_crowds,
)
from fogwatch.pipeline.phrases import Match, PhraseIndex, token_span
from fogwatch.records import Actor, Span

if TYPE_CHECKING:  # types only: spaCy itself is imported by fogwatch.nlp alone
    from spacy.tokens import Span as Sentence
    from spacy.tokens import Token

__all__ = ["ARMED", "PROTEST_SECTORS", "STATE", "SentenceCues", "Typed", "escalate",
           "imperative", "lookalike_cues", "lookalike_index", "sentence_cues",
           "main_trigger", "protest_context", "protest_topic", "read_in_context",
           "sentence_triggers", "tag_typed", "trigger_index", "type_sentence"]

# a trigger loses this much rank per subordinate clause or background phrase above it
EMBEDDING_COST = 20  # chosen on acled-notes-train (0, 20, 40)
SUBORDINATE = frozenset({"relcl", "acl", "advcl", "ccomp", "csubj", "pcomp"})
BACKGROUND = frozenset({"despite", "amid", "since", "before"})
SIMULTANEOUS = frozenset({"while", "as", "when", "whilst"})
# look-alike classes that leave shootings and killings standing (gang violence is coded; a
# vigil for the victims of a shooting tells the shooting, and no protest unless it says what for)
SPARE_ASSAULTS = frozenset({"drugs", "mourning"})
ATTACKS = ("@attack", "@raid")  # resolved by who is involved; a raid that detains is arrests
WITHDRAWAL = "Non-violent transfer of territory"
REMOTE = "Explosions/Remote violence"


@dataclass(frozen=True, slots=True)
class Typed:
    """A sentence's chosen trigger and the ACLED / PLOVER reading it resolved to: `rule` names
    what decided the type (a table row or a named rule) and `rested_on` the words it rested on,
    the trigger's first."""

    match: Match[lexicons.Trigger]
    event_type: str | None
    sub_event_type: str | None
    rank: int
    rule: str
    rested_on: tuple[Span, ...]


@functools.lru_cache(maxsize=1)
def trigger_index() -> PhraseIndex[lexicons.Trigger]:
    ordered = sorted(lexicons.triggers(), key=lambda t: -t.rank)
    return PhraseIndex((t.pattern, t) for t in ordered)


@functools.lru_cache(maxsize=1)
def lookalike_index() -> PhraseIndex[tuple[str, str]]:
    return PhraseIndex((p, (cls, scope)) for p, cls, scope in lexicons.lookalike_cues())


@dataclass(frozen=True, slots=True)
class SentenceCues:
    """The look-alike cues told in one sentence: whether it only attributes responsibility
    ("claimed responsibility for the attack"), the look-alike classes by cue scope, and the
    token positions inside masked words ("riot police", "gun violence")."""

    attributing: bool
    scopes: dict[str, frozenset[str]]
    masked: frozenset[int]

    def classes(self, *scopes: str) -> frozenset[str]:
        """The look-alike classes of cues of these scopes ("doc", "lead")."""
        return frozenset().union(*(self.scopes.get(s, frozenset()) for s in scopes))

    def masks(self, match: Match[lexicons.Trigger]) -> bool:
        """Whether a trigger lies inside masked words."""
        return not self.masked.isdisjoint(range(match.start, match.end))


# named-entity labels of places and facilities: a cue inside one ("Diplomat Drive") is a name
PLACE_ENTITIES = frozenset({"FAC", "GPE", "LOC"})


def lookalike_cues(doc: Doc, start: int = 0, end: int | None = None
                   ) -> list[Match[tuple[str, str]]]:
    """The look-alike cues of tokens `[start, end)`, less those that are part of a place's or a
    street's name ("Flood Street", "Diplomat Drive"), which tell no flood and no diplomacy."""
    return [c for c in lookalike_index().find(doc, start, end)
            if not all(t.ent_type_ in PLACE_ENTITIES for t in doc[c.start:c.end])]


def sentence_cues(doc: Doc, sent: Sentence) -> SentenceCues:
    cues = lookalike_cues(doc, sent.start, sent.end)
    scopes: dict[str, set[str]] = {}
    for c in cues:
        scopes.setdefault(c.value[1], set()).add(c.value[0])
    return SentenceCues(
        attributing="sentence" in scopes,
        scopes={scope: frozenset(classes) for scope, classes in scopes.items()},
        masked=frozenset(i for c in cues if c.value[1] == "mask" for i in range(c.start, c.end)))


def _tag_reading(doc: Doc) -> tuple[str, str] | None:
    """A note opening with an analyst's tag ("Property destruction: ...") names its sub-type."""
    head, sep, _ = doc_text(doc)[:60].partition(":")
    if not sep:
        return None
    return lexicons.event_tags().get(head.strip().lower())


def _tag_words(doc: Doc) -> str:
    return doc_text(doc)[:60].partition(":")[0].strip().lower()


def tag_typed(doc: Doc, sent: Sentence) -> Typed | None:
    """The event an analyst's opening tag names, anchored on the tag's own words."""
    reading = _tag_reading(doc)
    if reading is None:
        return None
    same = [t for t in lexicons.triggers() if t.sub_event_type == reading[1]]
    plover = same[0] if same else lexicons.triggers()[0]
    tag_end = next((t.i for t in sent if t.text == ":"), sent.start)
    trig = dataclasses.replace(plover, event_type=reading[0], sub_event_type=reading[1])
    match = Match(sent.start, max(tag_end, sent.start + 1), trig)
    return Typed(match, reading[0], reading[1], 1000, f"events_tags.csv: {_tag_words(doc)}",
                 (token_span(doc, match.start, match.end),))


@functools.lru_cache(maxsize=1)
def _protest_purposes() -> frozenset[str]:
    """Lemmas saying what a gathering is for ("to protest", "to demand", "raise awareness")."""
    return frozenset(r["lemma"].lower() for r in lexicons.read_table("events_protest_purposes.csv"))


def sentence_triggers(doc: Doc, sent: Sentence, story_lookalike: frozenset[str]
                      ) -> list[Match[lexicons.Trigger]]:
    """The sentence's triggers, less those a look-alike story (of the given classes) or a topic
    of protest rules out. A story of the drug trade still tells of the people shot in it."""
    cues = sentence_cues(doc, sent)
    if cues.attributing:
        return []
    muted = story_lookalike | cues.classes("doc")
    purpose = bool(muted) and any(t.lemma_.lower() in _protest_purposes()
                                  for t in doc[sent.start:sent.end])
    triggers = trigger_index().find(doc, sent.start, sent.end)
    if "crime" in muted and crowd_assault(doc, triggers):
        muted -= {"crime"}  # "residents beat a suspected thief": mob justice, not a crime story
    found = []
    for m in triggers:
        if cues.masks(m):  # words that contain a trigger but name no event ("riot police")
            continue
        if m.value.weak and (muted - SPARE_ASSAULTS or muted and m.value.plover_event != "ASSAULT"):
            if not (m.value.plover_event == "PROTEST" and purpose):
                continue  # people gather "to demand help after the floods": still a protest
        if m.end - m.start == 1 and doc[m.start].pos_ == "PROPN" and m.value.rank < 60:
            continue  # "March", "Rally" as names, not events
        if unrealised(doc, m) or imperative(doc, m):
            continue
        found.append(m)
    if any(m.value.sub_event_type == "Peaceful protest" for m in found):
        found = [m for m in found if not protest_topic(doc, m)]
    return found


def imperative(doc: Doc, match: Match[lexicons.Trigger]) -> bool:
    """Whether a trigger sits in a sentence that opens with a verb with no subject, telling the
    reader to do something ("Visit our website", "Click the link to go back to the site
    you were visiting"), not that anything happened."""
    sent = doc[match.start].sent
    opening = next((t for t in sent if not t.is_punct and not t.is_space), None)
    return (opening is not None and opening.tag_ == "VB" and opening.dep_ == "ROOT"
            and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in opening.children))


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






def _seized(doc: Doc, match: Match[lexicons.Trigger]) -> Span | None:
    """The verb of seizing or finding a weapon's words hang on ("mines were cleared")."""
    verbs = lexicons.seizure_verbs()
    head = doc[match.end - 1]
    for _ in range(3):
        if head.head is head:
            break
        head = head.head
        if head.pos_ == "VERB" and head.lemma_.lower() in verbs:
            return token_span(doc, head.i, head.i + 1)
    return None


@functools.lru_cache(maxsize=1)
def _plain_index() -> PhraseIndex[lexicons.Trigger]:
    """Triggers without the riot and unrest readings, for riot words told outside a protest
    ("vandalized" away from a protest is property destruction)."""
    ordered = sorted((t for t in lexicons.triggers()
                      if t.sub_event_type not in ("@riot", "@unrest")),
                     key=lambda t: -t.rank)
    return PhraseIndex((t.pattern, t) for t in ordered)


def _describing(token: Token) -> bool:
    """A participle with no subject that describes a noun ("a bridge located on the road")."""
    return token.tag_ == "VBN" and token.dep_ in ("acl", "amod") and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in token.children)


def read_in_context(sent: Sentence, matches: list[Match[lexicons.Trigger]], actors: list[Actor],
                 story_protest: bool, fired: bool = False) -> list[Match[lexicons.Trigger]]:
    """Triggers read in context: weapons count when seized (and not in a sentence where a gun
    is `fired`: "found his uncle's gun and shot himself" tells the shooting's weapon, and
    there the weak words of remote violence, "a shotgun blast", "a barrage of shots", tell the
    gunfire), riot words at a protest, and rioting is a violent demonstration in a story about
    a protest, else mob violence."""
    # a verb of seizing, not a participle describing ("a bridge located on the highway")
    seizing = any(t.lemma_.lower() in lexicons.seizure_verbs() and not _describing(t)
                  for t in sent)
    protest = protest_context(matches, actors)
    kept = []
    for m in matches:
        sub = m.value.sub_event_type
        if fired and m.value.weak and m.value.event_type == REMOTE:
            continue
        if sub == "@riot" and not protest:
            # "shops were looted" away from a protest is looting, not a riot
            plain = _plain_index().find(sent.doc, m.start, m.end)[:1]
            if not plain:
                continue
            m = plain[0]
            sub = m.value.sub_event_type
        if sub == "@weapons" and (fired or not seizing):
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


@functools.lru_cache(maxsize=1)
def _table_subs() -> dict[lexicons.Trigger, str | None]:
    """Each trigger row, its readings blanked, -> the sub-type its row in the table gives."""
    return {dataclasses.replace(t, event_type=None, sub_event_type=None): t.sub_event_type
            for t in lexicons.triggers()}


def _protest_words(doc: Doc, matches: list[Match[lexicons.Trigger]],
                   actors: list[Actor]) -> tuple[Span, ...]:
    """The words that make a sentence a protest's: its protest trigger, else its crowd."""
    protests = [m for m in matches if m.value.sub_event_type == "Peaceful protest"]
    if protests:
        return (token_span(doc, protests[0].start, protests[0].end),)
    return tuple(a.span for a in actors if a.sector == "protesters" and a.span is not None)[:1]


def _row_reading(doc: Doc, best: Match[lexicons.Trigger], matches: list[Match[lexicons.Trigger]],
                 actors: list[Actor]) -> Reading:
    """The trigger's own reading: its row of `events_triggers.csv`, or the row's `@` reading
    as `read_in_context` resolved it (weapons seized, riot words at a protest)."""
    trig = best.value
    words = " ".join(trig.pattern)
    row_sub = _table_subs().get(dataclasses.replace(trig, event_type=None, sub_event_type=None),
                                "")
    if row_sub == trig.sub_event_type:
        return Reading(trig.event_type, trig.sub_event_type, f"events_triggers.csv: {words}")
    if trig.sub_event_type is None:  # violence ACLED leaves out (`non_acled`)
        return Reading(None, None, f"events_non_acled.csv: {words}")
    if row_sub == "@weapons":
        sent = doc[best.start].sent
        verbs = tuple(token_span(doc, t.i, t.i + 1) for t in sent
                      if t.lemma_.lower() in lexicons.seizure_verbs() and not _describing(t))
        return Reading(trig.event_type, trig.sub_event_type, f"weapons seized: {words}",
                       verbs[:1])
    if trig.sub_event_type == "Mob violence":
        return Reading(trig.event_type, trig.sub_event_type, f"unrest away from a protest: {words}")
    rule = "riot" if row_sub == "@riot" else "unrest"
    return Reading(trig.event_type, trig.sub_event_type, f"{rule} at a protest: {words}",
                   _protest_words(doc, matches, actors))


def _by_parties(doc: Doc, best: Match[lexicons.Trigger], actors: list[Actor],
                sides: tuple[list[Actor], list[Actor]], reading: Reading) -> Reading:
    """The reading that who is involved decides (`event_parties`), else `reading`."""
    sub = reading.sub_event_type
    actors1, actors2 = sides
    if sub == "Armed clash":
        return unarmed_crowds(actors) or reading
    if sub in ATTACKS:
        return resolve_attack(doc, best, actors, sides)
    if sub == "@territory":
        return resolve_territory(doc, best, actors1, actors2)
    if sub == "Abduction/forced disappearance" and actors2 and all(
            a.sector in ARMED for a in actors2):  # violence against civilians needs civilians
        return Reading("Battles", "Armed clash", "abduction: armed captives",
                       tuple(a.span for a in actors2 if a.span is not None))
    if sub == "Arrests" and actors1 and all(a.sector in NON_STATE for a in actors1):
        return Reading("Violence against civilians", "Abduction/forced disappearance",
                       "arrest: non-state captors",
                       tuple(a.span for a in actors1 if a.span is not None))
    return reading


def _contexts(doc: Doc, best: Match[lexicons.Trigger], matches: list[Match[lexicons.Trigger]],
              protest: tuple[Span, ...] | None) -> list[tuple[str, tuple[Span, ...]]]:
    """The sentence's contexts that can turn the trigger's reading into another
    (`events_combinations.csv`), in the order they are tried, with their words."""
    def first(sub: str, unembedded: bool = False) -> tuple[Span, ...] | None:
        found = [m for m in matches if m.value.sub_event_type == sub
                 and not (unembedded and _embedding(doc, m))]
        return (token_span(doc, found[0].start, found[0].end),) if found else None

    contexts = [("protest", protest)] if protest is not None else []
    clash = first("Armed clash", unembedded=True)
    withdrawal = first(WITHDRAWAL)
    if clash is not None:
        contexts.append(("clash", clash))  # shelling amid clashes is part of the battle
    elif withdrawal is not None:
        contexts.append(("withdrawal", withdrawal))  # a town taken as its holders pull out
    arrest = first("Arrests")
    if arrest is not None:
        contexts.insert(0, ("arrest", arrest))  # "detained twelve people in overnight raids"
    seized = _seized(doc, best)
    if seized is not None:
        contexts.insert(0, ("seized", (seized,)))  # "bombs were found", "troops defused a mine"
    return contexts


def _crowd_detained(doc: Doc, matches: list[Match[lexicons.Trigger]]
                    ) -> Match[lexicons.Trigger] | None:
    """An arrest told as done at the sentence's protest ("police arrested ten students at the
    rally", "marchers gathered and police detained five"), not one the crowd protests about
    ("rallied against the arrest of their leader", "demanding the release of those detained")
    nor one told beneath it ("arrested the man who organised the march")."""
    protests = [m for m in matches if m.value.sub_event_type == "Peaceful protest"]
    if not protests:
        return None
    depth = min(_embedding(doc, m) for m in protests)
    for m in matches:
        if m.value.sub_event_type != "Arrests" or _embedding(doc, m) > depth:
            continue
        token = doc[m.start:m.end].root
        if token.pos_ != "VERB" or token.dep_ in ("amod", "acl", "relcl"):
            continue  # "the arrest of", "detained activists": a topic or a description
        if not any(_argument_of(token, doc[p.start:p.end].root) for p in protests):
            return m
    return None


def _argument_of(token: Token, protest: Token) -> bool:
    """Whether `token` hangs beneath the protest word other than as a coordinated clause
    ("protested to demand that those detained be freed", not "marched, and police arrested")."""
    for _ in range(20):
        if token is protest:
            return True
        if token.dep_ == "conj" and token.head is protest:
            return False
        if token.head is token:
            return False
        token = token.head
    return False


def _escalated(doc: Doc, matches: list[Match[lexicons.Trigger]], reading: Reading) -> Reading:
    """A protest sentence's reading with the gravest handling of the crowd told in it."""
    def told(sub: str) -> tuple[Span, ...]:
        found = next(m for m in matches if m.value.sub_event_type == sub)
        return (token_span(doc, found.start, found.end),)

    sub = reading.sub_event_type
    if sub not in PROTEST_ESCALATION:
        return reading
    # a rally "cut short after police fired tear gas": the handling told anywhere in it
    level = max((PROTEST_ESCALATION.index(m.value.sub_event_type or "")
                 for m in matches if m.value.sub_event_type in PROTEST_ESCALATION), default=-1)
    if level > PROTEST_ESCALATION.index(sub):
        reading = Reading("Protests", PROTEST_ESCALATION[level],
                          "protest escalation: gravest handling", told(PROTEST_ESCALATION[level]))
    detained = _crowd_detained(doc, matches)
    if detained is not None and reading.sub_event_type == "Peaceful protest":
        # "police arrested ten students at the rally": the crowd was intervened in
        reading = Reading("Protests", "Protest with intervention",
                          "protest escalation: arrests at the protest",
                          (token_span(doc, detained.start, detained.end),))
    if any(m.value.sub_event_type == "Violent demonstration" for m in matches):
        # a crowd that turns violent is a violent demonstration, whoever intervened
        reading = Reading("Riots", "Violent demonstration", "protest escalation: violent crowd",
                          told("Violent demonstration"))
    return reading


def type_sentence(doc: Doc, matches: list[Match[lexicons.Trigger]], actors: list[Actor],
                   sides: tuple[list[Actor], list[Actor]]) -> Typed | None:
    if not matches:
        return None
    best = main_trigger(doc, matches)
    trig = best.value
    actors1, actors2 = sides
    reading = _by_parties(doc, best, actors, sides, _row_reading(doc, best, matches, actors))
    protest = protest_context(matches, actors)
    if protest and reading.sub_event_type == "Arrests" and _protest_told_below(
            doc, best, matches):
        protest = False  # "arrested the activist who organised the march": no crowd was there
    if protest and trig.sub_event_type in ATTACKS and not excessive_force(actors1, actors2):
        protests = [m for m in matches if m.value.sub_event_type == "Peaceful protest"]
        if protests:  # violence the crowd protests about, not violence against the crowd
            told = token_span(doc, protests[0].start, protests[0].end)
            return Typed(protests[0], "Protests", "Peaceful protest", protests[0].value.rank,
                         "protest: violence protested about",
                         (told, token_span(doc, best.start, best.end)))
    for context, words in _contexts(doc, best, matches,
                                    _protest_words(doc, matches, actors) if protest else None):
        combined = lexicons.event_combinations().get((trig.sub_event_type or "", context))
        if combined:
            reading = Reading(*combined, f"events_combinations.csv: "
                              f"{trig.sub_event_type} + {context}", words)
            break
    if protest:
        reading = _escalated(doc, matches, reading)
    return Typed(best, reading.event_type or None, reading.sub_event_type or None, trig.rank,
                 reading.rule, (token_span(doc, best.start, best.end), *reading.rested_on))
