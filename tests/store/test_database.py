"""`Store`: one transaction per document, keyed by content hash; queries; clear StoreErrors.

Tests taking `store` or `store_url` run on SQLite and on PostgreSQL (tests/store/conftest.py);
the ones about files, paths and SQLite's lock run on SQLite only.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, text

from fogwatch.errors import StoreError
from fogwatch.records import (
    Document,
    Event,
    Extraction,
    Fatalities,
    Place,
    Plover,
    When,
    content_hash,
)
from fogwatch.store import Store, database, schema


def _document(text: str, published: dt.date | None = dt.date(2024, 3, 4)) -> Document:
    return Document(id=content_hash(text), text=text, published=published, ref="story-1")


def _event(doc: Document, event_id: str, *, sub_event_type: str = "Air/drone strike",
           event_type: str = "Explosions/Remote violence", country: str = "SYR",
           day: dt.date | None = dt.date(2024, 3, 4)) -> Event:
    place = Place("Kansafra", "Idlib", None, country, 35.66, 36.48, None, "PPL", 1)
    when = When(day, day, "day") if day else None
    return Event(id=event_id, doc_id=doc.id, event_type=event_type,
                 sub_event_type=sub_event_type, plover=Plover("ASSAULT", "aerial"),
                 place=place, when=when, fatalities=Fatalities(1, 2, 3))


def _rows(store: Store, *tables: str) -> tuple[int, ...]:
    engine = create_engine(store.url)
    with engine.connect() as conn:
        counts = tuple(conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()
                       for t in tables)
    engine.dispose()
    return counts


def _execute(url: str, *statements: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        for statement in statements:
            conn.exec_driver_sql(statement)
    engine.dispose()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "fog.db"


@pytest.fixture
def sqlite_store(db: Path) -> Iterator[Store]:
    with Store.open(str(db)) as opened:
        yield opened


def test_adding_a_new_document_returns_true(store: Store) -> None:
    assert store.add(Extraction(_document("Jets struck a market."))) is True


def test_adding_the_same_document_again_returns_false_and_stores_nothing(store: Store) -> None:
    doc = _document("Jets struck a market.")
    store.add(Extraction(doc, events=(_event(doc, "e1"),)))
    assert store.add(Extraction(doc, events=(_event(doc, "e1"),))) is False
    assert _rows(store, "documents", "extractions", "events") == (1, 1, 1)


def test_has_tells_stored_from_unknown_documents(store: Store) -> None:
    doc = _document("Jets struck a market.")
    store.add(Extraction(doc))
    assert (store.has(doc.id), store.has(content_hash("Another story."))) == (True, False)


def test_refs_give_the_input_id_of_stored_documents(store: Store) -> None:
    doc = _document("Jets struck a market.")
    store.add(Extraction(doc))
    assert store.refs([doc.id, content_hash("Another story.")]) == {doc.id: "story-1"}


def test_the_stored_extraction_round_trips_exactly(store: Store) -> None:
    doc = _document("Jets struck a market.")
    extraction = Extraction(doc, events=(_event(doc, "e1"),), errors=("dates: no match",))
    store.add(extraction)
    assert store.extraction(doc.id) == extraction


def test_events_come_back_as_stored_with_their_document_id(store: Store) -> None:
    doc = _document("Jets struck a market.")
    event = _event(doc, "e1")
    store.add(Extraction(doc, events=(event,)))
    assert store.events() == [event]


def test_events_are_in_date_order_with_undated_last(store: Store) -> None:
    first, second = _document("Story one."), _document("Story two.")
    store.add(Extraction(first, events=(_event(first, "late", day=dt.date(2024, 5, 1)),
                                        _event(first, "undated", day=None))))
    store.add(Extraction(second, events=(_event(second, "early", day=dt.date(2024, 1, 1)),)))
    assert [e.id for e in store.events()] == ["early", "late", "undated"]


def test_events_since_keeps_that_day_and_later(store: Store) -> None:
    doc = _document("Story one.")
    store.add(Extraction(doc, events=(_event(doc, "before", day=dt.date(2024, 2, 29)),
                                      _event(doc, "on", day=dt.date(2024, 3, 1)),
                                      _event(doc, "undated", day=None))))
    assert [e.id for e in store.events(since=dt.date(2024, 3, 1))] == ["on"]


def test_events_type_matches_the_sub_event_type_ignoring_case(store: Store) -> None:
    doc = _document("Story one.")
    store.add(Extraction(doc, events=(
        _event(doc, "strike"),
        _event(doc, "shelling", sub_event_type="Shelling/artillery/missile attack"))))
    assert [e.id for e in store.events(event_type="air/DRONE strike")] == ["strike"]


def test_events_type_matches_the_event_type_ignoring_case(store: Store) -> None:
    doc = _document("Story one.")
    store.add(Extraction(doc, events=(
        _event(doc, "strike"),
        _event(doc, "clash", event_type="Battles", sub_event_type="Armed clash"))))
    assert [e.id for e in store.events(event_type="battles")] == ["clash"]


def test_events_country_takes_an_iso3_code_in_any_case(store: Store) -> None:
    doc = _document("Story one.")
    store.add(Extraction(doc, events=(_event(doc, "syria"), _event(doc, "iraq", country="IRQ"))))
    assert [e.id for e in store.events(country="irq")] == ["iraq"]


# The database itself refuses the second event, after the document and the first event.
REFUSE = {
    "sqlite": ["CREATE TRIGGER refuse BEFORE INSERT ON events WHEN NEW.id = 'bad' "
               "BEGIN SELECT RAISE(ABORT, 'refused'); END"],
    "postgresql": ["CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN "
                   "IF NEW.id = 'bad' THEN RAISE EXCEPTION 'refused' "
                   "USING ERRCODE = 'check_violation'; END IF; RETURN NEW; END $$ "
                   "LANGUAGE plpgsql",
                   "CREATE TRIGGER refuse BEFORE INSERT ON events FOR EACH ROW "
                   "EXECUTE FUNCTION refuse()"],
}


def test_a_write_that_fails_half_way_leaves_no_rows_of_that_document(
        store: Store, store_url: str) -> None:
    _execute(store_url, *REFUSE[store.url.get_backend_name()])
    doc = _document("Jets struck a market.")
    with pytest.raises(StoreError) as caught:
        store.add(Extraction(doc, events=(_event(doc, "good"), _event(doc, "bad"))))
    assert str(caught.value) == (f"{store.where}: the database refused a write (refused); that "
                                 "document was not stored, the ones before it were")
    assert _rows(store, "documents", "extractions", "events") == (0, 0, 0)


def test_a_document_stored_meanwhile_by_another_writer_counts_as_already_stored(
        store: Store, store_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = _document("Jets struck a market.")
    with Store.open(store_url) as other:
        other.add(Extraction(doc))
    monkeypatch.setattr(database, "_exists", lambda conn, doc_id: False)  # the check ran first
    assert store.add(Extraction(doc)) is False
    assert _rows(store, "documents") == (1,)


def test_two_events_with_one_id_are_refused_before_writing(store: Store) -> None:
    doc = _document("Jets struck a market.")
    with pytest.raises(ValueError, match="two events share an id"):
        store.add(Extraction(doc, events=(_event(doc, "e1"), _event(doc, "e1"))))
    assert _rows(store, "documents") == (0,)


def test_the_migrated_schema_matches_the_table_definitions(store: Store) -> None:
    engine = create_engine(store.url)
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), schema.metadata) == []
    engine.dispose()


def test_opening_a_migrated_store_again_keeps_its_documents(store: Store, store_url: str) -> None:
    doc = _document("Jets struck a market.")
    store.add(Extraction(doc))
    with Store.open(store_url) as again:
        assert again.has(doc.id) is True


def test_a_plain_path_opens_an_sqlite_file_there(db: Path) -> None:
    Store.open(str(db)).close()
    assert db.read_bytes()[:16] == b"SQLite format 3\x00"


def test_without_db_the_environment_variable_names_the_store(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FOGWATCH_DB", str(tmp_path / "from-env.db"))
    Store.open().close()
    assert (tmp_path / "from-env.db").exists()


def test_without_db_or_environment_the_store_is_fogwatch_db_here(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FOGWATCH_DB", raising=False)
    monkeypatch.chdir(tmp_path)
    Store.open().close()
    assert (tmp_path / "fogwatch.db").exists()


def test_a_path_whose_folder_cannot_hold_files_is_a_store_error(tmp_path: Path) -> None:
    (tmp_path / "plain-file").write_text("not a folder", encoding="utf-8")
    path = tmp_path / "plain-file" / "fog.db"
    with pytest.raises(StoreError) as caught:
        Store.open(str(path))
    assert str(caught.value) == (
        f"{path}: cannot open or create the database file; check that its folder exists and "
        "is writable, or pass --db with another path")


def test_a_folder_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as caught:
        Store.open(str(tmp_path))
    assert str(caught.value) == (f"{tmp_path}: is a folder, not a database file; pass --db with "
                                 f"a file path such as {tmp_path / 'fogwatch.db'}")


def test_a_file_that_is_not_a_database_is_a_store_error(db: Path) -> None:
    db.write_bytes(b"These are notes, not a database. " * 40)
    with pytest.raises(StoreError) as caught:
        Store.open(str(db))
    assert str(caught.value) == (
        f"{db}: not a fogwatch database (SQLite says: file is not a database); move the file "
        "aside or pass --db with another path")


def test_a_locked_database_is_a_store_error_after_a_short_wait(
        sqlite_store: Store, db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(database, "LOCK_TIMEOUT_SECONDS", 0.1)
    locked = Store.open(str(db))  # a new engine, so the shorter wait applies
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreError) as caught:
            locked.add(Extraction(_document("Jets struck a market.")))
    finally:
        other.execute("ROLLBACK")
        other.close()
        locked.close()
    assert str(caught.value) == (
        f"{db}: the database is locked by another program (waited 0.1 s); run this again when "
        "that program has finished")


def test_opening_a_missing_database_for_reading_is_a_store_error(db: Path) -> None:
    with pytest.raises(StoreError) as caught:
        Store.open(str(db), create=False)
    assert str(caught.value) == (f"{db}: no fogwatch database here; run `fogwatch ingest` "
                                 "first, or pass --db with the database to read")
    assert not db.exists()


def test_a_schema_from_a_newer_fogwatch_is_a_store_error(store: Store, store_url: str) -> None:
    _execute(store_url, "UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(StoreError, match="written by a newer fogwatch: upgrade fogwatch$"):
        Store.open(store_url)


def test_a_url_of_an_unknown_kind_of_database_is_a_store_error() -> None:
    with pytest.raises(StoreError) as caught:
        Store.open("nonsense://")
    assert str(caught.value) == (
        "nonsense://: not a kind of database fogwatch can open (Can't load plugin: "
        "sqlalchemy.dialects:nonsense); use a file path, sqlite:///PATH or "
        "postgresql+psycopg://USER@HOST/NAME")
