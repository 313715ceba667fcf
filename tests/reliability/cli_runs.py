"""Running the real `fogwatch ingest` in a child process, and reading what it stored."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path
from typing import Any


def child_env(cache: Path, **extra: str) -> dict[str, str]:
    """The environment for a child fogwatch: compiled modules cached between runs (the test
    starts many), output unbuffered."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env.update(PYTHONPYCACHEPREFIX=str(cache), PYTHONUNBUFFERED="1", **extra)
    return env


def spawn_ingest(corpus: Path, db: str, env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("ab") as out:
        return subprocess.Popen([sys.executable, "-m", "fogwatch", "ingest", str(corpus),
                                 "--db", db], stdout=out, stderr=subprocess.STDOUT, env=env,
                                stdin=subprocess.DEVNULL)


def run_ingest(corpus: Path, db: str, env: dict[str, str], *,
               timeout: float = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "fogwatch", "ingest", str(corpus), "--db", db],
                          capture_output=True, text=True, env=env, timeout=timeout,
                          stdin=subprocess.DEVNULL)


def sqlite_documents(db: Path) -> int:
    """How many documents an SQLite store holds now (0 before it exists or has its tables)."""
    if not db.exists():
        return 0
    try:
        with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)) as conn:
            count: int = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
            return count
    except sqlite3.OperationalError:  # no tables yet, or the writer holds the lock
        return 0


def wait_until(predicate: Any, *, timeout: float, every: float = 0.2) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(every)
    return False


def sqlite_dump(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, sorted, without wall-clock columns (DATETIME: when it was stored)
    and without the values of the store's own counters (store_state: how many times the
    incidents changed, from a random start, is no part of what was stored)."""
    dump: dict[str, list[tuple[Any, ...]]] = {}
    with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn:
        tables = [row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        for table in tables:
            columns = [row[1] for row in conn.execute(f"PRAGMA table_info({table})")
                       if row[2].upper() != "DATETIME"
                       and not (table == "store_state" and row[1] == "value")]
            rows = conn.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
            dump[table] = sorted(rows, key=repr)
    return dump


def sqlite_health(db: Path) -> tuple[str, int, int]:
    """integrity_check, documents without an extraction, rows pointing at no document."""
    with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn:
        integrity: str = conn.execute("PRAGMA integrity_check").fetchone()[0]
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        if "documents" not in tables:
            return integrity, 0, 0
        half: int = conn.execute(
            "SELECT count(*) FROM documents WHERE id NOT IN (SELECT doc_id FROM extractions)"
        ).fetchone()[0]
        orphans: int = conn.execute(
            "SELECT (SELECT count(*) FROM extractions WHERE doc_id NOT IN "
            "(SELECT id FROM documents)) + (SELECT count(*) FROM events WHERE doc_id NOT IN "
            "(SELECT id FROM documents))").fetchone()[0]
    return integrity, half, orphans
