"""Two writer processes ingesting overlapping documents into one PostgreSQL store at once: every
document is stored exactly once (the content-hash key), none is lost, and each is counted new by
exactly one writer.

PostgreSQL only: on SQLite two writers adding documents back to back starve each other (the
waiting one polls for the write lock and keeps missing the short gap between the other's
transactions), so after LOCK_TIMEOUT_SECONDS it stops with "the database is locked". SQLite is
the single-user default; a team that ingests from several processes at once uses PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from threading import Barrier

import sqlalchemy as sa

from fogwatch.records import Document, Event, Extraction, Plover, content_hash
from fogwatch.store import Store

SHARED = [f"Shelling hit district {n} of Kramatorsk overnight." for n in range(200)]


def _extraction(text: str) -> Extraction:
    doc = Document(id=content_hash(text), text=text, published=dt.date(2024, 3, 4))
    return Extraction(doc, events=(Event(id="e1", doc_id=doc.id, event_type="Explosions/Remote violence",
                                         sub_event_type="Shelling/artillery/missile attack",
                                         plover=Plover("ASSAULT")),))


def _write(url: str, texts: list[str], start: Barrier) -> list[str]:
    """Once both writers are ready, add the documents in order; the ids this writer stored as
    new."""
    extractions = [_extraction(text) for text in texts]
    with Store.open(url) as store:
        start.wait(timeout=60)
        return [e.document.id for e in extractions if store.add(e)]


def _counts(url: str) -> tuple[int, int, int]:
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        counts = tuple(conn.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one()
                       for table in ("documents", "extractions", "events"))
    engine.dispose()
    return counts[0], counts[1], counts[2]


def test_two_writers_at_once_store_each_document_exactly_once(postgres_url: str) -> None:
    store_url = postgres_url
    with sa.create_engine(store_url).begin() as conn:  # a fresh schema
        conn.exec_driver_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    Store.open(store_url).close()  # migrated once, as the first `fogwatch ingest` would
    first = SHARED + [f"Only the first writer read story {n}." for n in range(10)]
    second = SHARED[::-1] + [f"Only the second writer read story {n}." for n in range(10)]
    context = multiprocessing.get_context("spawn")
    with context.Manager() as manager, ProcessPoolExecutor(
            max_workers=2, mp_context=context) as writers:
        start = manager.Barrier(2)
        futures = [writers.submit(_write, store_url, texts, start) for texts in (first, second)]
        new_first, new_second = (future.result(timeout=120) for future in futures)
    expected = {content_hash(text) for text in first + second}
    shared = {content_hash(text) for text in SHARED}
    # They ran at once: each stored part of the shared documents (one from each end).
    assert shared & set(new_first) and shared & set(new_second)
    assert set(new_first).isdisjoint(new_second)
    assert set(new_first) | set(new_second) == expected
    assert _counts(store_url) == (len(expected),) * 3
