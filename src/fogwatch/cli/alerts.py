"""`fogwatch alerts`: escalation alerts over the linked incidents (analysis/alerts.py)."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from fogwatch.analysis import alerts as find_alerts
from fogwatch.analysis.shapes import alert_record
from fogwatch.cli.common import DbOption, SinceOption, open_store, parse_since, store_errors

__all__ = ["alerts"]


def alerts(
    as_json: Annotated[bool, typer.Option(
        "--json", help="Print a JSON list: each alert with its kind, dyad, date, "
                       "incident_ids, why (a sentence) and evidence.")] = False,
    since: SinceOption = None,
    db: DbOption = None,
) -> None:
    """Escalation alerts: a first direct clash between two states' forces, a week far above a
    dyad's baseline, a confirmed toll far above the first reports, a denial then a
    confirmation."""
    start = parse_since(since) if since is not None else None
    with store_errors(), open_store(db, create=False) as store:
        found = [a for a in find_alerts(store.incidents())
                 if start is None or a.date >= start]
        refs = store.refs(doc_id for a in found for doc_id, _ in a.evidence)
    if as_json:
        payload = [alert_record(alert, refs) for alert in found]
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    if not found:
        typer.echo("No alerts.")
    for alert in found:
        dyad = f"{alert.dyad[0]}:{alert.dyad[1]}" if alert.dyad else "-"
        typer.echo(f"{alert.date.isoformat()}  {alert.kind:<22} {dyad:<9} {alert.why}")
