"""Where the store lives: a database URL, a plain file path, $FOGWATCH_DB, or ./fogwatch.db."""

from __future__ import annotations

import os
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import URL

from fogwatch.errors import StoreError

__all__ = ["DEFAULT_PATH", "ENV_VAR", "describe", "resolve_url", "sqlite_path"]

ENV_VAR = "FOGWATCH_DB"
DEFAULT_PATH = "fogwatch.db"


def resolve_url(db: str | None = None) -> URL:
    """The URL to open: `db` if given, else $FOGWATCH_DB, else ./fogwatch.db.

    A value without "://" is a file path and becomes an SQLite URL.
    """
    raw = db if db else os.environ.get(ENV_VAR) or DEFAULT_PATH
    if "://" not in raw:
        return URL.create("sqlite", database=str(Path(raw).expanduser()))
    try:
        return sa.make_url(raw)
    except sa.exc.ArgumentError:
        raise StoreError(
            f"{raw!r} is not a database URL; pass a file path or a URL such as "
            "sqlite:///fogwatch.db or postgresql+psycopg://user@host/dbname"
        ) from None


def sqlite_path(url: URL) -> Path | None:
    """The database file of an SQLite URL; None for other databases and in-memory SQLite."""
    if url.get_backend_name() != "sqlite":
        return None
    database = url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


def describe(url: URL) -> str:
    """How to name the store in a message: its file path, or its URL without the password."""
    path = sqlite_path(url)
    if path is not None:
        return str(path)
    return url.render_as_string(hide_password=True)
