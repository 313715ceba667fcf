"""`fogwatch ingest`: read documents, extract the new ones and store them.

Documents already in the store (same content hash) are neither extracted nor stored again. A
document that cannot be read or extracted is reported on one line and the rest go on; the exit
code is 1 when anything failed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Annotated, Literal

import typer
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from fogwatch.cli.common import DbOption, error_console, open_store, say_error
from fogwatch.errors import StoreError
from fogwatch.ingest.readers import Item, read_paths
from fogwatch.pipeline import extract_document, extract_documents
from fogwatch.records import Document, Extraction
from fogwatch.store import Store

__all__ = ["BATCH_SIZE", "Outcome", "Tally", "ingest", "ingest_items"]

# Documents read, checked against the store and parsed (spaCy's nlp.pipe) together.
BATCH_SIZE = 64

Status = Literal["new", "already stored", "failed"]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one input item; `error` is a one-line message when it failed."""

    status: Status
    origin: str
    error: str | None = None


@dataclass(slots=True)
class Tally:
    new: int = 0
    already_stored: int = 0
    failed: int = 0

    def count(self, outcome: Outcome) -> None:
        if outcome.status == "new":
            self.new += 1
        elif outcome.status == "already stored":
            self.already_stored += 1
        else:
            self.failed += 1

    def summary(self) -> str:
        text = f"{self.new} new, {self.already_stored} already stored"
        return f"{text}, {self.failed} failed" if self.failed else text


def ingest(
    paths: Annotated[list[str], typer.Argument(
        help="Text files (.txt), JSONL files (one {id, text, published} object a line), "
             "folders (searched recursively) or '-' for JSONL on stdin.")],
    db: DbOption = None,
) -> None:
    """Extract events from documents and store them; documents already stored are skipped."""
    console = error_console()
    store = open_store(db)
    tally = Tally()
    progress = Progress(SpinnerColumn(), TextColumn("ingesting"), BarColumn(),
                        TextColumn("{task.completed} documents"), TimeElapsedColumn(),
                        console=console, transient=True, disable=not console.is_terminal)
    try:
        with progress:
            task = progress.add_task("ingest", total=None)
            for outcome in ingest_items(read_paths(paths), store):
                tally.count(outcome)
                if outcome.error is not None:
                    say_error(progress.console, outcome.error)
                progress.advance(task)
    except StoreError as exc:
        say_error(console, f"{exc} (stopped here: the documents not yet stored were left out)")
        typer.echo(tally.summary())
        raise typer.Exit(1) from None
    finally:
        store.close()
    typer.echo(tally.summary())
    if tally.failed:
        raise typer.Exit(1)


def ingest_items(items: Iterable[Item], store: Store,
                 batch_size: int = BATCH_SIZE) -> Iterator[Outcome]:
    """Store the extractions of items not stored yet; one Outcome per item.

    A StoreError (database locked, disk full) stops the run: what was stored stays stored.
    """
    iterator = iter(items)
    while batch := list(islice(iterator, batch_size)):
        stored = store.stored_ids(item.document.id for item in batch if item.document)
        pending: list[Item] = []
        for item in batch:
            if item.document is None:
                yield Outcome("failed", item.origin,
                              str(item.error) if item.error else f"{item.origin}: unreadable")
            elif item.document.id in stored:
                yield Outcome("already stored", item.origin)
            else:
                # A second copy in the same batch counts as already stored once the first is.
                stored.add(item.document.id)
                pending.append(item)
        documents = [item.document for item in pending if item.document is not None]
        for item, result in zip(pending, _extractions(documents), strict=True):
            if isinstance(result, str):
                yield Outcome("failed", item.origin,
                              f"{item.origin}: extraction failed ({result}); the other "
                              "documents went on; please report this as a fogwatch bug")
                continue
            yield _store(store, item, result)


def _store(store: Store, item: Item, extraction: Extraction) -> Outcome:
    try:
        new = store.add(extraction)
    except StoreError:
        raise
    except Exception as exc:  # a malformed extraction must not stop the other documents
        return Outcome("failed", item.origin,
                       f"{item.origin}: cannot store its extraction ({_describe(exc)})")
    return Outcome("new" if new else "already stored", item.origin)


def _extractions(documents: list[Document]) -> Iterator[Extraction | str]:
    """Each document's Extraction, or a description of the exception that stopped it.

    Documents are parsed in batches; when the batch fails, the failing document is retried on
    its own (so the blame lands on the right one) and the rest go one by one.
    """
    batch = extract_documents(documents)
    for index in range(len(documents)):
        try:
            yield next(batch)
        except Exception:
            for rest in documents[index:]:
                yield _extract_one(rest)
            return


def _extract_one(document: Document) -> Extraction | str:
    try:
        return extract_document(document)
    except Exception as exc:
        return _describe(exc)


def _describe(exc: Exception) -> str:
    return f"{type(exc).__name__}: {' '.join(str(exc).split())}"
