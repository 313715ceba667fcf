"""Query parameters shared by the API routes and the HTML pages: filters and pagination.

Malformed values are refused with 422 and a message naming the parameter, the same for both.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Annotated

from fastapi import Query
from fastapi.exceptions import RequestValidationError
from pydantic import AfterValidator

from fogwatch.store.browse import BoundingBox, EventFilter
from fogwatch.web.queries import DEFAULT_LIMIT, MAX_LIMIT, MAX_OFFSET, Page

__all__ = ["event_filter", "page", "parse_bbox"]


def parse_bbox(value: str | None) -> BoundingBox | None:
    """'west,south,east,north' in degrees as a BoundingBox; ValueError saying what is wrong."""
    if value is None or not value.strip():
        return None
    parts = value.split(",")
    if len(parts) != 4:
        raise ValueError("bbox takes four numbers: west,south,east,north (degrees), "
                         "e.g. 35.5,35.0,37.0,36.5")
    try:
        west, south, east, north = (float(p) for p in parts)
    except ValueError:
        raise ValueError("bbox takes four numbers: west,south,east,north (degrees)") from None
    if not all(math.isfinite(v) for v in (west, south, east, north)):
        raise ValueError("bbox values must be finite numbers")
    if not (-180 <= west <= 180 and -180 <= east <= 180):
        raise ValueError("bbox longitudes (west, east) must be within -180..180")
    if not (-90 <= south <= north <= 90):
        raise ValueError("bbox latitudes must be within -90..90 with south <= north")
    return BoundingBox(west, south, east, north)


def _iso3(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    return value.strip().upper()


SinceParam = Annotated[dt.date | None, Query(
    description="Only events on or after this day (YYYY-MM-DD).")]
UntilParam = Annotated[dt.date | None, Query(
    description="Only events on or before this day (YYYY-MM-DD).")]
CountryParam = Annotated[str | None, Query(
    pattern=r"^\s*([A-Za-z]{3})?\s*$", max_length=8,
    description="Only events in this country: ISO 3166 alpha-3, e.g. SYR."),
    AfterValidator(_iso3)]
TypeParam = Annotated[str | None, Query(
    alias="type", max_length=100,
    description="Only this ACLED event type or sub-event type (any case), e.g. Battles; "
                "none: only the events of no ACLED type (ordinary crime, things said).")]
NUMBER = r"\s*[-+]?\d{1,3}(\.\d{1,12})?\s*"
BboxParam = Annotated[str | None, Query(
    max_length=200, pattern=rf"^({NUMBER},{NUMBER},{NUMBER},{NUMBER})?$",
    description="Only events inside west,south,east,north (degrees; west > east crosses "
                "the antimeridian), e.g. 35.5,35.0,37.0,36.5.")]


def event_filter(since: SinceParam = None, until: UntilParam = None,
                 country: CountryParam = None, event_type: TypeParam = None,
                 bbox: BboxParam = None) -> EventFilter:
    """The filters of a request for events."""
    try:
        box = parse_bbox(bbox)
    except ValueError as exc:
        raise _invalid("bbox", str(exc), bbox) from None
    if since is not None and until is not None and since > until:
        raise _invalid("until", "until is before since; give a range that runs forward", until)
    kind = event_type.strip() if event_type is not None and event_type.strip() else None
    return EventFilter(since=since, until=until, event_type=kind, country=country, bbox=box)


def page(limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")]
         = DEFAULT_LIMIT,
         offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")]
         = 0) -> Page:
    """Which page of a listing the request asks for."""
    return Page(limit=limit, offset=offset)


def _invalid(name: str, message: str, value: object) -> RequestValidationError:
    return RequestValidationError([{"type": "value_error", "loc": ("query", name),
                                    "msg": message, "input": str(value)}])
