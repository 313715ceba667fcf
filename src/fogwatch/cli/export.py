"""`fogwatch export`: the stored events written to a file for R, pandas, QGIS or DuckDB."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer

from fogwatch.cli.common import (
    CountryOption,
    DbOption,
    SinceOption,
    TypeOption,
    error_console,
    open_store,
    say_error,
    store_errors,
    stored_events,
)
from fogwatch.errors import FogwatchError
from fogwatch.export import ExportFormat, write_export

__all__ = ["export"]


def export(
    fmt: Annotated[ExportFormat, typer.Option(
        "--format", help="acled-csv, ucdp-csv (ACLED / UCDP GED column names and codes), "
                         "geojson (RFC 7946 points), parquet, or jsonl (one event per line).",
        case_sensitive=False)],
    output: Annotated[Path, typer.Option(
        "--output", "-o", metavar="FILE",
        help="The file to write; replaced only once the export is complete.")],
    since: SinceOption = None,
    event_type: TypeOption = None,
    country: CountryOption = None,
    db: DbOption = None,
) -> None:
    """Write the stored events to a file, oldest first."""
    found, refs = stored_events(db, since, event_type, country)
    with store_errors(), open_store(db, create=False) as store:
        stamps = store.stored_at(event.doc_id for event in found if event.doc_id)
    console = error_console()
    try:
        summary = write_export(fmt, found, output, refs=refs, timestamp=int(time.time()),
                               stamps=stamps)
    except FogwatchError as exc:
        say_error(console, str(exc))
        raise typer.Exit(1) from None
    noun = "event" if summary.written == 1 else "events"
    console.print(f"Wrote {summary.written} {noun} to {output} ({fmt.value}).", markup=False,
                  highlight=False, soft_wrap=True)
    if summary.left_out:
        console.print(f"Left out {summary.left_out}: {summary.reason}.", markup=False,
                      highlight=False, soft_wrap=True)
