"""The JSON API's response and request shapes, for validation and the OpenAPI schema.

Events are in FORMAT.md's shape (`contract.event_to_format`) plus their document's `doc_id`
and `content_hash`, the same objects `fogwatch events --json` prints.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from fogwatch.nlp import MAX_CHARS

__all__ = ["ActorOut", "AlertOut", "AlertPageOut", "CasualtyOut", "ClaimOut", "DocumentIn",
           "DocumentOut", "DyadCountOut", "DyadOut", "DyadPageOut", "ErrorOut", "EventDetailOut",
           "EventOut", "EventPageOut", "EvidenceOut", "FatalitiesOut", "IncidentDetailOut",
           "IncidentOut", "IncidentPageOut", "IngestOut", "LocationOut", "PloverOut", "WhenOut"]


class ErrorOut(BaseModel):
    detail: str = Field(description="What went wrong and what to do about it.")


class ActorOut(BaseModel):
    name: str
    id: str | None
    country: str | None
    sector: str | None


class LocationOut(BaseModel):
    name: str
    admin1: str | None
    admin2: str | None
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    precision: int = Field(description="ACLED geo-precision: 1 town, 2 near a town, 3 region.")


class WhenOut(BaseModel):
    start: str | None = Field(description="First day, YYYY-MM-DD.")
    end: str | None = Field(description="Last day, YYYY-MM-DD.")
    precision: str


class FatalitiesOut(BaseModel):
    low: int | None
    best: int | None
    high: int | None = Field(description="None: no upper bound was given.")


class SpanFields(BaseModel):
    text: str | None
    start: int | None = Field(description="Character offset into the document text.")
    end: int | None


class CasualtyOut(SpanFields):
    kind: str
    who: str | None
    low: int | None
    best: int | None
    high: int | None
    cumulative: bool = Field(description="A running tally, never part of one event's toll.")
    since: str | None


class ClaimOut(SpanFields):
    id: str
    source: str | None
    source_kind: str | None
    source_country: str | None
    via: list[str] = Field(description="From the outlet read to the origin of the claim.")
    certainty: str


class EvidenceOut(BaseModel):
    field: str
    start: int
    end: int


class PloverOut(BaseModel):
    event: str
    mode: str | None


class EventOut(BaseModel):
    id: str
    doc_id: str = Field(description="The input's own id of the document, else its content hash.")
    content_hash: str
    event_type: str | None = Field(description="ACLED's event type; null for an event ACLED "
                                   "does not code (things said, ordinary crime).")
    sub_event_type: str | None
    typed_by: str | None = Field(default=None, description=(
        "What decided the type: a row of a trigger table or a named rule; the words it rested "
        "on are the evidence items of field 'event_type'."))
    plover: PloverOut | None
    actor1: ActorOut | None
    actor2: ActorOut | None
    actors1: list[ActorOut]
    actors2: list[ActorOut]
    location: LocationOut | None
    date: WhenOut | None
    fatalities: FatalitiesOut | None
    casualties: list[CasualtyOut]
    certainty: str
    claims: list[ClaimOut]
    evidence: list[EvidenceOut]


class PageFields(BaseModel):
    total: int = Field(description="How many items pass the filters in all.")
    limit: int
    offset: int
    next: str | None = Field(description="The URL of the next page, None on the last.")


class EventPageOut(PageFields):
    items: list[EventOut]


class DocumentOut(BaseModel):
    content_hash: str
    doc_id: str = Field(description="The input's own id, else the content hash.")
    title: str | None
    source: str | None
    url: str | None
    published: str | None
    language: str
    near_duplicate_of: str | None
    text: str
    events: list[EventOut]
    warnings: list[str]


class EventDetailOut(BaseModel):
    event: EventOut
    document: DocumentOut


class DocumentIn(BaseModel):
    """One article to extract and store, as one line of a JSONL input."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=MAX_CHARS, pattern=r"^[^\x00]*[^\s\x00][^\x00]*$",
                      description="The article text: not blank, no NUL characters.")
    id: str | None = Field(default=None, max_length=500, description="Your own id for it.")
    published: dt.date | dt.datetime | None = Field(
        default=None, description="Publication date (or date-time), ISO 8601.")
    source: str | None = Field(default=None, max_length=500)
    url: str | None = Field(default=None, max_length=2000)
    title: str | None = Field(default=None, max_length=2000)


class IngestOut(BaseModel):
    status: str = Field(description="new, or already stored (the same text was stored before).")
    content_hash: str
    doc_id: str
    near_duplicate_of: str | None
    url: str = Field(description="The stored document in this API.")


class SourceOut(BaseModel):
    name: str
    kind: str
    country: str | None


class IncidentClaimOut(BaseModel):
    id: str
    doc_id: str = Field(description="The document that made the claim (its own id, else hash).")
    published: str | None = Field(description="When that document was published.")
    source: SourceOut | None
    via: list[str]
    certainty: str
    text: str | None = Field(description="The words of the claim.")


class IncidentEventOut(BaseModel):
    """A member event as one document told it: the event in FORMAT.md's shape (as in
    /api/events) while it is stored, plus when and by whom it was published."""

    model_config = ConfigDict(extra="allow")

    id: str
    doc_id: str
    content_hash: str
    published: str | None
    source: str | None
    report_certainty: str


class IncidentOut(BaseModel):
    id: str
    event_type: str | None
    sub_event_type: str | None
    plover: PloverOut | None
    place: LocationOut | None
    when: WhenOut | None
    fatalities: FatalitiesOut | None = Field(description="Reconciled across the reports.")
    certainty: str
    first_reported: str | None
    confirmed_at: str | None
    denied_by: list[str]
    actors1: list[ActorOut]
    actors2: list[ActorOut]
    claims: list[IncidentClaimOut]
    events: list[IncidentEventOut]


class IncidentPageOut(PageFields):
    items: list[IncidentOut]


class ReportDocumentOut(BaseModel):
    content_hash: str
    doc_id: str
    title: str | None
    source: str | None
    url: str | None
    published: str | None
    text: str = Field(description="The text that the members' offsets point into.")


class IncidentDetailOut(BaseModel):
    incident: IncidentOut
    documents: list[ReportDocumentOut]


class DyadFatalitiesOut(BaseModel):
    low: int
    best: int
    high: int


class DyadDayOut(BaseModel):
    date: str
    events_by_type: dict[str, int]
    fatalities: DyadFatalitiesOut
    verbal_conflict: int
    cooperation: int
    incident_ids: list[str]


class AlertEvidenceOut(BaseModel):
    doc_id: str
    text: str


class AlertOut(BaseModel):
    kind: str = Field(description="first_direct_clash, above_baseline, confirmed_far_above or "
                                  "denied_then_confirmed.")
    dyad: str | None
    date: str
    incident_ids: list[str]
    why: str
    evidence: list[AlertEvidenceOut]


class DyadOut(PageFields):
    dyad: str
    side: str = Field(description="country (ISO 3166 alpha-3 sides) or id (actor ids).")
    days: list[DyadDayOut] = Field(description="One page of the daily series.")
    alerts: list[AlertOut] = Field(description="This dyad's alerts in the date range.")


class AlertPageOut(PageFields):
    items: list[AlertOut]


class DyadCountOut(BaseModel):
    dyad: str = Field(description="side1:side2, countries (RUS:TUR).")
    incidents: int


class DyadPageOut(PageFields):
    items: list[DyadCountOut]
