"""The store tests' backends: an SQLite file, and a throwaway PostgreSQL server started here.

`store` (and `store_url`) are parametrised over both, so each test of the one suite runs on
SQLite and on PostgreSQL. Where the server binaries or psycopg are missing the PostgreSQL cases
skip, saying why, except in CI (the environment variable CI set): there they fail, so CI can
never pass without having run them.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from fogwatch.store import Store

PGBIN = Path("/usr/lib/postgresql/15/bin")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _as_postgres(*args: str) -> list[str]:
    # initdb refuses to run as root; Debian's image has a postgres user for that.
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else list(args)


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason}: CI must run the PostgreSQL store tests (install Debian's "
                    "postgresql and the [test] extra)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    if importlib.util.find_spec("psycopg") is None:
        _unavailable("psycopg is not installed")
    if not (PGBIN / "initdb").exists() or (os.geteuid() == 0 and not shutil.which("runuser")):
        _unavailable(f"no PostgreSQL server binaries in {PGBIN}")
    root = Path(tempfile.mkdtemp(prefix="fogwatch-pg-"))
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
    data, port = root / "data", _free_port()
    subprocess.run(_as_postgres(str(PGBIN / "initdb"), "-D", str(data), "-U", "postgres",
                                "-A", "trust", "-E", "UTF8", "--no-sync"),
                   check=True, capture_output=True)
    subprocess.run(_as_postgres(str(PGBIN / "pg_ctl"), "-D", str(data), "-l",
                                str(root / "server.log"), "-w", "-t", "60", "-o",
                                f"-p {port} -k {root} -c listen_addresses=127.0.0.1 "
                                "-c fsync=off", "start"),
                   check=True, capture_output=True)
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(_as_postgres(str(PGBIN / "pg_ctl"), "-D", str(data), "-m", "fast",
                                    "-w", "stop"), check=False, capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database: an SQLite file, or the PostgreSQL server with a fresh schema."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'fog.db'}"
    url: str = request.getfixturevalue("postgres_url")
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    engine.dispose()
    return url


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with Store.open(store_url) as opened:
        yield opened
