"""PostgreSQL stopped mid-ingest: the store waits for it with growing pauses, then gives up with a
clear StoreError; what was committed stays, and the same work runs to the end once it is back."""

from __future__ import annotations

import datetime as dt
import threading
import time

import pytest

from fogwatch.errors import StoreError
from fogwatch.records import Document, Event, Extraction, Plover, content_hash
from fogwatch.store import Store
from fogwatch.store.failures import Backoff
from reliability.postgres import PostgresServer


def _extraction(text: str) -> Extraction:
    doc = Document(id=content_hash(text), text=text, published=dt.date(2024, 3, 4))
    event = Event(id=f"{doc.id}-1", doc_id=doc.id, event_type="Battles",
                  sub_event_type="Armed clash", plover=Plover("FIGHT"))
    return Extraction(doc, events=(event,))


FIRST, SECOND = _extraction("Clashes near Gao on Monday."), _extraction("Shelling in Kidal.")


def _open(server: PostgresServer, budget: float) -> Store:
    store = Store.open(server.url)
    store.backoff = Backoff(first=0.2, factor=2.0, longest=1.0, budget=budget)
    return store


def test_a_write_waits_for_a_restarted_server_and_then_lands(postgres: PostgresServer) -> None:
    with _open(postgres, budget=30) as store:
        assert store.add(FIRST)
        postgres.stop()
        restart = threading.Timer(1.5, postgres.start)
        restart.start()
        started = time.monotonic()
        try:
            assert store.add(SECOND)
        finally:
            restart.join()
        assert time.monotonic() - started >= 1.0  # it did wait for the server
        assert store.stored_ids([FIRST.document.id, SECOND.document.id]) == {
            FIRST.document.id, SECOND.document.id}
        assert store.extraction(SECOND.document.id) == SECOND


def test_a_server_that_stays_down_is_a_clear_error_after_the_backoff(
        postgres: PostgresServer) -> None:
    with _open(postgres, budget=1.5) as store:
        assert store.add(FIRST)
        postgres.stop()
        started = time.monotonic()
        with pytest.raises(StoreError, match=r"stopped answering and did not come back "
                                             r"\(3 retries over 1\.4 s.*rerun the same command"):
            store.add(SECOND)
        assert time.monotonic() - started < 10
    postgres.start()
    with _open(postgres, budget=5) as store:  # the rerun: nothing lost, the rest goes in
        assert store.stored_ids([FIRST.document.id, SECOND.document.id]) == {FIRST.document.id}
        assert (store.add(FIRST), store.add(SECOND)) == (False, True)
        assert [e.doc_id for e in store.events()] == sorted(
            [FIRST.document.id, SECOND.document.id])


def test_reads_wait_for_a_restarted_server_too(postgres: PostgresServer) -> None:
    with _open(postgres, budget=30) as store:
        store.add(FIRST)
        postgres.stop()
        restart = threading.Timer(1.0, postgres.start)
        restart.start()
        try:
            assert [e.id for e in store.events()] == [FIRST.events[0].id]
        finally:
            restart.join()


def test_a_wrong_query_is_not_retried(postgres: PostgresServer) -> None:
    with _open(postgres, budget=30) as store:
        started = time.monotonic()
        with pytest.raises(StoreError, match="database error"):
            store.events(country=None, event_type="\x00")  # PostgreSQL refuses NUL in text
        assert time.monotonic() - started < 5
