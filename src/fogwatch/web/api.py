"""The JSON API under /api. Routes parse input, call `queries`, and return what it returns."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Response
from fastapi.concurrency import run_in_threadpool

from fogwatch.store import Store
from fogwatch.store.browse import EventFilter
from fogwatch.web import queries
from fogwatch.web.deps import get_store
from fogwatch.web.ingest import ingest_document
from fogwatch.web.params import event_filter, page
from fogwatch.web.schemas import (
    AlertPageOut,
    DocumentIn,
    DocumentOut,
    DyadOut,
    DyadPageOut,
    ErrorOut,
    EventDetailOut,
    EventPageOut,
    IncidentDetailOut,
    IncidentPageOut,
    IngestOut,
)
from fogwatch.web.security import require_token

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["api"])

NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorOut}}
KEY = Path(min_length=1, max_length=500)

StoreDep = Annotated[Store, Depends(get_store)]
FilterDep = Annotated[EventFilter, Depends(event_filter)]
PageDep = Annotated[queries.Page, Depends(page)]
# A side of a dyad: a country (ISO 3166 alpha-3, "RUS") or an actor id ("TUR-MIL", "ISIS").
SIDE = Path(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]{1,39}$",
            description="A country code (RUS) or an actor id (TUR-MIL).")
AlertKind = Literal["first_direct_clash", "above_baseline", "confirmed_far_above",
                    "denied_then_confirmed"]


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


@router.get("/incidents", response_model=IncidentPageOut, summary="List linked incidents")
def list_incidents(request: Request, store: StoreDep, where: FilterDep,
                   slice_: PageDep) -> dict[str, Any]:
    """Incidents (one real-world event across its reports) that pass the filters, oldest
    first, each with its reconciled fatalities, every claim and its member events."""
    return queries.incidents_page(store, where, slice_, request.url)


@router.get("/incidents/{incident_id}", response_model=IncidentDetailOut, responses=NOT_FOUND,
            summary="One incident with its reports' texts")
def get_incident(store: StoreDep, incident_id: Annotated[str, KEY]) -> dict[str, Any]:
    """An incident and the text of each document that reported it."""
    found = queries.incident_detail(store, incident_id)
    if found is None:
        raise HTTPException(404, f"no incident {incident_id!r}; incident ids change when "
                                 "`fogwatch link --rebuild` runs")
    return found


@router.get("/dyads", response_model=DyadPageOut, summary="List dyads")
def list_dyads(request: Request, store: StoreDep, where: FilterDep,
               slice_: PageDep) -> dict[str, Any]:
    """The country dyads of the incidents that pass the filters, the busiest first."""
    return queries.dyads_page(store, where, slice_, request.url)


@router.get("/dyads/{a}:{b}", response_model=DyadOut, summary="A dyad's daily series")
def get_dyad(request: Request, store: StoreDep, a: Annotated[str, SIDE],
             b: Annotated[str, SIDE], where: FilterDep, slice_: PageDep) -> dict[str, Any]:
    """The daily series of the ordered pair a:b (side 1 acting on side 2) over the incidents
    that pass the type, country and bbox filters: one page of its days in the date range, and
    its alerts there. A pair with no incidents has no days."""
    return queries.dyad_detail(store, (a.upper(), b.upper()), where, slice_, request.url)


@router.get("/alerts", response_model=AlertPageOut, summary="List escalation alerts")
def list_alerts(request: Request, store: StoreDep, where: FilterDep, slice_: PageDep,
                kind: Annotated[AlertKind | None, Query(description="Only this kind.")]
                = None) -> dict[str, Any]:
    """Escalation alerts over the linked incidents, oldest first; the filters keep alerts
    dated in the range that touch an incident passing the others."""
    return queries.alerts_page(store, where, kind, slice_, request.url)


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
    async with request.app.state.write_lock:  # one writer: storing, then linking
        outcome = await run_in_threadpool(ingest_document, store, document)
    if outcome.status != "new":
        response.status_code = 200
    url = request.url_for("get_document", doc_id=outcome.content_hash)
    return {"status": outcome.status, "content_hash": outcome.content_hash,
            "doc_id": outcome.doc_id, "near_duplicate_of": outcome.near_duplicate_of,
            "url": url.path}
