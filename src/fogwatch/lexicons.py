"""Lexicon tables shipped in `fogwatch/data/` (placeholder until the actors stage lands)."""

from __future__ import annotations

from typing import Any


def ruler_patterns() -> list[dict[str, Any]]:
    return []
