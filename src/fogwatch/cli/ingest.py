"""`fogwatch ingest` (placeholder until it lands in this session)."""

from __future__ import annotations


def ingest() -> None:
    raise SystemExit("not built yet")
