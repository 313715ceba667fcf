"""A throwaway PostgreSQL server that a test can stop and start again (Debian's binaries)."""

from __future__ import annotations

import importlib.util
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

PGBIN = Path("/usr/lib/postgresql/15/bin")


def _as_postgres(*args: str) -> list[str]:
    # initdb and postgres refuse to run as root; Debian's image has a postgres user for that.
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else list(args)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class PostgresServer:
    """`start()`, `stop()` and `start()` again: the same data folder, port and URL."""

    def __init__(self) -> None:
        if importlib.util.find_spec("psycopg") is None:
            pytest.skip("psycopg is not installed")
        if not (PGBIN / "initdb").exists() or (os.geteuid() == 0 and not shutil.which("runuser")):
            pytest.skip(f"no PostgreSQL server binaries in {PGBIN}")
        self.root = Path(tempfile.mkdtemp(prefix="fogwatch-pg-reliability-"))
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")
        self.data, self.port = self.root / "data", _free_port()
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"
        subprocess.run(_as_postgres(str(PGBIN / "initdb"), "-D", str(self.data), "-U",
                                    "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"),
                       check=True, capture_output=True)

    def start(self) -> None:
        subprocess.run(_as_postgres(str(PGBIN / "pg_ctl"), "-D", str(self.data), "-l",
                                    str(self.root / "server.log"), "-w", "-t", "60", "-o",
                                    f"-p {self.port} -k {self.root} "
                                    "-c listen_addresses=127.0.0.1 -c fsync=off", "start"),
                       check=True, capture_output=True)

    def stop(self) -> None:
        """A fast shutdown: open connections are cut, as when the server is restarted."""
        subprocess.run(_as_postgres(str(PGBIN / "pg_ctl"), "-D", str(self.data), "-m", "fast",
                                    "-w", "stop"), check=True, capture_output=True)

    def remove(self) -> None:
        subprocess.run(_as_postgres(str(PGBIN / "pg_ctl"), "-D", str(self.data), "-m",
                                    "immediate", "-w", "stop"), check=False, capture_output=True)
        shutil.rmtree(self.root, ignore_errors=True)
