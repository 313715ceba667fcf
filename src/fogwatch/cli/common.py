"""What several commands share: the --db option, opening the store, printing to stderr."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

import typer
from rich.console import Console

from fogwatch.errors import StoreError
from fogwatch.store import Store

__all__ = ["DbOption", "error_console", "open_store", "say_error", "store_errors"]

DbOption = Annotated[str | None, typer.Option(
    "--db", metavar="URL",
    help="The store: a file path or a database URL (sqlite:///PATH, postgresql+psycopg://...). "
         "Default: $FOGWATCH_DB, else ./fogwatch.db.")]


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
