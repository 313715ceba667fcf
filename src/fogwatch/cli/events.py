"""`fogwatch events`: the stored events, as a table or as JSON (FORMAT.md's event shape)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated

import typer
from rich import box
from rich.console import Console
from rich.table import Table

from fogwatch.cli.common import DbOption, open_store, store_errors
from fogwatch.contract import event_to_format
from fogwatch.records import Event

__all__ = ["events", "parse_since"]


def parse_since(value: str) -> dt.date:
    """A date given as YYYY-MM-DD, YYYY-MM (its first day) or YYYY (1 January)."""
    text = value.strip()
    try:
        if len(text) == 4 and text.isdigit():
            return dt.date(int(text), 1, 1)
        if len(text) == 7 and text[4] == "-":
            return dt.date(int(text[:4]), int(text[5:]), 1)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD, e.g. 2024-03-01",
                                 param_hint="--since") from None


def events(
    as_json: Annotated[bool, typer.Option(
        "--json", help="Print a JSON list: each event in FORMAT.md's shape plus its "
             "document's doc_id (the input's id, else the content hash) and content_hash.")
    ] = False,
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
    """List the stored events, oldest first."""
    start = parse_since(since) if since is not None else None
    if country is not None and not (len(country.strip()) == 3 and country.strip().isalpha()):
        raise typer.BadParameter(f"{country!r} is not an ISO 3166 alpha-3 code such as SYR",
                                 param_hint="--country")
    with store_errors(), open_store(db, create=False) as store:
        found = store.events(since=start, event_type=event_type, country=country)
        refs = store.refs(event.doc_id for event in found)
    if as_json:
        # As in `fogwatch extract`: doc_id is the input's own id when it had one.
        payload = [{**event_to_format(event), "doc_id": refs.get(event.doc_id) or event.doc_id,
                    "content_hash": event.doc_id} for event in found]
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
    if not parts and event.plover:
        parts = [event.plover.event]
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
