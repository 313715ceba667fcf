"""What several commands share: the --db option, opening the store, printing to stderr."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

import typer
from rich.console import Console

from fogwatch.errors import StoreError
from fogwatch.records import Event
from fogwatch.store import Store

__all__ = ["CountryOption", "DbOption", "SinceOption", "TypeOption", "error_console",
           "open_store", "parse_since", "say_error", "store_errors", "stored_events"]

DbOption = Annotated[str | None, typer.Option(
    "--db", metavar="URL",
    help="The store: a file path or a database URL (sqlite:///PATH, postgresql+psycopg://...). "
         "Default: $FOGWATCH_DB, else ./fogwatch.db.")]


# The filters of the commands that read stored events (`events`, `export`).
SinceOption = Annotated[str | None, typer.Option(
    metavar="DATE", help="Only events on or after this date (YYYY-MM-DD).")]
TypeOption = Annotated[str | None, typer.Option(
    "--type", metavar="TYPE",
    help="Only this ACLED event type or sub-event type, e.g. Battles or 'Air/drone strike' "
         "(any case); 'none' for the events of no ACLED type (ordinary crime, things said).")]
CountryOption = Annotated[str | None, typer.Option(
    metavar="ISO3", help="Only events in this country (ISO 3166 alpha-3 code, e.g. SYR).")]


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


def stored_events(db: str | None, since: str | None, event_type: str | None,
                  country: str | None) -> tuple[list[Event], dict[str, str | None]]:
    """The stored events that pass the filters, oldest first, and each document's own id."""
    start = parse_since(since) if since is not None else None
    if country is not None and not (len(country.strip()) == 3 and country.strip().isalpha()):
        raise typer.BadParameter(f"{country!r} is not an ISO 3166 alpha-3 code such as SYR",
                                 param_hint="--country")
    with store_errors(), open_store(db, create=False) as store:
        found = store.events(since=start, event_type=event_type, country=country)
        return found, store.refs(event.doc_id for event in found)


def error_console() -> Console:
    """A console on stderr, for progress bars and error lines (made per command, not at import)."""
    return Console(stderr=True, highlight=False)


def say_error(console: Console, message: str) -> None:
    """One error line on stderr, never wrapped and never read as Rich markup."""
    console.print(f"error: {' '.join(message.split())}", soft_wrap=True, markup=False,
                  highlight=False)


@contextmanager
def store_errors() -> Iterator[None]:
    """Exit 1 with the one-line message of a StoreError raised inside the block."""
    try:
        yield
    except StoreError as exc:
        say_error(error_console(), str(exc))
        raise typer.Exit(1) from None


def open_store(db: str | None, *, create: bool = True) -> Store:
    """The store at `db`, or exit 1 with the StoreError's one-line message."""
    with store_errors():
        return Store.open(db, create=create)
