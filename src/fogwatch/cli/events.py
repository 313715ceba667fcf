"""`fogwatch events` (placeholder until it lands in this session)."""

from __future__ import annotations


def events() -> None:
    raise SystemExit("not built yet")
