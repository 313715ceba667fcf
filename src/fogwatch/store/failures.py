"""Database errors as StoreErrors a user can act on: one line, naming the store and what to do.

A database server that goes away (restarted, network cut) is waited for: `retried` runs a store
call again with growing pauses until the server answers or the backoff's budget is spent.
"""

from __future__ import annotations

import functools
import logging
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Concatenate, ParamSpec, Protocol, TypeVar

import sqlalchemy as sa

from fogwatch.errors import StoreError

__all__ = ["RETRY_ENV_VAR", "Backoff", "retried", "retrying", "translated"]

# Seconds to keep retrying a database server that stopped answering, before giving up.
RETRY_ENV_VAR = "FOGWATCH_DB_RETRY_SECONDS"
_log = logging.getLogger("fogwatch.store")
P = ParamSpec("P")
R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class Backoff:
    """Pauses of `first`, `first * factor`, ... (at most `longest`) s, `budget` s in all."""

    first: float = 0.5
    factor: float = 2.0
    longest: float = 8.0
    budget: float = 30.0

    @classmethod
    def from_environment(cls) -> Backoff:
        """The default backoff, with the budget from $FOGWATCH_DB_RETRY_SECONDS if set."""
        raw = os.environ.get(RETRY_ENV_VAR, "").strip()
        if not raw:
            return cls()
        try:
            budget = float(raw)
        except ValueError:
            raise StoreError(f"${RETRY_ENV_VAR} is {raw!r}, not a number of seconds") from None
        return cls(budget=max(0.0, budget))

    def pauses(self) -> Iterator[float]:
        waited, pause = 0.0, self.first
        while pause > 0 and waited + pause <= self.budget:
            yield pause
            waited += pause
            pause = min(pause * self.factor, self.longest)


def is_disconnect(exc: BaseException | None) -> bool:
    """Whether a store error came from a database server that stopped answering (worth a retry):
    a lost or refused connection, a server shutting down. Never SQLite's errors: a locked,
    read-only or full file does not heal by waiting (locks are already waited for)."""
    if not isinstance(exc, sa.exc.DBAPIError) or isinstance(exc, sa.exc.IntegrityError):
        return False
    if type(exc.orig).__module__.startswith("sqlite3"):
        return False
    return exc.connection_invalidated or isinstance(
        exc, sa.exc.OperationalError | sa.exc.InterfaceError)


def retrying(call: Callable[[], R], *, where: str, backoff: Backoff,
             sleep: Callable[[float], None] = time.sleep) -> R:
    """`call()`, run again after each pause of `backoff` while the database server is away;
    then a StoreError saying how long it waited and that what was stored is kept."""
    pauses, tries, waited = backoff.pauses(), 0, 0.0
    while True:
        try:
            return call()
        except StoreError as exc:
            if not is_disconnect(exc.__cause__):
                raise
            pause = next(pauses, None)
            if pause is None:
                raise StoreError(
                    f"{where}: the database server stopped answering and did not come back "
                    f"({tries} retries over {waited:g} s; last error: {_said(exc.__cause__)}); "
                    "what was stored before is kept: start the database again and rerun the "
                    "same command (stored documents are skipped)") from exc.__cause__
            _log.warning("%s: the database server is not answering (%s); trying again in "
                         "%g s", where, _said(exc.__cause__), pause)
            sleep(pause)
            tries, waited = tries + 1, waited + pause


class _Retrying(Protocol):
    where: str
    backoff: Backoff


S = TypeVar("S", bound=_Retrying)


def retried(method: Callable[Concatenate[S, P], R]) -> Callable[Concatenate[S, P], R]:
    """A store method run through `retrying` with the store's own backoff: the whole call is
    repeated, so a method must be safe to run again (a transaction that rolled back, a read)."""
    @functools.wraps(method)
    def wrapper(self: S, /, *args: P.args, **kwargs: P.kwargs) -> R:
        return retrying(lambda: method(self, *args, **kwargs), where=self.where,
                        backoff=self.backoff)
    return wrapper


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
    except Exception as exc:
        # alembic's CommandError comes from a migration, which has imported alembic; the
        # store does not import it before (CLI start-up)
        command_error = getattr(sys.modules.get("alembic.util"), "CommandError", None)
        if command_error is None or not isinstance(exc, command_error):
            raise
        raise StoreError(f"{where}: the database schema is not one this fogwatch knows ({exc}); "
                         "it was probably written by a newer fogwatch: upgrade fogwatch") from exc


def _said(exc: BaseException | None) -> str:
    orig = exc.orig if isinstance(exc, sa.exc.DBAPIError) else exc
    text = str(orig).strip()
    return text.splitlines()[0] if text else type(orig).__name__


def _message(where: str, exc: sa.exc.DBAPIError, lock_timeout: float) -> str:
    said = _said(exc)
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
