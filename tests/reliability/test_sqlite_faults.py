"""SQLite on a read-only or full disk: a clear error, the documents stored before it kept, and a
database that passes `PRAGMA integrity_check` afterwards."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from fogwatch.cli.main import app
from fogwatch.errors import StoreError
from fogwatch.records import Document, Event, Extraction, Plover, content_hash
from fogwatch.store import Store
from reliability.filesystems import remount, tmpfs

runner = CliRunner()


def _extraction(number: int, padding: int = 0) -> Extraction:
    # Padding makes big rows, to fill a small disk in a few writes.
    text = f"Clashes near Gao, report {number}. " + f"Residents fled {number}. " * padding
    doc = Document(id=content_hash(text), text=text, published=dt.date(2024, 3, 4))
    event = Event(id=f"{doc.id}-1", doc_id=doc.id, event_type="Battles",
                  sub_event_type="Armed clash", plover=Plover("FIGHT"))
    return Extraction(doc, events=(event,))


def _integrity(db: Path) -> str:
    with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn:
        result: str = conn.execute("PRAGMA integrity_check").fetchone()[0]
        return result


def _stored(db: Path) -> tuple[set[str], set[str]]:
    """Document ids, and the document ids the events and extractions rows point to."""
    with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn:
        documents = {row[0] for row in conn.execute("SELECT id FROM documents")}
        linked = {row[0] for row in conn.execute(
            "SELECT doc_id FROM events UNION SELECT doc_id FROM extractions")}
    return documents, linked


def _fill(store: Store, limit: int = 10_000) -> tuple[list[str], StoreError]:
    """Add big documents until the store refuses one; the ids it accepted and its error."""
    added: list[str] = []
    for number in range(limit):
        extraction = _extraction(number, padding=400)
        try:
            store.add(extraction)
        except StoreError as exc:
            return added, exc
        added.append(extraction.document.id)
    raise AssertionError(f"{limit} documents fitted: the disk never filled")


def test_a_full_disk_is_a_clear_error_and_the_database_stays_whole() -> None:
    with tmpfs(size_kib=1024) as disk:
        db = disk / "fog.db"
        with Store.open(str(db)) as store:
            added, error = _fill(store)
        assert added, "not one document fitted"
        assert str(error).startswith(f"{db}: cannot write the database (")
        assert "check the disk's free space" in str(error)
        assert _integrity(db) == "ok"
        documents, linked = _stored(db)
        assert documents == set(added)  # every accepted document, and only those
        assert linked == documents  # no half-written document: no orphan event or extraction


def test_an_sqlite_file_at_its_page_limit_is_the_same_clear_error(tmp_path: Path) -> None:
    # Without root, SQLite's own size cap stands in for a full disk (SQLITE_FULL either way).
    db = tmp_path / "fog.db"
    with Store.open(str(db)) as store:
        store.add(_extraction(0))

        @sa.event.listens_for(store._engine, "connect")
        def _cap(dbapi_connection: Any, record: Any) -> None:
            pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
            dbapi_connection.execute(f"PRAGMA max_page_count = {pages + 40}")

        store._engine.dispose()  # new connections get the cap
        added, error = _fill(store)
    assert "(database or disk is full); check the disk's free space" in str(error)
    assert _integrity(db) == "ok"
    documents, linked = _stored(db)
    assert documents == {_extraction(0).document.id, *added}
    assert linked == documents


def _jsonl(path: Path, *texts: str) -> Path:
    path.write_text("".join(json.dumps({"text": t, "published": "2024-03-04"}) + "\n"
                            for t in texts), encoding="utf-8")
    return path


def test_ingest_into_a_read_only_disk_says_so_and_keeps_what_was_stored(tmp_path: Path) -> None:
    first = _jsonl(tmp_path / "first.jsonl", "Gunmen attacked a checkpoint near Mosul.")
    second = _jsonl(tmp_path / "second.jsonl", "Rockets hit the port of Sirte on Monday.")
    with tmpfs(size_kib=4096) as disk:
        db = disk / "fog.db"
        assert runner.invoke(app, ["ingest", str(first), "--db", str(db)]).exit_code == 0
        remount(disk, "ro")
        try:
            result = runner.invoke(app, ["ingest", str(second), "--db", str(db)])
            assert result.exit_code == 1
            # In WAL mode even opening needs the folder writable (the -shm file).
            assert f"error: {db}: cannot open or create the database file; check that its " \
                   "folder exists and is writable, or pass --db with another path" in result.output
        finally:
            remount(disk, "rw")
        assert _integrity(db) == "ok"
        assert len(_stored(db)[0]) == 1
        result = runner.invoke(app, ["ingest", str(second), "--db", str(db)])
        assert result.exit_code == 0
        assert "1 new, 0 already stored" in result.output.splitlines()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes read-only files all the same")
def test_ingest_into_a_read_only_file_says_so(tmp_path: Path) -> None:
    story = _jsonl(tmp_path / "story.jsonl", "Gunmen attacked a checkpoint near Mosul.")
    db = tmp_path / "fog.db"
    Store.open(str(db)).close()
    db.chmod(0o444)
    result = runner.invoke(app, ["ingest", str(story), "--db", str(db)])
    assert result.exit_code == 1
    assert "the database is read-only" in result.output
    assert _integrity(db) == "ok"


@pytest.mark.slow  # two ingests of long stories: about 20 s
def test_ingest_onto_a_full_disk_stops_with_a_clear_error_and_the_rerun_completes() -> None:
    # Long stories, so that a few fill the small disk; numbered throughout, so that none is a
    # near-duplicate of another.
    stories = [f"Gunmen attacked checkpoint number {n} near Mosul on Monday. " + " ".join(
        f"Residents of block {n * 100 + i} counted the damage." for i in range(60))
        for n in range(40)]
    with tmpfs(size_kib=640) as disk, tmpfs(size_kib=4096) as roomy:
        db, corpus = disk / "fog.db", _jsonl(roomy / "news.jsonl", *stories)
        result = runner.invoke(app, ["ingest", str(corpus), "--db", str(db)])
        assert result.exit_code == 1
        assert "check the disk's free space (stopped here: the documents not yet stored " \
               "were left out)" in result.output
        assert _integrity(db) == "ok"
        kept, linked = _stored(db)
        assert 0 < len(kept) < len(stories) and linked == kept
        remount(disk, "rw,size=16m")  # room again: the rerun stores the rest, and only them
        result = runner.invoke(app, ["ingest", str(corpus), "--db", str(db)])
        assert result.exit_code == 0, result.output
        assert (f"{len(stories) - len(kept)} new, {len(kept)} already stored"
                in result.output.splitlines())
        assert _integrity(db) == "ok"
