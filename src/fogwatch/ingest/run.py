"""Storing what was read: each new item extracted (by an Engine: this process, a local pool
or Dask) and stored in one transaction, items already stored skipped, one Outcome per item.
`fogwatch ingest`, the Dask engine's tests and the web write route share it."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Literal

from fogwatch.errors import StoreError
from fogwatch.ingest.engines import Engine
from fogwatch.ingest.items import Item
from fogwatch.ingest.pool import ExtractionPool, describe
from fogwatch.records import Extraction
from fogwatch.store import Store

__all__ = ["BATCH_SIZE", "Outcome", "Status", "ingest_items"]

# Documents read, checked against the store and parsed (spaCy's nlp.pipe) together.
BATCH_SIZE = 64

Status = Literal["new", "already stored", "failed"]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one input item; `error` is a one-line message when it failed."""

    status: Status
    origin: str
    error: str | None = None
    near_duplicate: bool = False


def ingest_items(items: Iterable[Item], store: Store, *, pool: Engine | None = None,
                 batch_size: int = BATCH_SIZE) -> Iterator[Outcome]:
    """Store the extractions of items not stored yet; one Outcome per item.

    A StoreError (database locked, disk full) stops the run: what was stored stays stored.
    """
    pool = pool if pool is not None else ExtractionPool(1)
    iterator = iter(items)
    # One batch is extracted (in the workers) while the next is read and checked here.
    in_flight: tuple[list[Item], Callable[[], Iterator[Extraction | str]]] | None = None
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
                # A second copy in the same batch counts as already stored once the first is
                # (a copy in the batch in flight is caught when storing it: store.add is False).
                stored.add(item.document.id)
                pending.append(item)
        documents = [item.document for item in pending if item.document is not None]
        submitted = (pending, pool.submit(documents))
        if in_flight is not None:
            yield from _store_batch(store, *in_flight)
        in_flight = submitted
    if in_flight is not None:
        yield from _store_batch(store, *in_flight)


def _store_batch(store: Store, items: list[Item],
                 results: Callable[[], Iterator[Extraction | str]]) -> Iterator[Outcome]:
    for item, result in zip(items, results(), strict=True):
        if isinstance(result, str):
            yield Outcome("failed", item.origin,
                          f"{item.origin}: extraction failed ({result}); the other "
                          "documents went on; please report this as a fogwatch bug")
            continue
        yield _store(store, item, result)


def _store(store: Store, item: Item, extraction: Extraction) -> Outcome:
    try:
        new = store.add(extraction, fingerprint=item.fingerprint)
    except StoreError:
        raise
    except Exception as exc:  # a malformed extraction must not stop the other documents
        return Outcome("failed", item.origin,
                       f"{item.origin}: cannot store its extraction ({describe(exc)})")
    duplicate = item.document is not None and item.document.near_duplicate_of is not None
    return Outcome("new" if new else "already stored", item.origin, near_duplicate=duplicate)
