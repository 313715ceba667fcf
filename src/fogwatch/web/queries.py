"""The queries behind both doors of the web layer: each function returns the JSON-ready value
that an API route sends as is and the matching HTML page renders, so the two never disagree.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from starlette.datastructures import URL

from fogwatch.export import event_record
from fogwatch.records import Document, Event, Extraction
from fogwatch.store import Store
from fogwatch.store.browse import EventFilter, document_id, event_page, stored_event

__all__ = ["DEFAULT_LIMIT", "MAX_LIMIT", "MAX_OFFSET", "Page", "document_detail",
           "event_detail", "events_page", "next_url"]

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


def next_url(url: URL, page: Page, total: int) -> str | None:
    """The same request's URL for the page after `page`, None when this is the last."""
    following = page.offset + page.limit
    if following >= total or following > MAX_OFFSET:
        return None
    return str(url.include_query_params(offset=following, limit=page.limit))


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
