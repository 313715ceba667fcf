"""The store: documents, extractions and events in SQLite (default) or PostgreSQL.

`Store` is the only place in fogwatch that talks SQL; open it with `Store.open(db)`, where `db`
is a database URL, a file path, or None for $FOGWATCH_DB or ./fogwatch.db.
"""

from __future__ import annotations

from fogwatch.store.database import LOCK_TIMEOUT_SECONDS, Store
from fogwatch.store.url import DEFAULT_PATH, ENV_VAR, resolve_url

__all__ = ["DEFAULT_PATH", "ENV_VAR", "LOCK_TIMEOUT_SECONDS", "Store", "resolve_url"]
