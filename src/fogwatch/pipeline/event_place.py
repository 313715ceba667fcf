"""Where an event happened: the place the event stage gives it, from the places stage's
resolved mentions and the sentence the trigger stands in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from fogwatch.records import Place, Span

if TYPE_CHECKING:  # types only: spaCy itself is imported by fogwatch.nlp alone
    from spacy.tokens import Span as Sentence

__all__ = ["event_place"]


def _inside(span: Span | None, sent: Sentence) -> bool:
    return span is not None and sent.start_char <= span.start < sent.end_char


def event_place(places: tuple[Place, ...], sent: Sentence, trigger: Span) -> Place | None:
    """The most precise place named in the sentence (the nearest of equals); where the sentence
    names only regions or countries ("Turkish artillery shelled Syrian positions"), the story's
    first town or village, which such a sentence most often continues."""
    here = [p for p in places if _inside(p.span, sent)]
    nearest = min(here, key=lambda p: (p.precision,
                                       abs(p.span.start - trigger.start) if p.span else 0),
                  default=None)
    if nearest is not None and nearest.precision < 3:
        return nearest
    precise = next((p for p in places if p.precision < 3), None)
    return precise or nearest or (places[0] if places else None)
