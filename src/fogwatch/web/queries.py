"""The queries behind both doors of the web layer: each function returns the JSON-ready value
that an API route sends as is and the matching HTML page renders, so the two never disagree.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from starlette.datastructures import URL

from fogwatch.analysis import Alert, alerts, dyad_series, incident_day, known_dyads
from fogwatch.analysis.shapes import alert_record, series_record
from fogwatch.export import event_record
from fogwatch.linking.shapes import incident_record
from fogwatch.records import Document, Event, Extraction, Incident
from fogwatch.store import Store
from fogwatch.store.browse import (
    EventFilter,
    document_id,
    event_page,
    incident_page,
    inside,
    stored_event,
)
from fogwatch.store.database import NO_ACLED_TYPE
from fogwatch.web.linked import linked

__all__ = ["DEFAULT_LIMIT", "MAX_LIMIT", "MAX_OFFSET", "Page", "alerts_page", "document_detail",
           "dyad_detail", "dyads_page", "event_detail", "events_page", "incident_detail",
           "incidents_page", "next_url"]

DEFAULT_LIMIT = 100
# One response never holds more than this many items, whatever the client asks for.
MAX_LIMIT = 500
MAX_OFFSET = 10_000_000


@dataclass(frozen=True, slots=True)
class Page:
    """Which slice of a listing to send: `limit` items from `offset` on."""

    limit: int = DEFAULT_LIMIT
    offset: int = 0


def events_page(store: Store, where: EventFilter, page: Page, url: URL) -> dict[str, Any]:
    """One page of stored events in stable order, with the total and the next page's URL."""
    found = event_page(store, where, limit=page.limit, offset=page.offset)
    refs = store.refs(event.doc_id for event in found.events)
    return {"items": [event_record(event, refs) for event in found.events],
            "total": found.total, "limit": page.limit, "offset": page.offset,
            "next": next_url(url, page, found.total)}


def event_detail(store: Store, doc_key: str, event_id: str) -> dict[str, Any] | None:
    """One event (by its document's content hash or own id, and the event's id) with its
    whole document; None if either is not stored."""
    doc_id = document_id(store, doc_key)
    if doc_id is None:
        return None
    event = stored_event(store, doc_id, event_id)
    document = document_detail(store, doc_id)
    if event is None or document is None:
        return None
    refs = store.refs([doc_id])
    return {"event": event_record(event, refs), "document": document}


def document_detail(store: Store, key: str) -> dict[str, Any] | None:
    """A stored document (by content hash or own id): its text, metadata and events."""
    doc_id = document_id(store, key)
    extraction = None if doc_id is None else store.extraction(doc_id)
    if extraction is None:
        return None
    return _document(extraction)


def incidents_page(store: Store, where: EventFilter, page: Page, url: URL) -> dict[str, Any]:
    """One page of linked incidents, oldest first, each with its claims and member events."""
    found = incident_page(store, where, limit=page.limit, offset=page.offset)
    return {"items": _incident_records(store, found.incidents), "total": found.total,
            "limit": page.limit, "offset": page.offset,
            "next": next_url(url, page, found.total)}


def incident_detail(store: Store, incident_id: str) -> dict[str, Any] | None:
    """One incident with the text of every document that reported it (its members' evidence
    offsets point into these); None if no incident has this id."""
    found = store.incidents(ids=[incident_id])
    if not found:
        return None
    incident = found[0]
    documents = []
    for doc_id in dict.fromkeys(report.doc_id for report in incident.reports):
        extraction = store.extraction(doc_id)
        if extraction is not None:
            d = extraction.document
            documents.append({
                "content_hash": d.id, "doc_id": d.ref or d.id, "title": d.title,
                "source": d.source, "url": d.url,
                "published": d.published.isoformat() if d.published else None,
                "text": d.text})
    return {"incident": _incident_records(store, [incident])[0], "documents": documents}


def dyads_page(store: Store, where: EventFilter, page: Page, url: URL) -> dict[str, Any]:
    """The dyads (country pairs) of the incidents that pass the filters (dated by their day),
    the busiest first, each with its number of incidents."""
    incidents = [i for i in linked(store).incidents if _passes(i, where)
                 and (where.since is None and where.until is None
                      or ((day := incident_day(i)) is not None and _in_range(day, where)))]
    found = known_dyads(incidents)
    items = [{"dyad": f"{a}:{b}", "incidents": count}
             for (a, b), count in found[page.offset:page.offset + page.limit]]
    return {"items": items, "total": len(found), "limit": page.limit, "offset": page.offset,
            "next": next_url(url, page, len(found))}


def dyad_detail(store: Store, dyad: tuple[str, str], where: EventFilter, page: Page,
                url: URL) -> dict[str, Any]:
    """A dyad's daily series (one page of days within the date range) and its alerts, over
    the incidents that pass the type, country and bounding-box filters."""
    every = linked(store)
    if _unfiltered(where):
        incidents, over = list(every.incidents), list(every.alerts)
    else:
        incidents = [i for i in every.incidents if _passes(i, where)]
        over = alerts(incidents)
    series = series_record(dyad_series(incidents, dyad))
    days = [day for day in series["days"] if _in_range(day["date"], where)]
    found = [a for a in over if a.dyad == dyad and _in_range(a.date, where)]
    return {"dyad": series["dyad"], "side": series["side"],
            "days": days[page.offset:page.offset + page.limit], "total": len(days),
            "limit": page.limit, "offset": page.offset,
            "next": next_url(url, page, len(days)), "alerts": _alert_records(store, found)}


def alerts_page(store: Store, where: EventFilter, kind: str | None, page: Page,
                url: URL) -> dict[str, Any]:
    """One page of the escalation alerts over all incidents, oldest first: those dated in the
    range, of `kind`, and touching an incident that passes the type, country and bbox filters
    (or, for country, whose dyad has that side)."""
    every = linked(store)
    by_id = {i.id: i for i in every.incidents}
    kept = [a for a in every.alerts
            if (kind is None or a.kind == kind) and _in_range(a.date, where)
            and _alert_passes(a, [by_id[i] for i in a.incident_ids if i in by_id], where)]
    return {"items": _alert_records(store, kept[page.offset:page.offset + page.limit]),
            "total": len(kept), "limit": page.limit, "offset": page.offset,
            "next": next_url(url, page, len(kept))}


def next_url(url: URL, page: Page, total: int) -> str | None:
    """The same request's URL for the page after `page`, None when this is the last."""
    following = page.offset + page.limit
    if following >= total or following > MAX_OFFSET:
        return None
    return str(url.include_query_params(offset=following, limit=page.limit))


def _incident_records(store: Store, incidents: list[Incident] | tuple[Incident, ...]
                      ) -> list[dict[str, Any]]:
    keys = [(r.doc_id, r.event_id) for i in incidents for r in i.reports]
    events = store.events_by_key(keys)
    refs = store.refs(doc_id for doc_id, _ in keys)
    return [incident_record(incident, events, refs) for incident in incidents]


def _alert_records(store: Store, found: list[Alert]) -> list[dict[str, Any]]:
    refs = store.refs(doc_id for alert in found for doc_id, _ in alert.evidence)
    return [alert_record(alert, refs) for alert in found]


def _passes(incident: Incident, where: EventFilter) -> bool:
    """Whether an incident passes the filters other than dates."""
    if where.event_type is not None:
        wanted = where.event_type.strip().lower()
        if wanted == NO_ACLED_TYPE:
            if incident.event_type is not None:
                return False
        elif wanted not in {(incident.event_type or "").lower(),
                            (incident.sub_event_type or "").lower()}:
            return False
    place = incident.place
    if where.country is not None and (place is None or place.country != where.country):
        return False
    return where.bbox is None or (place is not None and inside(place, where.bbox))


def _alert_passes(alert: Alert, incidents: list[Incident], where: EventFilter) -> bool:
    if where.country is not None and alert.dyad is not None and where.country in alert.dyad:
        return True
    if _unfiltered(where):
        return True
    return any(_passes(incident, where) for incident in incidents)


def _unfiltered(where: EventFilter) -> bool:
    """No filter but (perhaps) dates."""
    return where.event_type is None and where.country is None and where.bbox is None


def _in_range(day: Any, where: EventFilter) -> bool:
    value = day if isinstance(day, dt.date) else dt.date.fromisoformat(day)
    return ((where.since is None or value >= where.since)
            and (where.until is None or value <= where.until))


def _document(extraction: Extraction) -> dict[str, Any]:
    document: Document = extraction.document
    refs = {document.id: document.ref}
    events: list[Event] = [_with_doc(event, document.id) for event in extraction.events]
    return {"content_hash": document.id, "doc_id": document.ref or document.id,
            "title": document.title, "source": document.source, "url": document.url,
            "published": document.published.isoformat() if document.published else None,
            "language": document.language, "near_duplicate_of": document.near_duplicate_of,
            "text": document.text, "events": [event_record(e, refs) for e in events],
            "warnings": list(extraction.errors)}


def _with_doc(event: Event, doc_id: str) -> Event:
    # The pipeline's doc_id is the input's; the store keys events by content hash.
    return event if event.doc_id == doc_id else dataclasses.replace(event, doc_id=doc_id)
