"""The same store on PostgreSQL: one schema, one code path (skipped without a server)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from fogwatch.errors import StoreError
from fogwatch.records import Document, Event, Extraction, Place, Plover, When, content_hash
from fogwatch.store import Store, schema


def _extraction(text: str, *events: tuple[str, str, dt.date | None]) -> Extraction:
    doc = Document(id=content_hash(text), text=text, published=dt.date(2024, 3, 4))
    place = Place("Kansafra", "Idlib", None, "SYR", 35.66, 36.48, None, "PPL", 1)
    return Extraction(doc, events=tuple(
        Event(id=event_id, doc_id=doc.id, event_type="Battles", sub_event_type=sub_type,
              plover=Plover("FIGHT"), place=place, when=When(day, day, "day") if day else None)
        for event_id, sub_type, day in events))


@pytest.fixture
def store(postgres_url: str) -> Iterator[Store]:
    engine = sa.create_engine(postgres_url)
    with engine.begin() as conn:  # a fresh schema for each test
        conn.exec_driver_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    engine.dispose()
    with Store.open(postgres_url) as opened:
        yield opened


def test_adding_twice_stores_once_on_postgres(store: Store) -> None:
    extraction = _extraction("Clashes in Kansafra.", ("e1", "Armed clash", dt.date(2024, 3, 4)))
    assert (store.add(extraction), store.add(extraction)) == (True, False)
    assert store.extraction(extraction.document.id) == extraction


def test_event_queries_filter_and_order_the_same_on_postgres(store: Store) -> None:
    store.add(_extraction("Story one.", ("late", "Armed clash", dt.date(2024, 5, 1)),
                          ("undated", "Armed clash", None)))
    store.add(_extraction("Story two.", ("early", "Government regains territory",
                                         dt.date(2024, 1, 1))))
    assert [e.id for e in store.events()] == ["early", "late", "undated"]
    assert [e.id for e in store.events(since=dt.date(2024, 2, 1), event_type="ARMED clash",
                                       country="syr")] == ["late"]


def test_the_migrated_postgres_schema_matches_the_table_definitions(
        store: Store, postgres_url: str) -> None:
    engine = sa.create_engine(postgres_url)
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), schema.metadata) == []
    engine.dispose()


def test_a_server_that_does_not_answer_is_a_store_error(postgres_url: str) -> None:
    url = sa.make_url(postgres_url).set(port=1)
    with pytest.raises(StoreError, match=r"^postgresql\+psycopg://postgres@127.0.0.1:1/postgres: "
                                         r"database error: .*; check that the database is "
                                         r"reachable and that --db \(or \$FOGWATCH_DB\) is right$"):
        Store.open(url.render_as_string(hide_password=False))
