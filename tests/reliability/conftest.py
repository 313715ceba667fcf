"""Fixtures for the reliability tests: a PostgreSQL server of their own (they stop it)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from reliability.postgres import PostgresServer


@pytest.fixture
def postgres() -> Iterator[PostgresServer]:
    server = PostgresServer()
    server.start()
    try:
        yield server
    finally:
        server.remove()
