"""`fogwatch link`: group the stored events into incidents (linking/), incrementally or anew.

The work over the store is `linking.stored.link_stored_events`; `fogwatch ingest` calls it
after storing new documents.
"""

from __future__ import annotations

from typing import Annotated

import typer

from fogwatch.cli.common import DbOption, open_store, store_errors
from fogwatch.linking.stored import link_stored_events

__all__ = ["link_after_ingest", "link_command"]


def link_command(
    rebuild: Annotated[bool, typer.Option(
        "--rebuild", help="Forget every stored incident and link all events anew.")] = False,
    db: DbOption = None,
) -> None:
    """Link the stored events told by several reports into incidents.

    Without --rebuild, only events in no incident yet are linked, into the incidents around
    them (what `fogwatch ingest` does after storing); the result is the same either way.
    """
    with store_errors(), open_store(db, create=False) as store:
        summary = link_stored_events(store, rebuild=rebuild)
    typer.echo(summary.text())


def link_after_ingest(db: str | None) -> None:
    """Link the events `fogwatch ingest` just stored; a store error exits 1 with its message
    (the documents stay stored: `fogwatch link` links them later)."""
    with store_errors(), open_store(db, create=False) as store:
        summary = link_stored_events(store)
    typer.echo(summary.text())
