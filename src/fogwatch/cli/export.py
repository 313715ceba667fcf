"""`fogwatch export`: the stored events written to a file for R, pandas, QGIS or DuckDB."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer

from fogwatch.cli.common import DbOption, error_console, open_store, say_error, store_errors
from fogwatch.cli.events import parse_since
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
    since: Annotated[str | None, typer.Option(
        metavar="DATE", help="Only events on or after this date (YYYY-MM-DD).")] = None,
    event_type: Annotated[str | None, typer.Option(
        "--type", metavar="TYPE",
        help="Only this ACLED event type or sub-event type, e.g. Battles or 'Air/drone strike' "
             "(any case).")] = None,
    country: Annotated[str | None, typer.Option(
        metavar="ISO3", help="Only events in this country (ISO 3166 alpha-3 code, e.g. SYR).")
    ] = None,
    db: DbOption = None,
) -> None:
    """Write the stored events to a file, oldest first."""
    start = parse_since(since) if since is not None else None
    if country is not None and not (len(country.strip()) == 3 and country.strip().isalpha()):
        raise typer.BadParameter(f"{country!r} is not an ISO 3166 alpha-3 code such as SYR",
                                 param_hint="--country")
    with store_errors(), open_store(db, create=False) as store:
        found = store.events(since=start, event_type=event_type, country=country)
        refs = store.refs(event.doc_id for event in found)
    console = error_console()
    try:
        summary = write_export(fmt, found, output, refs=refs, timestamp=int(time.time()))
    except FogwatchError as exc:
        say_error(console, str(exc))
        raise typer.Exit(1) from None
    noun = "event" if summary.written == 1 else "events"
    console.print(f"Wrote {summary.written} {noun} to {output} ({fmt.value}).", markup=False,
                  highlight=False, soft_wrap=True)
    if summary.left_out:
        console.print(f"Left out {summary.left_out}: {summary.reason}.", markup=False,
                      highlight=False, soft_wrap=True)
