"""A throwaway PostgreSQL server for the store tests, when this machine can run one."""

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

PGBIN = Path("/usr/lib/postgresql/15/bin")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _as_postgres(*args: str) -> list[str]:
    # initdb refuses to run as root; Debian's image has a postgres user for that.
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else list(args)


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    if importlib.util.find_spec("psycopg") is None:
        pytest.skip("psycopg is not installed")
    if not (PGBIN / "initdb").exists() or (os.geteuid() == 0 and not shutil.which("runuser")):
        pytest.skip(f"no PostgreSQL server binaries in {PGBIN}")
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
