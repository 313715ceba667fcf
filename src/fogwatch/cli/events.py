"""`fogwatch events`: the stored events, as a table or as JSON (FORMAT.md's event shape)."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich import box
from rich.console import Console
from rich.table import Table

from fogwatch.cli.common import CountryOption, DbOption, SinceOption, TypeOption, stored_events
from fogwatch.export import event_record
from fogwatch.records import Event

__all__ = ["events"]


def events(
    as_json: Annotated[bool, typer.Option(
        "--json", help="Print a JSON list: each event in FORMAT.md's shape plus its "
             "document's doc_id (the input's id, else the content hash) and content_hash.")
    ] = False,
    since: SinceOption = None,
    event_type: TypeOption = None,
    country: CountryOption = None,
    db: DbOption = None,
) -> None:
    """List the stored events, oldest first."""
    found, refs = stored_events(db, since, event_type, country)
    if as_json:
        payload = [event_record(event, refs) for event in found]
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    console = Console(highlight=False)
    if not found:
        console.print("No stored events match.")
        return
    console.print(_table(found, refs))


def _table(found: list[Event], refs: dict[str, str | None]) -> Table:
    table = Table(title=f"{len(found)} event{'s' if len(found) != 1 else ''}",
                  box=box.SIMPLE_HEAD)
    for name, ratio in (("date", None), ("type / sub-type", 3), ("location", 2),
                        ("country", None), ("fatalities", None), ("certainty", None),
                        ("doc", None)):
        table.add_column(name, ratio=ratio, no_wrap=ratio is None)
    for event in found:
        table.add_row(_date(event), _kind(event), _location(event),
                      (event.place.country or "") if event.place else "", _fatalities(event),
                      event.certainty, refs.get(event.doc_id) or event.doc_id[:10])
    return table


def _date(event: Event) -> str:
    return (event.when.value or "") if event.when else ""


def _kind(event: Event) -> str:
    parts = [p for p in (event.event_type, event.sub_event_type) if p]
    if not parts:  # violence ACLED leaves out, or a thing said: named by its PLOVER type
        parts = [f"{event.plover.event if event.plover else 'event'} (not ACLED)"]
    return " / ".join(parts)


def _location(event: Event) -> str:
    place = event.place
    if place is None:
        return ""
    return ", ".join(p for p in (place.name, place.admin1) if p)


def _fatalities(event: Event) -> str:
    f = event.fatalities
    if f is None or (f.best is None and f.low is None and f.high is None):
        return ""
    best = "?" if f.best is None else str(f.best)
    if f.low == f.best and f.high == f.best:
        return best
    low = "?" if f.low is None else str(f.low)
    if f.high is None:  # open above: "at least"
        return f"{best} ({low}+)"
    return f"{best} ({low}–{f.high})"
