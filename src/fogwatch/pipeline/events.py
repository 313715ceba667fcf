"""Stage 'events': trigger words and the sentence's structure -> Events, ordered by salience.

Sentence by sentence: type the sentence's triggers (`event_types`), then give the event the
sentence's actors (perpetrators vs targets by dependency role; a speaker who only reports it is
no party), the most precise place named there (else the story's first), the sentence's date
(else the story's first, else the publication date), the non-cumulative figures of this and the
next sentence, and the claims that cover it. ACLED events come first, the most specific (and
the lead sentence's) first; then the events ACLED has no type for (`event_type` None): verbal
ones (PLOVER CONSULT, THREATEN, ...), kept in a story of talks alone too, and violence ACLED
leaves out (a shooting in a robbery, by accident: `non_acled`), which counts its casualties.
"""

from __future__ import annotations

import dataclasses
import hashlib
from typing import TYPE_CHECKING

from fogwatch import lexicons
from fogwatch.nlp import Doc
from fogwatch.pipeline.actors import generic_actor
from fogwatch.pipeline.context import Context
from fogwatch.pipeline.event_figures import (
    event_certainty,
    event_claims,
    event_figures,
    fatalities,
    in_tally,
    one_event_per_figure,
)
from fogwatch.pipeline.event_place import event_place
from fogwatch.pipeline.event_place_seat import at_seat
from fogwatch.pipeline.event_types import (
    PROTEST_SECTORS,
    Typed,
    escalate,
    lookalike_cues,
    main_trigger,
    protest_context,
    protest_topic,
    read_in_context,
    sentence_triggers,
    tag_typed,
    trigger_index,
    type_sentence,
)
from fogwatch.pipeline.non_acled import (
    carries_figures,
    fires_gun,
    non_acled_triggers,
    said_triggers,
)
from fogwatch.pipeline.phrases import Match, token_span
from fogwatch.records import (
    Actor,
    Event,
    Evidence,
    Figure,
    Place,
    Plover,
    Span,
    When,
)

if TYPE_CHECKING:  # types only: spaCy itself is imported by fogwatch.nlp alone
    from spacy.tokens import Span as Sentence
    from spacy.tokens import Token

__all__ = ["find_events", "event_id"]

_CROWDS = {"Protests": "protester", "Riots": "rioter"}
_UNNAMED = dict.fromkeys(("Attack", "Armed clash", "Abduction/forced disappearance",
                          "Remote explosive/landmine/IED", "Grenade", "Suicide bomb"), "gunman")
_QUANTITIES = frozenset({"number", "group", "band", "gang", "dozen", "dozens", "hundreds",
                         "unit", "squad", "team", "member", "members"})
LEAD_BONUS = 10  # the first sentence usually carries the story's main event


def event_id(doc_id: str, trigger: Span) -> str:
    """An event's id: stable for the same document and trigger span."""
    key = f"{doc_id}:{trigger.start}:{trigger.end}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def _inside(span: Span | None, sent: Sentence) -> bool:
    return span is not None and sent.start_char <= span.start < sent.end_char


def _role(doc: Doc, actor: Actor, trigger: Match[lexicons.Trigger]) -> int:
    """1 for a perpetrator, 2 for a target, 0 when the parse does not say."""
    if actor.span is None:
        return 0
    part = doc.char_span(actor.span.start, actor.span.end, alignment_mode="expand")
    if part is None:
        return 0
    if part.start < trigger.end and trigger.start < part.end:
        return 1  # "Russian airstrikes": the actor named in the trigger carried it out
    root: Token = part.root
    while root.dep_ in ("compound", "amod") and root.head is not root:
        root = root.head  # "the ISIL terrorists": the phrase's head holds the role
    if (root.dep_ == "pobj" and root.head.lower_ == "of"
            and root.head.head.lemma_.lower() in _QUANTITIES):
        root = root.head.head  # "a group of gunmen", "an unknown number of armed men"
    if root.dep_ == "pobj" and root.head.lower_ == "by" and root.head.head.dep_ == "acl" and not (
            trigger.start <= root.head.head.i < trigger.end):
        return 0  # "fired at a car driven by civilians": the agent of another verb
    if root.dep_ == "nsubj" or (root.dep_ == "pobj" and root.head.lower_ == "by"):
        return 1
    if root.dep_ in ("nsubjpass", "dobj", "pobj", "attr", "appos"):
        return 2
    return 0


def _speaker(doc: Doc, actor: Actor) -> bool:
    """True for an actor who only reports the event ("police said"), not a party to it."""
    if actor.span is None:
        return False
    part = doc.char_span(actor.span.start, actor.span.end, alignment_mode="expand")
    if part is None:
        return False
    root = part.root
    return (root.dep_ == "nsubj"
            and root.head.lemma_.lower() in lexicons.attribution_verbs())


def _with_country(actor: Actor, country: str | None) -> Actor:
    """A generic actor with no country of its own takes the event's ("Police" -> of Kenya)."""
    if actor.country is not None or country is None:
        return actor
    for kind in lexicons.generic_actors().values():
        if generic_actor(kind, None, None).name == actor.name and kind.sector == actor.sector:
            return generic_actor(kind, country, actor.span)
    return actor


def _participants(doc: Doc, actors: list[Actor], trigger: Match[lexicons.Trigger]
                  ) -> tuple[list[Actor], list[Actor]]:
    sides: tuple[list[Actor], list[Actor]] = ([], [])
    undecided = []
    for actor in actors:
        role = _role(doc, actor, trigger)
        if role:
            sides[role - 1].append(actor)
        else:
            undecided.append(actor)
    for actor in undecided:
        (sides[0] if not sides[0] else sides[1]).append(actor)
    if not sides[0] and sides[1] and sides[1][0].sector in PROTEST_SECTORS:
        sides[0].append(sides[1].pop(0))  # "a protest by students": the crowd acts
    return sides


def _clause_head(token: Token) -> Token:
    """The verb heading the clause a token sits in (the sentence root at most)."""
    for _ in range(12):
        if token.pos_ in ("VERB", "AUX") or token.head is token:
            return token
        token = token.head
    return token


def _attaches(doc: Doc, date: Span, trigger: Span) -> bool:
    """Whether a date's syntactic head hangs on the trigger's clause: in "confirmed on Thursday
    that soldiers were killed on Tuesday", Tuesday attaches to "killed", Thursday does not."""
    date_span = doc.char_span(date.start, date.end, alignment_mode="expand")
    trigger_span = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    if date_span is None or trigger_span is None or not len(date_span) or not len(trigger_span):
        return False
    return _clause_head(date_span.root) == _clause_head(trigger_span.root)


def _when(ctx: Context, sent: Sentence, trigger: Span) -> When | None:
    """The date attached to the trigger's clause, else the nearest in its sentence, else the
    story's first, else the publication date with week precision: a story tells of the days
    before it, not necessarily of its own day."""
    here = [d for d in ctx.dates if d.start is not None and d.span is not None
            and _inside(d.span, sent)]
    attached = [d for d in here if d.span is not None and _attaches(ctx.doc, d.span, trigger)]
    if attached or here:
        return min(attached or here,
                   key=lambda d: abs(d.span.start - trigger.start) if d.span else 0)
    resolved = [d for d in ctx.dates if d.start is not None]
    if resolved:
        return resolved[0]
    published = ctx.document.published
    return When(published, published, "week") if published else None


def _evidence(trigger: Span, typed: Typed, place: Place | None, when: When | None,
              figures: tuple[Figure, ...], actors1: list[Actor],
              actors2: list[Actor]) -> tuple[Evidence, ...]:
    items = [Evidence("event", trigger)]
    # the words the type rested on: the trigger's, then those of the rule that decided it
    items += [Evidence("event_type", span) for span in dict.fromkeys(typed.rested_on)]
    if place is not None and place.span is not None:
        items.append(Evidence("location", place.span))
    if when is not None and when.span is not None:
        items.append(Evidence("date", when.span))
    items += [Evidence("fatalities", f.span) for f in figures
              if f.kind == "killed" and f.span is not None]
    items += [Evidence("actor1", a.span) for a in actors1 if a.span is not None]
    items += [Evidence("actor2", a.span) for a in actors2 if a.span is not None]
    return tuple(items)


def _event(ctx: Context, sents: list[Sentence], i: int, typed: Typed,
           actors1: list[Actor], actors2: list[Actor]) -> Event:
    sent = sents[i]
    trigger = token_span(ctx.doc, typed.match.start, typed.match.end)
    place = at_seat(event_place(ctx.places, sent, trigger))
    country = place.country if place is not None else next(
        (p.country for p in ctx.places if p.country), None)  # else the story's first country
    figures = event_figures(ctx, sents, i)
    claims = event_claims(ctx, sents, i)
    when = _when(ctx, sent, trigger)
    crowd = _CROWDS.get(typed.event_type or "") or _UNNAMED.get(typed.sub_event_type or "")
    if not actors1 and crowd is not None:
        # a protest or riot implies its crowd, an attack by no one named an unidentified armed
        # group (ACLED's convention); the trigger is the words that name it
        kind = lexicons.generic_actors()[crowd]
        actors1 = [generic_actor(kind, None, trigger)]
    actors1 = [_with_country(a, country) for a in actors1]
    actors2 = [_with_country(a, country) for a in actors2]
    trig = typed.match.value
    return Event(
        id=event_id(ctx.document.id, trigger), doc_id=ctx.document.id,
        event_type=typed.event_type, sub_event_type=typed.sub_event_type,
        plover=Plover(trig.plover_event, trig.plover_mode),
        actors1=tuple(actors1), actors2=tuple(actors2), place=place, when=when,
        figures=figures, claims=claims, certainty=event_certainty(claims),
        fatalities=fatalities(figures),
        evidence=_evidence(trigger, typed, place, when, figures, actors1, actors2),
        typed_by=typed.rule,
    )


def find_events(ctx: Context) -> Context:
    """Events in salience order: ACLED events (most specific, then earliest), then verbal ones."""
    doc = ctx.doc
    sents = list(doc.sents)
    cues = lookalike_cues(doc)
    # a disaster or a crime told in the opening is what the story is about; told later, it
    # mutes only its own sentence ("... after violence erupted at a party" is no volcano)
    opening_end = sents[min(1, len(sents) - 1)].end if sents else 0
    story_lookalike = frozenset(c.value[0] for c in cues
                                if c.value[1] in ("doc", "lead") and c.start < opening_end)
    lead_protests = [m for m in trigger_index().find(doc, 0, sents[0].end if sents else 0)
                     if m.value.sub_event_type == "Peaceful protest"]
    # "demonstrated against the sanctions", "rallied amid sanctions": the protest leads
    gathered = {doc[m.start:m.end].root.i for m in lead_protests if not m.value.weak}
    # a story led by sanctions or expulsions tells what was said and decided, no ACLED event
    said_only = bool(sents) and any(
        c.value[1] == "lead" and c.start < sents[0].end
        and not (lead_protests and protest_topic(doc, c))
        and not any(a.i in gathered for a in doc[c.start].ancestors) for c in cues)
    story_protest = protest_context(
        [m for m in trigger_index().find(doc) if m.value.sub_event_type == "Peaceful protest"],
        list(ctx.actors))
    named = _place_name_tokens(doc, ctx.places)
    scored: list[tuple[int, int, Event]] = []
    for i, sent in enumerate(sents):
        actors = [a for a in ctx.actors if _inside(a.span, sent) and not _speaker(doc, a)]
        matches = read_in_context(sent, sentence_triggers(doc, sent, story_lookalike), actors,
                                  story_protest, fires_gun(doc, sent))
        seen = {(m.start, m.end) for m in matches}
        matches += [m for m in said_triggers(doc, sent, story_lookalike)
                    if (m.start, m.end) not in seen]
        matches = [m for m in matches if not _in_name(named, m)]
        if said_only:
            matches = [m for m in matches if m.value.event_type is None]
        elif not any(m.value.event_type for m in matches):
            # no ACLED reading: a shooting in a robbery or by accident is still an event
            matches += [m for m in non_acled_triggers(doc, sent, story_lookalike)
                        if not _in_name(named, m)]
        tagged = tag_typed(doc, sent) if i == 0 and not said_only else None
        if matches:
            anchor = main_trigger(doc, matches)
        elif tagged is not None:
            anchor = tagged.match
        else:
            continue
        if in_tally(ctx.figures, doc[anchor.start].idx):
            continue  # "16 soldiers have been killed in total since December" tells no event
        actors1, actors2 = _participants(doc, actors, anchor)
        typed = tagged or type_sentence(doc, matches, actors, (actors1, actors2))
        if typed is None:
            continue
        rank = typed.rank + (LEAD_BONUS if i == 0 else 0)
        scored.append((rank, typed.match.start, _event(ctx, sents, i, typed, actors1, actors2)))
    # ACLED events first; then the typeless ones (violence ACLED leaves out, things said)
    scored.sort(key=lambda item: (item[2].event_type is None, -item[0], item[1]))
    events = escalate([e for _, _, e in scored], story_protest)
    return dataclasses.replace(ctx, events=tuple(_count_figures(events, ctx.figures)))


def _place_name_tokens(doc: Doc, places: tuple[Place, ...]) -> frozenset[int]:
    """The tokens of resolved toponyms: a trigger word inside a town's name ("McKees Rocks",
    "Battle Creek") names the town, not an event."""
    tokens: set[int] = set()
    for place in places:
        if place.span is None:
            continue
        part = doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
        if part is not None:
            tokens.update(range(part.start, part.end))
    return frozenset(tokens)


def _in_name(named: frozenset[int], match: Match[lexicons.Trigger]) -> bool:
    """Whether a trigger's words begin and end inside toponyms (a gap between its words may
    hold a place: "detained in Minsk during a protest" is no name)."""
    return match.start in named and match.end - 1 in named


def _count_figures(events: list[Event], figures: tuple[Figure, ...]) -> list[Event]:
    """Figures go to events once their order is final: the main event keeps the story's count.
    Only events that use force count casualties (`carries_figures`): talks, threats or
    sanctions told beside a killing carry none of its dead."""
    counting = [e for e in events
                if carries_figures(e.plover.event if e.plover else None, e.event_type)]
    counted = {e.id: e for e in one_event_per_figure(counting, figures)}
    return [counted.get(e.id) or dataclasses.replace(
                e, figures=(), fatalities=None,
                evidence=tuple(x for x in e.evidence if x.field != "fatalities"))
            for e in events]
