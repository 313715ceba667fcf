"""The exception tree. Every failure a user can hit is a `FogwatchError` whose message says what
went wrong and what to do about it."""

from __future__ import annotations

__all__ = [
    "FogwatchError",
    "InputError",
    "PipelineOrderError",
    "StoreError",
]


class FogwatchError(Exception):
    """Base of every error fogwatch raises on purpose."""


class InputError(FogwatchError):
    """A document or file that cannot be read: not UTF-8, binary, empty, bad JSON, bad date."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        self.path = path
        self.line = line
        where = path or "<input>"
        if line is not None:
            where = f"{where}:{line}"
        super().__init__(f"{where}: {message}")


class StoreError(FogwatchError):
    """The store cannot be opened or written: bad URL, unwritable path, locked or corrupt file."""


class PipelineOrderError(FogwatchError):
    """A pipeline stage reads something no earlier stage adds (a programming error)."""
