"""Lookups by many keys, a bounded number at a time."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator
from typing import TypeVar

__all__ = ["CHUNK", "chunks"]

# Keys per `IN (...)` list. A pair key binds two parameters, so a chunk binds at most 800: under
# SQLite's oldest limit of 999 bound parameters a statement, and far under PostgreSQL's 65,535.
CHUNK = 400

Key = TypeVar("Key", bound=Hashable)


def chunks(keys: Iterable[Key], size: int = CHUNK) -> Iterator[list[Key]]:
    """The distinct keys, sorted (so every run sends the same statements), `size` at a time."""
    wanted = sorted(set(keys))  # type: ignore[type-var]  # our keys (str, tuples of str) sort
    for start in range(0, len(wanted), size):
        yield wanted[start:start + size]
