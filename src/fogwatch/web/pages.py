"""The HTML pages. Each calls the same query as its API route and renders the result."""

from __future__ import annotations

from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse

from fogwatch.store import Store
from fogwatch.store.browse import EventFilter
from fogwatch.web import queries
from fogwatch.web.api import SIDE, AlertKind
from fogwatch.web.charts import dyad_chart
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
             slice_: Annotated[queries.Page, Depends(page)],
             show: Annotated[Literal["events", "incidents"], Query()] = "events"
             ) -> HTMLResponse:
    """The map, the date slider, the timeline and the table, of events or of incidents."""
    listing = queries.incidents_page if show == "incidents" else queries.events_page
    data = listing(store, where, slice_, request.url)
    filters = {name: request.query_params[name] for name in FILTERS
               if request.query_params.get(name)}
    route = "list_incidents" if show == "incidents" else "list_events"
    api = request.url_for(route).include_query_params(**filters, limit=queries.MAX_LIMIT)
    previous = None
    if slice_.offset > 0:
        previous = str(request.url.include_query_params(
            offset=max(0, slice_.offset - slice_.limit)))
    return render(request, "map.html", {
        "page": data, "filters": filters, "filter_query": urlencode(filters), "show": show,
        "api_url": api.path + "?" + api.query, "previous": previous,
        "title": "Incidents map" if show == "incidents" else "Events map"})


@router.get("/incidents/{incident_id}", response_class=HTMLResponse, name="incident_page")
def incident_page(request: Request, store: StoreDep,
                  incident_id: Annotated[str, KEY]) -> HTMLResponse:
    """One incident: its reconciled figures, every claim, and each report's article with that
    report's evidence highlighted."""
    found = queries.incident_detail(store, incident_id)
    if found is None:
        raise HTTPException(404, f"no incident {incident_id!r}")
    incident = found["incident"]
    texts = {d["content_hash"]: d for d in found["documents"]}
    reports: list[dict[str, Any]] = []
    anchors: dict[tuple[str, str], str] = {}
    for number, member in enumerate(incident["events"]):
        document = texts.get(member["content_hash"])
        prefix = f"r{number}-"
        marks = event_marks(member, prefix) if "evidence" in member else []
        for claim in member.get("claims", []):
            anchors.setdefault((member["doc_id"], claim["id"]), f"{prefix}claim-{claim['id']}")
        reports.append({"member": member, "document": document, "anchor": f"report-{number}",
                        "runs": runs(document["text"], marks) if document else []})
    dyads = sorted({f"{a['country']}:{b['country']}" for a in incident["actors1"]
                    for b in incident["actors2"]
                    if a["country"] and b["country"] and a["country"] != b["country"]})
    return render(request, "incident.html", {
        "incident": incident, "reports": reports, "anchors": anchors, "dyads": dyads,
        "title": _event_title({**incident, "location": incident["place"]})})


@router.get("/dyads", response_class=HTMLResponse, name="dyads_page")
def dyads_page(request: Request, store: StoreDep,
               where: Annotated[EventFilter, Depends(event_filter)],
               slice_: Annotated[queries.Page, Depends(page)]) -> HTMLResponse:
    """The dyads, the busiest first, each linking to its chart."""
    data = queries.dyads_page(store, where, slice_, request.url)
    return render(request, "dyads.html", {"page": data, "title": "Dyads"})


@router.get("/dyads/{a}:{b}", response_class=HTMLResponse, name="dyad_page")
def dyad_page(request: Request, store: StoreDep, a: Annotated[str, SIDE],
              b: Annotated[str, SIDE], where: Annotated[EventFilter, Depends(event_filter)],
              slice_: Annotated[queries.Page, Depends(page)]) -> HTMLResponse:
    """A dyad's daily chart, its table of days and its alerts."""
    data = queries.dyad_detail(store, (a.upper(), b.upper()), where, slice_, request.url)
    return render(request, "dyad.html", {"dyad": data, "chart": dyad_chart(data["days"]),
                                         "title": f"Dyad {data['dyad']}"})


@router.get("/alerts", response_class=HTMLResponse, name="alerts_page")
def alerts_page(request: Request, store: StoreDep,
                where: Annotated[EventFilter, Depends(event_filter)],
                slice_: Annotated[queries.Page, Depends(page)],
                kind: Annotated[AlertKind | None, Query()] = None) -> HTMLResponse:
    """The escalation alerts, each with its incidents and the words behind it."""
    data = queries.alerts_page(store, where, kind, slice_, request.url)
    return render(request, "alerts.html", {"page": data, "title": "Alerts"})


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
