"""The SQL behind the Store's incident methods: linked incidents and which events they hold.

`Store` opens the connections and transactions; these functions only build and run queries,
so they work the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import secrets
from collections.abc import Iterable, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from fogwatch.records import Document, Event, Extraction, Figure, Incident, from_json, to_json
from fogwatch.store import schema
from fogwatch.store.chunks import chunks

__all__ = [
    "EventKey",
    "bump_generation",
    "clear_incidents",
    "cumulative_figures",
    "delete_incidents",
    "event_documents",
    "events_by_key",
    "generation",
    "insert_incidents",
    "memberships",
    "read_incidents",
]

EventKey = tuple[str, str]  # (document content hash, event id)


def event_documents(conn: Connection, *, start: dt.date | None = None,
                    end: dt.date | None = None,
                    unlinked_only: bool = False) -> list[tuple[Event, Document]]:
    """Stored events with their documents; dated by the event, else by the publication.

    `start`/`end` (inclusive) keep events whose date (or, undated, whose document's publication)
    falls between them; `unlinked_only` keeps events in no incident yet.
    """
    ev, docs, links = schema.events, schema.documents, schema.incident_events
    day = sa.func.coalesce(ev.c.event_date, docs.c.published)
    query = (sa.select(ev.c.doc_id, ev.c.json).select_from(ev.join(docs, docs.c.id == ev.c.doc_id))
             .order_by(ev.c.doc_id, ev.c.rank))
    if start is not None:
        query = query.where(day >= start)
    if end is not None:
        query = query.where(day <= end)
    if unlinked_only:
        linked = sa.select(links.c.doc_id).where(links.c.doc_id == ev.c.doc_id,
                                                 links.c.event_id == ev.c.id)
        query = query.where(~linked.exists())
    rows = conn.execute(query).all()
    documents = _documents(conn, {doc_id for doc_id, _ in rows})
    return [(dataclasses.replace(from_json(Event, json.loads(data)), doc_id=doc_id),
             documents[doc_id]) for doc_id, data in rows]


def events_by_key(conn: Connection, keys: Iterable[EventKey]) -> dict[EventKey, Event]:
    """The stored events with these keys (missing keys are left out)."""
    found: dict[EventKey, Event] = {}
    ev = schema.events
    for chunk in chunks(keys):
        query = sa.select(ev.c.doc_id, ev.c.id, ev.c.json).where(
            sa.tuple_(ev.c.doc_id, ev.c.id).in_(chunk))
        for doc_id, event_id, data in conn.execute(query):
            found[(doc_id, event_id)] = dataclasses.replace(
                from_json(Event, json.loads(data)), doc_id=doc_id)
    return found


def memberships(conn: Connection, keys: Iterable[EventKey]) -> dict[EventKey, str]:
    """The incident id of each of these events that is linked."""
    found: dict[EventKey, str] = {}
    links = schema.incident_events
    for chunk in chunks(keys):
        query = sa.select(links.c.doc_id, links.c.event_id, links.c.incident_id).where(
            sa.tuple_(links.c.doc_id, links.c.event_id).in_(chunk))
        found.update(((d, e), i) for d, e, i in conn.execute(query))
    return found


def delete_incidents(conn: Connection, ids: Iterable[str]) -> None:
    """Remove these incidents and their memberships."""
    for chunk in chunks(ids):
        conn.execute(sa.delete(schema.incident_events)
                     .where(schema.incident_events.c.incident_id.in_(chunk)))
        conn.execute(sa.delete(schema.incidents).where(schema.incidents.c.id.in_(chunk)))


GENERATION = "incidents_generation"


def bump_generation(conn: Connection) -> None:
    """Count one more change to the incidents (inside the transaction that makes it)."""
    state = schema.store_state
    changed = conn.execute(sa.update(state).where(state.c.key == GENERATION)
                           .values(value=state.c.value + 1))
    if changed.rowcount == 0:  # a random start, as migration 0004 gives every store
        conn.execute(sa.insert(state).values(key=GENERATION, value=secrets.randbits(52)))


def generation(conn: Connection) -> int:
    """A number that grows by one with each change to the incidents; it starts at a random
    value, so a store made again does not repeat the numbers of the one it replaced."""
    state = schema.store_state
    found = conn.execute(sa.select(state.c.value).where(state.c.key == GENERATION)).scalar()
    return int(found or 0)


def clear_incidents(conn: Connection) -> None:
    """Remove every incident."""
    conn.execute(sa.delete(schema.incident_events))
    conn.execute(sa.delete(schema.incidents))


def insert_incidents(conn: Connection, incidents: Sequence[Incident]) -> None:
    """Store incidents and their members' memberships (none of them may be stored already)."""
    if not incidents:
        return
    conn.execute(sa.insert(schema.incidents), [_incident_row(i) for i in incidents])
    members = [{"doc_id": r.doc_id, "event_id": r.event_id, "incident_id": i.id}
               for i in incidents for r in i.reports]
    for start in range(0, len(members), 2000):
        conn.execute(sa.insert(schema.incident_events), members[start:start + 2000])


def read_incidents(conn: Connection, *, since: dt.date | None = None,
                   country: str | None = None,
                   ids: Iterable[str] | None = None) -> list[Incident]:
    """Stored incidents in date order (undated last, then by id)."""
    table = schema.incidents
    query = sa.select(table.c.json).order_by(table.c.date_start.asc().nulls_last(), table.c.id)
    if since is not None:
        query = query.where(table.c.date_start >= since)
    if country is not None:
        query = query.where(table.c.country == country.strip().upper())
    if ids is not None:
        found: list[Incident] = []
        for chunk in chunks(ids):
            chunk_query = query.where(table.c.id.in_(chunk))
            found.extend(from_json(Incident, json.loads(data))
                         for data in conn.execute(chunk_query).scalars())
        return sorted(found, key=_order)
    return [from_json(Incident, json.loads(data)) for data in conn.execute(query).scalars()]


def cumulative_figures(conn: Connection) -> list[tuple[Figure, str, dt.date | None]]:
    """Every cumulative figure (tally) stored, with its document and publication day."""
    ex, docs = schema.extractions, schema.documents
    query = (sa.select(ex.c.doc_id, docs.c.published, ex.c.json)
             .select_from(ex.join(docs, docs.c.id == ex.c.doc_id))
             .where(ex.c.json.like('%"cumulative":true%')).order_by(ex.c.doc_id))
    found: list[tuple[Figure, str, dt.date | None]] = []
    for doc_id, published, data in conn.execute(query):
        extraction = from_json(Extraction, json.loads(data))
        found.extend((f, doc_id, published) for f in extraction.figures if f.cumulative)
    return found


def _order(incident: Incident) -> tuple[bool, dt.date, str]:
    start = incident.when.start if incident.when is not None else None
    return start is None, start or dt.date.min, incident.id


def _documents(conn: Connection, doc_ids: set[str]) -> dict[str, Document]:
    docs = schema.documents
    found: dict[str, Document] = {}
    for chunk in chunks(doc_ids):
        query = sa.select(docs.c.id, docs.c.text, docs.c.published, docs.c.source, docs.c.url,
                          docs.c.title, docs.c.language, docs.c.ref).where(docs.c.id.in_(chunk))
        for row in conn.execute(query):
            found[row.id] = Document(id=row.id, text=row.text, published=row.published,
                                     source=row.source, url=row.url, title=row.title,
                                     language=row.language, ref=row.ref)
    return found


def _incident_row(incident: Incident) -> dict[str, Any]:
    place, when, f = incident.place, incident.when, incident.fatalities
    return {
        "id": incident.id, "event_type": incident.event_type,
        "sub_event_type": incident.sub_event_type,
        "country": place.country if place else None,
        "date_start": when.start if when else None, "date_end": when.end if when else None,
        "fatalities_low": f.low if f else None, "fatalities_best": f.best if f else None,
        "fatalities_high": f.high if f else None, "certainty": incident.certainty,
        "first_reported": incident.first_reported, "confirmed_at": incident.confirmed_at,
        "json": json.dumps(to_json(incident), ensure_ascii=False, separators=(",", ":")),
        "lat": place.lat if place else None, "lon": place.lon if place else None,
    }
