"""An event's figures, fatalities, claims and certainty, taken from the stages before it.

`events` decides which sentences tell an event; this module decides which of the document's
figures and claims belong to it: the non-cumulative figures of its sentence and the next, its
fatalities as low/best/high over its killed figures, the claims that cover it and the certainty
of the firmest of them. A figure counts for one event only, so neighbouring events never double
one toll.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from fogwatch.pipeline.context import Context
from fogwatch.pipeline.event_types import trigger_index
from fogwatch.records import Certainty, Claim, Event, Fatalities, Figure, Span

if TYPE_CHECKING:  # types only: spaCy itself is imported by fogwatch.nlp alone
    from spacy.tokens import Span as Sentence

__all__ = ["CERTAINTY_ORDER", "event_certainty", "event_claims", "event_figures", "fatalities",
           "in_tally", "one_event_per_figure"]

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


def one_event_per_figure(events: list[Event]) -> list[Event]:
    """A figure counts for one event only: the most salient event that claims it. Events of
    neighbouring sentences would otherwise both count one toll; the main event keeps it, since
    a follow-up sentence ("Three soldiers died.") most often continues the main story."""
    counted: set[Figure] = set()
    shared = []
    for event in events:
        figures = tuple(f for f in event.figures if f not in counted)
        counted.update(event.figures)
        if figures != event.figures:
            kept = {f.span for f in figures}
            evidence = tuple(e for e in event.evidence if e.field != "fatalities" or e.span in kept)
            event = dataclasses.replace(event, figures=figures, evidence=evidence,
                                        fatalities=fatalities(figures))
        shared.append(event)
    return shared
