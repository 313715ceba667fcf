"""`fogwatch extract` (placeholder until it lands in this session)."""

from __future__ import annotations


def extract() -> None:
    raise SystemExit("not built yet")
