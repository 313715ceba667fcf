"""`fogwatch incidents`: the linked incidents, as a table or as JSON (linking/shapes.py)."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich import box
from rich.console import Console
from rich.table import Table

from fogwatch.cli.common import (
    CountryOption,
    DbOption,
    SinceOption,
    open_store,
    parse_since,
    store_errors,
)
from fogwatch.linking.shapes import incident_record
from fogwatch.records import Incident

__all__ = ["incidents"]


def incidents(
    as_json: Annotated[bool, typer.Option(
        "--json", help="Print a JSON list: each incident with its id, fatalities {low, best, "
             "high}, certainty, first_reported, confirmed_at, denied_by, claims and member "
             "events (each with its doc_id).")] = False,
    since: SinceOption = None,
    country: CountryOption = None,
    db: DbOption = None,
) -> None:
    """List the linked incidents, oldest first (run `fogwatch link` or `ingest` first)."""
    start = parse_since(since) if since is not None else None
    with store_errors(), open_store(db, create=False) as store:
        found = store.incidents(since=start, country=country)
        keys = [(r.doc_id, r.event_id) for i in found for r in i.reports]
        events = store.events_by_key(keys) if as_json else {}
        refs = store.refs(doc_id for doc_id, _ in keys)
    if as_json:
        payload = [incident_record(incident, events, refs) for incident in found]
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    console = Console(highlight=False)
    if not found:
        console.print("No incidents stored; run `fogwatch link` after `fogwatch ingest`.")
        return
    console.print(_table(found))


def _table(found: list[Incident]) -> Table:
    table = Table(title=f"{len(found)} incident{'s' if len(found) != 1 else ''}",
                  box=box.SIMPLE_HEAD)
    for name, ratio in (("date", None), ("type", 3), ("place", 2), ("killed", None),
                        ("certainty", None), ("reports", None), ("id", None)):
        table.add_column(name, ratio=ratio, no_wrap=ratio is None)
    for incident in found:
        when = incident.when.value if incident.when is not None else None
        place = incident.place
        where = ", ".join(p for p in (place.name, place.admin1, place.country) if p) if place \
            else ""
        table.add_row(when or "", " / ".join(p for p in (incident.event_type,
                                                       incident.sub_event_type) if p),
                      where, _killed(incident), incident.certainty,
                      str(len({r.doc_id for r in incident.reports})), incident.id)
    return table


def _killed(incident: Incident) -> str:
    f = incident.fatalities
    if f is None or f.best is None:
        return ""
    if f.low == f.best == f.high:
        return str(f.best)
    high = "+" if f.high is None else f"–{f.high}"
    return f"{f.best} ({f.low}{high})"
