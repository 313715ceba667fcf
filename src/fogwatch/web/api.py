"""The JSON API under /api. Routes parse input, call `queries`, and return what it returns."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Request, Response
from fastapi.concurrency import run_in_threadpool

from fogwatch.store import Store
from fogwatch.store.browse import EventFilter
from fogwatch.web import queries
from fogwatch.web.deps import get_store
from fogwatch.web.ingest import ingest_document
from fogwatch.web.params import event_filter, page
from fogwatch.web.schemas import (
    DocumentIn,
    DocumentOut,
    ErrorOut,
    EventDetailOut,
    EventPageOut,
    IngestOut,
)
from fogwatch.web.security import require_token

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["api"])

NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorOut}}
KEY = Path(min_length=1, max_length=500)

StoreDep = Annotated[Store, Depends(get_store)]


@router.get("/events", response_model=EventPageOut, summary="List stored events")
def list_events(request: Request, store: StoreDep,
                where: Annotated[EventFilter, Depends(event_filter)],
                slice_: Annotated[queries.Page, Depends(page)]) -> dict[str, Any]:
    """Stored events that pass the filters, oldest first (undated last), one page at a time."""
    return queries.events_page(store, where, slice_, request.url)


@router.get("/events/{doc_id}/{event_id}", response_model=EventDetailOut,
            responses=NOT_FOUND, summary="One event with its document")
def get_event(store: StoreDep, doc_id: Annotated[str, KEY],
              event_id: Annotated[str, KEY]) -> dict[str, Any]:
    """An event, by its document's content hash (or own id) and its id, with the document's
    text so that its evidence offsets can be read."""
    found = queries.event_detail(store, doc_id, event_id)
    if found is None:
        raise HTTPException(404, f"no stored event {event_id!r} in document {doc_id!r}")
    return found


@router.get("/documents/{doc_id}", response_model=DocumentOut, responses=NOT_FOUND,
            summary="One stored document")
def get_document(store: StoreDep, doc_id: Annotated[str, KEY]) -> dict[str, Any]:
    """A document by its content hash or its own id: text, metadata and its events."""
    found = queries.document_detail(store, doc_id)
    if found is None:
        raise HTTPException(404, f"no stored document {doc_id!r}; give its content hash or "
                                 "the id it was ingested with")
    return found


@router.post("/documents", response_model=IngestOut, status_code=201,
             responses={200: {"model": IngestOut, "description": "Already stored"},
                        400: {"model": ErrorOut, "description": "The document is unusable"},
                        401: {"model": ErrorOut}, 403: {"model": ErrorOut},
                        413: {"model": ErrorOut}},
             dependencies=[Depends(require_token)], summary="Ingest one document")
async def post_document(request: Request, response: Response, store: StoreDep,
                        document: DocumentIn) -> dict[str, Any]:
    """Extract and store one article (needs the server's bearer token). 201 when new, 200 when
    the same text was stored before."""
    outcome = await run_in_threadpool(ingest_document, store, document)
    if outcome.status != "new":
        response.status_code = 200
    url = request.url_for("get_document", doc_id=outcome.content_hash)
    return {"status": outcome.status, "content_hash": outcome.content_hash,
            "doc_id": outcome.doc_id, "near_duplicate_of": outcome.near_duplicate_of,
            "url": url.path}
