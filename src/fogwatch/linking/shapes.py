"""The JSON shape of an incident, shared by `fogwatch incidents --json` and the web API."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fogwatch.export import event_record
from fogwatch.records import Actor, Event, Incident, to_json

__all__ = ["incident_record"]


def incident_record(incident: Incident, events: Mapping[tuple[str, str], Event],
                    refs: Mapping[str, str | None]) -> dict[str, Any]:
    """An incident as plain JSON values (README: `fogwatch incidents --json`).

    `events` are the stored member events by (document content hash, event id); `refs` the
    documents' own ids. Every claim carries the document that made it and when it was
    published; every member event is in FORMAT.md's event shape with its `doc_id`.
    """
    claims: list[dict[str, Any]] = []
    seen: set[str] = set()
    members: list[dict[str, Any]] = []
    for report in incident.reports:
        doc_id = refs.get(report.doc_id) or report.doc_id
        for claim in report.claims:
            if claim.id in seen:
                continue
            seen.add(claim.id)
            claims.append({
                "id": claim.id, "doc_id": doc_id, "published": _day(report.published),
                "source": to_json(claim.source), "via": list(claim.via),
                "certainty": claim.certainty,
                "text": claim.span.text if claim.span is not None else None,
            })
        event = events.get((report.doc_id, report.event_id))
        if event is not None:
            member = event_record(event, refs)
        else:  # the event is gone from the store since linking; keep what the incident knows
            member = {"id": report.event_id, "doc_id": doc_id, "content_hash": report.doc_id}
        member.update({"published": _day(report.published), "source": report.source,
                       "report_certainty": report.certainty})
        members.append(member)
    return {
        "id": incident.id,
        "event_type": incident.event_type,
        "sub_event_type": incident.sub_event_type,
        "plover": to_json(incident.plover),
        "place": _place(incident),
        "when": _when(incident),
        "fatalities": to_json(incident.fatalities),
        "certainty": incident.certainty,
        "first_reported": _day(incident.first_reported),
        "confirmed_at": _day(incident.confirmed_at),
        "denied_by": list(incident.denied_by),
        "actors1": [_actor(a) for a in incident.actors1],
        "actors2": [_actor(a) for a in incident.actors2],
        "claims": claims,
        "events": members,
    }


def _day(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _place(incident: Incident) -> dict[str, Any] | None:
    place = incident.place
    if place is None:
        return None
    return {"name": place.name, "admin1": place.admin1, "admin2": place.admin2,
            "country": place.country, "lat": place.lat, "lon": place.lon,
            "geonameid": place.geonameid, "precision": place.precision}


def _when(incident: Incident) -> dict[str, Any] | None:
    when = incident.when
    if when is None:
        return None
    return {"start": _day(when.start), "end": _day(when.end), "precision": when.precision}


def _actor(actor: Actor) -> dict[str, Any]:
    return {"name": actor.name, "id": actor.id, "country": actor.country,
            "sector": actor.sector}
