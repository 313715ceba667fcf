"""Database errors as StoreErrors a user can act on: one line, naming the store and what to do."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa
from alembic.util import CommandError

from fogwatch.errors import StoreError

__all__ = ["translated"]


@contextmanager
def translated(where: str, *, lock_timeout: float) -> Iterator[None]:
    """Turn database and migration errors raised inside the block into StoreErrors."""
    try:
        yield
    except sa.exc.DBAPIError as exc:
        raise StoreError(_message(where, exc, lock_timeout)) from exc
    except sa.exc.NoSuchModuleError as exc:
        raise StoreError(f"{where}: not a kind of database fogwatch can open ({exc}); use a file "
                         "path, sqlite:///PATH or postgresql+psycopg://USER@HOST/NAME") from exc
    except CommandError as exc:
        raise StoreError(f"{where}: the database schema is not one this fogwatch knows ({exc}); "
                         "it was probably written by a newer fogwatch: upgrade fogwatch") from exc


def _message(where: str, exc: sa.exc.DBAPIError, lock_timeout: float) -> str:
    said = str(exc.orig).strip().splitlines()[0] if str(exc.orig).strip() else type(exc).__name__
    lowered = said.lower()
    if isinstance(exc, sa.exc.IntegrityError):
        return (f"{where}: the database refused a write ({said}); that document was not stored, "
                "the ones before it were")
    if "locked" in lowered or "busy" in lowered:
        return (f"{where}: the database is locked by another program (waited {lock_timeout:g} s); "
                "run this again when that program has finished")
    if "unable to open database file" in lowered:
        return (f"{where}: cannot open or create the database file; check that its folder exists "
                "and is writable, or pass --db with another path")
    if "not a database" in lowered or "malformed" in lowered:
        return (f"{where}: not a fogwatch database (SQLite says: {said}); move the file aside or "
                "pass --db with another path")
    if "readonly" in lowered or "read-only" in lowered:
        return (f"{where}: the database is read-only; make the file and its folder writable, or "
                "pass --db with another path")
    if "disk" in lowered and ("full" in lowered or "i/o" in lowered):
        return f"{where}: cannot write the database ({said}); check the disk's free space"
    return (f"{where}: database error: {said}; check that the database is reachable and that "
            "--db (or $FOGWATCH_DB) is right")
