"""Events as an Arrow table with a fixed, documented schema, written as Parquet.

One row per event; pandas (`read_parquet`), DuckDB and R's arrow read it with these types:

| column | type | meaning |
|---|---|---|
| event_id | string | our event id |
| doc_id | string | the input's id, else the document's content hash |
| content_hash | string | the document's content hash |
| event_type, sub_event_type | string | ACLED's type and sub-type; null: no ACLED event |
| typed_by | string | what decided the type: a trigger-table row or a named rule |
| plover_event, plover_mode | string | PLOVER event type and mode |
| actor1, actor1_id, actor1_country, actor1_sector | string | side 1's first actor, id, ISO3 |
| actor2, actor2_id, actor2_country, actor2_sector | string | the same for side 2 |
| assoc_actors1, assoc_actors2 | list<string> | the other actors of each side |
| date_start, date_end | date32 | the interval the event's date covers (inclusive) |
| date_precision | string | day, week, month, year |
| location, admin1, admin2, country | string | place name, admin names, ISO 3166 alpha-3 |
| latitude, longitude | float64 | WGS 84 |
| geonameid | int64 | GeoNames id, null for our own supplement's places |
| geo_precision | int8 | ACLED geo-precision 1-3 |
| fatalities_low, fatalities_best, fatalities_high | int32 | killed; null: not reported |
| certainty | string | confirmed, reported, unconfirmed, denied |
| sources | list<string> | the claims' outlets and origins |

Every column is nullable. An event with a null `event_type` is not an ACLED event (violence
ACLED leaves out, such as a shooting in a robbery, or a thing said, such as talks); its
`plover_event` tells what it is.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from fogwatch.export.fields import source_names
from fogwatch.records import Actor, Event

if TYPE_CHECKING:  # pyarrow is imported when a table is made, not at CLI start-up
    import pyarrow as pa

__all__ = ["event_record", "event_schema", "events_table"]

_TEXT = ("event_id", "doc_id", "content_hash", "event_type", "sub_event_type", "typed_by",
         "plover_event", "plover_mode", "actor1", "actor1_id", "actor1_country",
         "actor1_sector", "actor2", "actor2_id", "actor2_country", "actor2_sector")


@functools.cache
def event_schema() -> pa.Schema:
    """The Arrow schema of the events table (the columns above, in that order)."""
    import pyarrow as pa

    return pa.schema([pa.field(name, pa.string()) for name in _TEXT] + [
        pa.field("assoc_actors1", pa.list_(pa.string())),
        pa.field("assoc_actors2", pa.list_(pa.string())),
        pa.field("date_start", pa.date32()),
        pa.field("date_end", pa.date32()),
        pa.field("date_precision", pa.string()),
        pa.field("location", pa.string()),
        pa.field("admin1", pa.string()),
        pa.field("admin2", pa.string()),
        pa.field("country", pa.string()),
        pa.field("latitude", pa.float64()),
        pa.field("longitude", pa.float64()),
        pa.field("geonameid", pa.int64()),
        pa.field("geo_precision", pa.int8()),
        pa.field("fatalities_low", pa.int32()),
        pa.field("fatalities_best", pa.int32()),
        pa.field("fatalities_high", pa.int32()),
        pa.field("certainty", pa.string()),
        pa.field("sources", pa.list_(pa.string())),
    ], metadata={"fogwatch.schema": "events/2"})


def events_table(events: Iterable[Event], refs: Mapping[str, str | None]) -> pa.Table:
    """The events as a table of `event_schema()`; `refs` maps content hashes to input ids."""
    import pyarrow as pa

    records = [event_record(e, refs.get(e.doc_id) or e.doc_id) for e in events]
    return pa.Table.from_pylist(records, schema=event_schema())


def event_record(event: Event, doc_id: str) -> dict[str, Any]:
    """One event as a row of `event_schema()` (Python values; dates as datetime.date)."""
    place, when, fatalities = event.place, event.when, event.fatalities
    return {
        "event_id": event.id, "doc_id": doc_id, "content_hash": event.doc_id,
        "event_type": event.event_type, "sub_event_type": event.sub_event_type,
        "typed_by": event.typed_by,
        "plover_event": event.plover.event if event.plover else None,
        "plover_mode": event.plover.mode if event.plover else None,
        **_actor("actor1", event.actors1[0] if event.actors1 else None),
        **_actor("actor2", event.actors2[0] if event.actors2 else None),
        "assoc_actors1": [a.name for a in event.actors1[1:]],
        "assoc_actors2": [a.name for a in event.actors2[1:]],
        "date_start": when.start if when else None,
        "date_end": when.end if when else None,
        "date_precision": when.precision if when else None,
        "location": place.name if place else None,
        "admin1": place.admin1 if place else None,
        "admin2": place.admin2 if place else None,
        "country": place.country if place else None,
        "latitude": place.lat if place else None,
        "longitude": place.lon if place else None,
        "geonameid": place.geonameid if place else None,
        "geo_precision": place.precision if place else None,
        "fatalities_low": fatalities.low if fatalities else None,
        "fatalities_best": fatalities.best if fatalities else None,
        "fatalities_high": fatalities.high if fatalities else None,
        "certainty": event.certainty,
        "sources": source_names(event),
    }


def _actor(prefix: str, actor: Actor | None) -> dict[str, str | None]:
    if actor is None:
        return {prefix: None, f"{prefix}_id": None, f"{prefix}_country": None,
                f"{prefix}_sector": None}
    return {prefix: actor.name, f"{prefix}_id": actor.id, f"{prefix}_country": actor.country,
            f"{prefix}_sector": actor.sector}
