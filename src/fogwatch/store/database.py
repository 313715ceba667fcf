"""`Store`: the one interface to the database. Nothing else in fogwatch talks SQL.

Each document is written in one transaction (document, extraction and events together), keyed
by the content hash, so an interrupted ingest leaves whole documents only and adding the same
document again stores nothing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import URL, Connection, Engine

from fogwatch.errors import StoreError
from fogwatch.records import (
    Document,
    Event,
    Extraction,
    Figure,
    Fingerprint,
    Incident,
    from_json,
    to_json,
)
from fogwatch.store import incidents as incident_sql
from fogwatch.store import schema
from fogwatch.store.chunks import chunks
from fogwatch.store.failures import Backoff, retried, translated
from fogwatch.store.url import describe, resolve_url, sqlite_path

__all__ = ["LOCK_TIMEOUT_SECONDS", "NO_ACLED_TYPE", "Store", "event_type_condition"]

# How long SQLite waits for another writer before we report the database as locked.
LOCK_TIMEOUT_SECONDS = 5.0
# The type filter's word for events of no ACLED type (ordinary crime, things said).
NO_ACLED_TYPE = "none"
MIGRATIONS = Path(__file__).with_name("migrations")
_WRITE = "fogwatch_write"


class Store:
    """Stored documents, their extractions and events. Open with `Store.open(db)`."""

    def __init__(self, engine: Engine, url: URL) -> None:
        self._engine = engine
        self.url = url
        self.where = describe(url)
        # A database server that goes away mid-run is waited for; an SQLite file never is.
        self.backoff = (Backoff(budget=0) if url.get_backend_name() == "sqlite"
                        else Backoff.from_environment())

    @classmethod
    def open(cls, db: str | None = None, *, create: bool = True) -> Store:
        """Open (and migrate to the current schema) the store at `db`: a URL or a file path.

        Without `db`, $FOGWATCH_DB or ./fogwatch.db. With `create=False` a missing SQLite file
        is a StoreError instead of a new empty database.
        """
        url = resolve_url(db)
        path = sqlite_path(url)
        if path is not None and path.is_dir():
            raise StoreError(f"{path}: is a folder, not a database file; pass --db with a file "
                             f"path such as {path / 'fogwatch.db'}")
        if path is not None and not create and not path.exists():
            raise StoreError(f"{path}: no fogwatch database here; run `fogwatch ingest` first, "
                             "or pass --db with the database to read")
        store = cls(_create_engine(url), url)
        try:
            store._migrate()
        except BaseException:
            store.close()
            raise
        return store

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    # --- writes ----------------------------------------------------------------------------

    @retried
    def add(self, extraction: Extraction, *, fingerprint: Fingerprint | None = None) -> bool:
        """Store a document with its extraction and events; False if it was already stored.

        `fingerprint` (an original document's MinHash signature and bands) is stored with it,
        so that later runs find the document's republications (`similar_documents`).
        """
        document = extraction.document
        event_rows = [_event_row(document.id, rank, event)
                      for rank, event in enumerate(extraction.events)]
        ids = [row["id"] for row in event_rows]
        if len(set(ids)) != len(ids):
            raise ValueError(f"document {document.id}: two events share an id in {ids}")
        try:
            with self._connect(write=True) as conn, conn.begin():
                if _exists(conn, document.id):
                    return False
                conn.execute(sa.insert(schema.documents), [_document_row(extraction)])
                conn.execute(sa.insert(schema.extractions),
                             [{"doc_id": document.id, "json": _dumps(to_json(extraction))}])
                if event_rows:
                    conn.execute(sa.insert(schema.events), event_rows)
                if fingerprint is not None:
                    _insert_fingerprint(conn, document.id, fingerprint)
        except StoreError as exc:
            if isinstance(exc.__cause__, sa.exc.IntegrityError) and self.has(document.id):
                return False  # another process stored the same document meanwhile
            raise
        return True

    # --- reads -----------------------------------------------------------------------------

    def has(self, doc_id: str) -> bool:
        """Whether the document with this content hash is stored."""
        return doc_id in self.stored_ids([doc_id])

    @retried
    def stored_ids(self, doc_ids: Iterable[str]) -> set[str]:
        """Those of `doc_ids` that are stored."""
        found: set[str] = set()
        with self._connect() as conn:
            for chunk in chunks(doc_ids):
                query = sa.select(schema.documents.c.id).where(schema.documents.c.id.in_(chunk))
                found.update(conn.execute(query).scalars())
        return found

    @retried
    def refs(self, doc_ids: Iterable[str]) -> dict[str, str | None]:
        """The caller's id (JSONL "id", file name stem) of each of these stored documents."""
        found: dict[str, str | None] = {}
        table = schema.documents
        with self._connect() as conn:
            for chunk in chunks(doc_ids):
                query = sa.select(table.c.id, table.c.ref).where(table.c.id.in_(chunk))
                found.update((doc_id, ref) for doc_id, ref in conn.execute(query))
        return found

    @retried
    def stored_at(self, doc_ids: Iterable[str]) -> dict[str, int]:
        """When each of these stored documents was stored, in Unix seconds (UTC)."""
        found: dict[str, int] = {}
        table = schema.documents
        with self._connect() as conn:
            for chunk in chunks(doc_ids):
                query = sa.select(table.c.id, table.c.ingested_at).where(table.c.id.in_(chunk))
                found.update((doc_id, _unix_seconds(when)) for doc_id, when in conn.execute(query))
        return found

    @retried
    def similar_documents(self, bands: Iterable[str]) -> dict[str, bytes]:
        """The stored originals that share at least one LSH band with these, each with its
        MinHash signature (candidates for the near-duplicate check; the caller compares)."""
        signatures, band_rows = schema.near_duplicate_signatures, schema.near_duplicate_bands
        found: dict[str, bytes] = {}
        with self._connect() as conn:
            for chunk in chunks(bands):
                query = (sa.select(signatures.c.doc_id, signatures.c.signature)
                         .where(signatures.c.doc_id.in_(
                             sa.select(band_rows.c.doc_id).where(band_rows.c.band.in_(chunk)))))
                found.update((doc_id, bytes(signature))
                             for doc_id, signature in conn.execute(query))
        return dict(sorted(found.items()))

    @retried
    def extraction(self, doc_id: str) -> Extraction | None:
        """The stored extraction of a document, None if the document is not stored."""
        query = sa.select(schema.extractions.c.json).where(schema.extractions.c.doc_id == doc_id)
        with self._connect() as conn:
            data = conn.execute(query).scalar()
        return None if data is None else from_json(Extraction, json.loads(data))

    @retried
    def events(self, *, since: dt.date | None = None, event_type: str | None = None,
               country: str | None = None) -> list[Event]:
        """Stored events in date order (undated last), each with the stored document's id.

        `since` keeps events dated on or after it; `event_type` matches the ACLED event type or
        sub-event type, ignoring case, and "none" the events of no ACLED type; `country` is an
        ISO 3166 alpha-3 code.
        """
        table = schema.events
        query = sa.select(table.c.doc_id, table.c.json).order_by(
            table.c.event_date.asc().nulls_last(), table.c.doc_id, table.c.rank)
        if since is not None:
            query = query.where(table.c.event_date >= since)
        if event_type is not None:
            query = query.where(event_type_condition(table, event_type))
        if country is not None:
            query = query.where(table.c.country == country.strip().upper())
        with self._connect() as conn:
            rows = conn.execute(query).all()
        return [dataclasses.replace(from_json(Event, json.loads(data)), doc_id=doc_id)
                for doc_id, data in rows]

    # --- incidents (linking/) -------------------------------------------------------------

    @retried
    def event_documents(self, *, start: dt.date | None = None, end: dt.date | None = None,
                        unlinked_only: bool = False) -> list[tuple[Event, Document]]:
        """Stored events with their documents, for linking: those whose date (else their
        document's publication) falls in [start, end]; with `unlinked_only`, those in no
        incident yet."""
        with self._connect() as conn:
            return incident_sql.event_documents(conn, start=start, end=end,
                                                unlinked_only=unlinked_only)

    @retried
    def events_by_key(self, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], Event]:
        """The stored events with these (document content hash, event id) keys."""
        with self._connect() as conn:
            return incident_sql.events_by_key(conn, keys)

    @retried
    def incident_memberships(self, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
        """The incident id of each of these (document, event) keys that is linked."""
        with self._connect() as conn:
            return incident_sql.memberships(conn, keys)

    @retried
    def replace_incidents(self, removed: Iterable[str], added: Iterable[Incident], *,
                          everything: bool = False) -> None:
        """In one transaction, drop the `removed` incidents (all of them with `everything`) and
        store the `added` ones with their members; a call that changes nothing leaves the
        incidents generation as it is."""
        removed, added = list(removed), list(added)
        if not (everything or removed or added):
            return
        with self._connect(write=True) as conn, conn.begin():
            if everything:
                incident_sql.clear_incidents(conn)
            else:
                incident_sql.delete_incidents(conn, removed)
            incident_sql.insert_incidents(conn, added)
            incident_sql.bump_generation(conn)

    @retried
    def incidents_generation(self) -> int:
        """A number that grows with every change to the stored incidents, so that a reader can
        keep figures derived from them until it changes."""
        with self._connect() as conn:
            return incident_sql.generation(conn)

    @retried
    def incidents(self, *, since: dt.date | None = None, country: str | None = None,
                  ids: Iterable[str] | None = None) -> list[Incident]:
        """Stored incidents in date order (undated last): those dated on or after `since`,
        placed in `country` (ISO 3166 alpha-3), or with these `ids`."""
        with self._connect() as conn:
            return incident_sql.read_incidents(conn, since=since, country=country, ids=ids)

    @retried
    def tallies(self) -> list[tuple[Figure, str, dt.date | None]]:
        """Every stored cumulative figure ("16 killed since December") with its document's
        content hash and publication day (analysis/tallies.py compares them with incidents)."""
        with self._connect() as conn:
            return incident_sql.cumulative_figures(conn)

    # --- plumbing --------------------------------------------------------------------------

    @contextmanager
    def _connect(self, *, write: bool = False) -> Iterator[Connection]:
        with translated(self.where, lock_timeout=LOCK_TIMEOUT_SECONDS):
            with self._engine.connect() as conn:
                if write:
                    conn.execution_options(**{_WRITE: True})
                yield conn

    def _migrate(self) -> None:
        """Bring the schema to the newest revision; a no-op (one read) when it is there."""
        from alembic import command  # imported here: a CLI that opens no store never loads it
        from alembic.config import Config
        from alembic.runtime.migration import MigrationContext
        from alembic.script import ScriptDirectory

        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS).replace("%", "%%"))
        head = ScriptDirectory.from_config(config).get_current_head()
        with self._connect() as conn:
            current = MigrationContext.configure(conn).get_current_revision()
        if current == head:
            return
        with self._connect(write=True) as conn, conn.begin():
            config.attributes["connection"] = conn
            command.upgrade(config, "head")


def event_type_condition(table: sa.Table, event_type: str) -> sa.ColumnElement[bool]:
    """Rows whose ACLED type or sub-type is `event_type` (any case); `NO_ACLED_TYPE` selects
    the rows of no ACLED type."""
    wanted = event_type.strip().lower()
    if wanted == NO_ACLED_TYPE:
        return table.c.event_type.is_(None)
    return sa.or_(sa.func.lower(table.c.event_type) == wanted,
                  sa.func.lower(table.c.sub_event_type) == wanted)


def _create_engine(url: URL) -> Engine:
    if url.get_backend_name() != "sqlite":
        with translated(describe(url), lock_timeout=LOCK_TIMEOUT_SECONDS):
            try:
                return sa.create_engine(url, pool_pre_ping=True)
            except ImportError as exc:
                raise StoreError(
                    f"{describe(url)}: the driver for this database ({exc.name}) is not "
                    "installed; install it (for postgresql+psycopg:// URLs: pip install psycopg)"
                ) from exc
    engine = sa.create_engine(url, connect_args={"timeout": LOCK_TIMEOUT_SECONDS})

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, record: Any) -> None:
        # We emit BEGIN ourselves (below), so sqlite3's own transaction handling is off.
        dbapi_connection.isolation_level = None
        dbapi_connection.execute("PRAGMA foreign_keys = ON")
        _write_ahead_log(dbapi_connection)

    @sa.event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # Writers take the write lock up front, so a busy database waits for the timeout
        # instead of failing half-way through a document.
        immediate = conn.get_execution_options().get(_WRITE, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def _write_ahead_log(dbapi_connection: Any) -> None:
    """SQLite in WAL mode: readers (the web server, `events`) never wait for a writer, and a
    commit appends to the log instead of syncing a rollback journal (synchronous=NORMAL: a
    killed process loses nothing committed; a power cut may lose the last commits, never
    corrupt the file or half-write a document, and rerunning the ingest stores them again).
    Where WAL cannot be used (a read-only file or folder) the database stays as it is."""
    try:
        dbapi_connection.execute("PRAGMA journal_mode = WAL")
    except sqlite3.OperationalError:
        return
    dbapi_connection.execute("PRAGMA synchronous = NORMAL")


def _exists(conn: Connection, doc_id: str) -> bool:
    query = sa.select(schema.documents.c.id).where(schema.documents.c.id == doc_id)
    return conn.execute(query).first() is not None


def _unix_seconds(when: dt.datetime) -> int:
    # SQLite hands back naive datetimes; they were written in UTC.
    return int((when if when.tzinfo else when.replace(tzinfo=dt.UTC)).timestamp())


def _insert_fingerprint(conn: Connection, doc_id: str, fingerprint: Fingerprint) -> None:
    conn.execute(sa.insert(schema.near_duplicate_signatures),
                 [{"doc_id": doc_id, "signature": fingerprint.signature}])
    bands = sorted(set(fingerprint.bands))
    if bands:
        conn.execute(sa.insert(schema.near_duplicate_bands),
                     [{"band": band, "doc_id": doc_id} for band in bands])


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _document_row(extraction: Extraction) -> dict[str, Any]:
    document = extraction.document
    return {"id": document.id, "ref": document.ref, "text": document.text,
            "published": document.published, "source": document.source, "url": document.url,
            "title": document.title, "language": document.language,
            "ingested_at": dt.datetime.now(dt.UTC),
            "near_duplicate_of": document.near_duplicate_of}


def _event_row(doc_id: str, rank: int, event: Event) -> dict[str, Any]:
    place, when, fatalities = event.place, event.when, event.fatalities
    return {
        "doc_id": doc_id, "id": event.id, "rank": rank,
        "event_type": event.event_type, "sub_event_type": event.sub_event_type,
        "country": place.country if place else None,
        "event_date": when.start if when else None,
        "lat": place.lat if place else None, "lon": place.lon if place else None,
        "fatalities_best": fatalities.best if fatalities else None,
        "certainty": event.certainty,
        "json": _dumps(to_json(event)),
    }


