"""The `fogwatch` command: a thin Typer layer over the core. Each command lives in its module."""

from __future__ import annotations

import typer

from fogwatch.cli import alerts as alerts_cmd
from fogwatch.cli import events as events_cmd
from fogwatch.cli import export as export_cmd
from fogwatch.cli import extract as extract_cmd
from fogwatch.cli import incidents as incidents_cmd
from fogwatch.cli import ingest as ingest_cmd
from fogwatch.cli import link as link_cmd
from fogwatch.cli import serve as serve_cmd
from fogwatch.cli import trends as trends_cmd

app = typer.Typer(
    name="fogwatch",
    help="Conflict news in, sourced and confidence-rated event data out.",
    no_args_is_help=True,
    add_completion=False,
)
app.command("extract")(extract_cmd.extract)
app.command("ingest")(ingest_cmd.ingest)
app.command("events")(events_cmd.events)
app.command("export")(export_cmd.export)
app.command("link")(link_cmd.link_command)
app.command("incidents")(incidents_cmd.incidents)
app.command("trends")(trends_cmd.trends)
app.command("alerts")(alerts_cmd.alerts)
app.command("serve")(serve_cmd.serve)
