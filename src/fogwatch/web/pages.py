"""The HTML pages. Each calls the same query as its API route and renders the result."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Request
from fastapi.responses import HTMLResponse

from fogwatch.store import Store
from fogwatch.store.browse import EventFilter
from fogwatch.web import queries
from fogwatch.web.deps import get_store
from fogwatch.web.highlight import event_marks, runs
from fogwatch.web.params import event_filter, page
from fogwatch.web.render import render

__all__ = ["router"]

router = APIRouter(include_in_schema=False)

StoreDep = Annotated[Store, Depends(get_store)]
KEY = Path(min_length=1, max_length=500)
FILTERS = ("since", "until", "country", "type", "bbox")


@router.get("/", response_class=HTMLResponse, name="map_page")
def map_page(request: Request, store: StoreDep,
             where: Annotated[EventFilter, Depends(event_filter)],
             slice_: Annotated[queries.Page, Depends(page)]) -> HTMLResponse:
    """The map, the date slider, the timeline and the table of events."""
    data = queries.events_page(store, where, slice_, request.url)
    filters = {name: request.query_params[name] for name in FILTERS
               if request.query_params.get(name)}
    api = request.url_for("list_events").include_query_params(**filters, limit=queries.MAX_LIMIT)
    previous = None
    if slice_.offset > 0:
        previous = str(request.url.include_query_params(
            offset=max(0, slice_.offset - slice_.limit)))
    return render(request, "map.html", {
        "page": data, "filters": filters, "api_url": api.path + "?" + api.query,
        "previous": previous, "title": "Events map"})


@router.get("/events/{doc_id}/{event_id}", response_class=HTMLResponse, name="event_page")
def event_page(request: Request, store: StoreDep, doc_id: Annotated[str, KEY],
               event_id: Annotated[str, KEY]) -> HTMLResponse:
    """One event: its fields, every claim, and the article with its evidence highlighted."""
    found = queries.event_detail(store, doc_id, event_id)
    if found is None:
        raise HTTPException(404, f"no stored event {event_id!r} in document {doc_id!r}")
    event, document = found["event"], found["document"]
    return render(request, "event.html", {
        "event": event, "document": document, "title": _event_title(event),
        "runs": runs(document["text"], event_marks(event))})


@router.get("/documents/{doc_id}", response_class=HTMLResponse, name="document_page")
def document_page(request: Request, store: StoreDep,
                  doc_id: Annotated[str, KEY]) -> HTMLResponse:
    """One article with the evidence of all its events highlighted."""
    document = queries.document_detail(store, doc_id)
    if document is None:
        raise HTTPException(404, f"no stored document {doc_id!r}")
    marks = [mark for number, event in enumerate(document["events"])
             for mark in event_marks(event, prefix=f"e{number}-")]
    return render(request, "document.html", {
        "document": document, "title": document["title"] or "Document",
        "runs": runs(document["text"], marks)})


def _event_title(event: dict[str, Any]) -> str:
    kind = event["sub_event_type"] or event["event_type"] or (
        event["plover"]["event"].title() if event["plover"] else "Event")
    place = event["location"]["name"] if event["location"] else None
    return f"{kind} in {place}" if place else str(kind)
