"""Paged, filtered reads of the stored events and documents, for the web API and pages.

`Store.events()` lists every match for the CLI; a server answers one page at a time, so these
queries add an end date, a bounding box, a page (limit/offset) and a count of all the matches.
The order is the store's: event date (undated last), then document, then salience rank; the
primary key closes it, so paging is stable.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.sql.elements import ColumnElement

from fogwatch.records import Event, Incident, Place, from_json
from fogwatch.store import schema
from fogwatch.store.database import Store, event_type_condition

__all__ = ["BoundingBox", "EventFilter", "EventPage", "IncidentPage", "document_id", "event_page",
           "incident_page", "inside", "stored_event"]


@dataclass(frozen=True, slots=True)
class BoundingBox:
    """Degrees, west/south/east/north; `west > east` crosses the antimeridian."""

    west: float
    south: float
    east: float
    north: float


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to read. Dates are inclusive; `event_type` matches ACLED type or sub-type
    (any case), "none" the events of no ACLED type; `country` is ISO 3166 alpha-3; `doc_id` a
    content hash."""

    since: dt.date | None = None
    until: dt.date | None = None
    event_type: str | None = None
    country: str | None = None
    bbox: BoundingBox | None = None
    doc_id: str | None = None


@dataclass(frozen=True, slots=True)
class EventPage:
    """One page of events, each with its document's content hash as `doc_id`, and the number
    of events that pass the filter in all."""

    events: tuple[Event, ...]
    total: int


@dataclass(frozen=True, slots=True)
class IncidentPage:
    """One page of linked incidents and the number that pass the filter in all."""

    incidents: tuple[Incident, ...]
    total: int


def incident_page(store: Store, where: EventFilter, *, limit: int,
                  offset: int) -> IncidentPage:
    """The incidents passing `where` (dated by their start; `doc_id` is ignored), `limit` of
    them from `offset` on, oldest first (undated last, then by id)."""
    table = schema.incidents
    conditions = _shared_conditions(table, table.c.date_start, where)
    if where.bbox is not None:
        conditions += _inside_box(table, where.bbox)
    query = (sa.select(table.c.json).where(*conditions)
             .order_by(table.c.date_start.asc().nulls_last(), table.c.id))
    count = sa.select(sa.func.count()).select_from(table).where(*conditions)
    with store._connect() as conn:
        rows = conn.execute(query.limit(limit).offset(offset)).scalars().all()
        total = int(conn.execute(count).scalar_one())
    return IncidentPage(incidents=tuple(from_json(Incident, json.loads(data)) for data in rows),
                        total=total)


def inside(place: Place, box: BoundingBox) -> bool:
    """Whether a place's point lies in the box (a place without coordinates does not)."""
    if place.lat is None or place.lon is None:
        return False
    if not box.south <= place.lat <= box.north:
        return False
    if box.west <= box.east:
        return box.west <= place.lon <= box.east
    return place.lon >= box.west or place.lon <= box.east


def event_page(store: Store, where: EventFilter, *, limit: int, offset: int) -> EventPage:
    """The events passing `where`, `limit` of them from `offset` on, in stable order."""
    table = schema.events
    conditions = _conditions(where)
    query = (sa.select(table.c.doc_id, table.c.json).where(*conditions)
             .order_by(table.c.event_date.asc().nulls_last(), table.c.doc_id, table.c.rank,
                       table.c.id)
             .limit(limit).offset(offset))
    count = sa.select(sa.func.count()).select_from(table).where(*conditions)
    with store._connect() as conn:
        rows = conn.execute(query).all()
        total = conn.execute(count).scalar_one()
    events = tuple(_event(doc_id, data) for doc_id, data in rows)
    return EventPage(events=events, total=int(total))


def stored_event(store: Store, doc_id: str, event_id: str) -> Event | None:
    """One stored event by its document's content hash and its own id, None if absent."""
    table = schema.events
    query = sa.select(table.c.json).where(table.c.doc_id == doc_id, table.c.id == event_id)
    with store._connect() as conn:
        data = conn.execute(query).scalar()
    return None if data is None else _event(doc_id, data)


def document_id(store: Store, key: str) -> str | None:
    """The content hash of the document that `key` names: its content hash, else the caller's
    own id (`ref`; the first stored when several share it). None when neither is stored."""
    table = schema.documents
    with store._connect() as conn:
        found = conn.execute(sa.select(table.c.id).where(table.c.id == key)).scalar()
        if found is None:
            found = conn.execute(sa.select(table.c.id).where(table.c.ref == key)
                                 .order_by(table.c.ingested_at, table.c.id).limit(1)).scalar()
    return None if found is None else str(found)


def _event(doc_id: str, data: str) -> Event:
    return dataclasses.replace(from_json(Event, json.loads(data)), doc_id=doc_id)


def _shared_conditions(table: sa.Table, date: sa.Column[Any], where: EventFilter
                       ) -> list[ColumnElement[bool]]:
    """The date range, type and country filters, which events and incidents share."""
    conditions: list[ColumnElement[bool]] = []
    if where.since is not None:
        conditions.append(date >= where.since)
    if where.until is not None:
        conditions.append(date <= where.until)
    if where.event_type is not None:
        conditions.append(event_type_condition(table, where.event_type))
    if where.country is not None:
        conditions.append(table.c.country == where.country.strip().upper())
    return conditions


def _conditions(where: EventFilter) -> list[ColumnElement[bool]]:
    table = schema.events
    conditions = _shared_conditions(table, table.c.event_date, where)
    if where.doc_id is not None:
        conditions.append(table.c.doc_id == where.doc_id)
    if where.bbox is not None:
        conditions += _inside_box(table, where.bbox)
    return conditions


def _inside_box(table: sa.Table, box: BoundingBox) -> list[ColumnElement[bool]]:
    """A row's point (`lat`, `lon` columns) in the box; a box may cross the date line (west >
    east). Rows without a point never pass."""
    across: ColumnElement[bool]
    if box.west <= box.east:
        across = table.c.lon.between(box.west, box.east)
    else:
        across = sa.or_(table.c.lon >= box.west, table.c.lon <= box.east)
    return [table.c.lat.between(box.south, box.north), across]
