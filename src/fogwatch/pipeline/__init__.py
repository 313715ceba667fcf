"""Document -> Extraction: six stages, run in the one explicit order below.

Each stage is a pure function `(Context) -> Context` that declares the context fields it reads
and the ones it adds; `check_order` proves that every stage reads only what the parse or an
earlier stage provides. Nothing registers itself on import: `PIPELINE` is the whole list.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from fogwatch.errors import PipelineOrderError
from fogwatch.nlp import parse, parse_many
from fogwatch.pipeline import actors, dates, events, figures, invisible, places, sources
from fogwatch.pipeline.context import Context
from fogwatch.records import Document, Extraction, content_hash

__all__ = ["PIPELINE", "Context", "Stage", "check_order", "extract_document", "extract_documents",
           "make_document", "run_stages"]

# What every context holds before the first stage runs.
GIVEN = frozenset({"document", "doc"})


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    run: Callable[[Context], Context]
    reads: frozenset[str]
    adds: frozenset[str]


PIPELINE: tuple[Stage, ...] = (
    Stage("sources", sources.find_claims,
          reads=frozenset({"document", "doc"}), adds=frozenset({"claims"})),
    Stage("actors", actors.find_actors,
          reads=frozenset({"doc"}), adds=frozenset({"actors"})),
    Stage("places", places.find_places,
          reads=frozenset({"doc"}), adds=frozenset({"places"})),
    Stage("dates", dates.find_dates,
          reads=frozenset({"document", "doc"}), adds=frozenset({"dates"})),
    Stage("figures", figures.find_figures,
          reads=frozenset({"doc", "actors", "dates"}), adds=frozenset({"figures"})),
    Stage("events", events.find_events,
          reads=frozenset({"document", "doc", "claims", "actors", "places", "dates", "figures"}),
          adds=frozenset({"events"})),
)


def check_order(stages: Iterable[Stage]) -> None:
    """Raise PipelineOrderError if a stage reads a field that nothing before it provides."""
    available = set(GIVEN)
    for stage in stages:
        missing = stage.reads - available
        if missing:
            raise PipelineOrderError(
                f"stage {stage.name!r} reads {sorted(missing)} before any stage adds them"
            )
        available |= stage.adds


check_order(PIPELINE)


def run_stages(ctx: Context, stages: Iterable[Stage] = PIPELINE) -> Context:
    """Run each stage on the context in turn."""
    for stage in stages:
        ctx = stage.run(ctx)
    return ctx


def make_document(text: str, published: dt.date | None = None, *, ref: str | None = None,
                  source: str | None = None, url: str | None = None,
                  title: str | None = None) -> Document:
    """A Document keyed by the content hash of its text."""
    return Document(id=content_hash(text), text=text, published=published, source=source,
                    url=url, title=title, ref=ref)


def _to_extraction(ctx: Context) -> Extraction:
    return Extraction(document=ctx.document, events=ctx.events, places=ctx.places,
                      dates=ctx.dates, actors=ctx.actors, figures=ctx.figures,
                      claims=ctx.claims, errors=ctx.errors)


def extract_document(document: Document) -> Extraction:
    """The pipeline's output for one document."""
    cleaned = invisible.clean(document)
    if cleaned is None:
        return _to_extraction(run_stages(Context(document=document, doc=parse(document.text))))
    found = _to_extraction(run_stages(Context(document=cleaned.document,
                                              doc=parse(cleaned.document.text))))
    return invisible.restore(found, document, cleaned)


def extract_documents(documents: Iterable[Document], batch_size: int = 64) -> Iterator[Extraction]:
    """Extractions for many documents, in input order, parsing them in batches."""
    docs = list(documents) if not isinstance(documents, list) else documents
    cleaned = [invisible.clean(d) for d in docs]
    readable = [c.document if c is not None else d for d, c in zip(docs, cleaned, strict=True)]
    parsed = parse_many((d.text for d in readable), batch_size=batch_size)
    for document, clean, read, doc in zip(docs, cleaned, readable, parsed, strict=True):
        found = _to_extraction(run_stages(Context(document=read, doc=doc)))
        yield found if clean is None else invisible.restore(found, document, clean)
