"""The value that flows through the pipeline: the document, its parse, and what stages added."""

from __future__ import annotations

from dataclasses import dataclass

from fogwatch.nlp import Doc
from fogwatch.records import Actor, Claim, Document, Event, Figure, Place, When

__all__ = ["Context"]


@dataclass(frozen=True, slots=True)
class Context:
    """Each stage returns a copy with its own fields filled (`dataclasses.replace`)."""

    document: Document
    doc: Doc
    claims: tuple[Claim, ...] = ()
    actors: tuple[Actor, ...] = ()
    places: tuple[Place, ...] = ()
    dates: tuple[When, ...] = ()
    figures: tuple[Figure, ...] = ()
    events: tuple[Event, ...] = ()
    errors: tuple[str, ...] = ()
