"""Export stored events in the formats researchers load: ACLED-style and UCDP-GED-style CSV,
GeoJSON, Parquet and JSON Lines.

The modules per format are pure functions from events to rows, features or a table;
`files.write_export` is the one place that writes, atomically (temporary file, then rename).
"""

from __future__ import annotations

from fogwatch.export.acled import ACLED_COLUMNS, acled_row, acled_rows
from fogwatch.export.files import ExportFormat, ExportSummary, atomic_output, write_export
from fogwatch.export.geojson import FeatureCollection, feature_collection
from fogwatch.export.jsonl import event_record, jsonl_lines
from fogwatch.export.parquet import event_schema, events_table
from fogwatch.export.ucdp import UCDP_COLUMNS, ucdp_row, ucdp_rows

__all__ = [
    "ACLED_COLUMNS",
    "UCDP_COLUMNS",
    "ExportFormat",
    "ExportSummary",
    "FeatureCollection",
    "acled_row",
    "acled_rows",
    "atomic_output",
    "events_table",
    "feature_collection",
    "event_record",
    "event_schema",
    "jsonl_lines",
    "ucdp_row",
    "ucdp_rows",
    "write_export",
]
