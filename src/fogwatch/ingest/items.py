"""What every reader yields (an Item) and what the user chose about reading (ReadOptions)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from fogwatch.errors import InputError
from fogwatch.records import Document, Fingerprint

__all__ = ["DEFAULT_COLUMNS", "DEFAULT_OPTIONS", "FORMATS", "Columns", "Format", "Item",
           "ReadOptions"]

Format = Literal["txt", "jsonl", "csv", "html", "feed", "warc"]
FORMATS: tuple[Format, ...] = ("txt", "jsonl", "csv", "html", "feed", "warc")


@dataclass(frozen=True, slots=True)
class Item:
    """One input item: where it came from, and its Document or the error that stopped it.

    `fingerprint` is set on originals by ingest/near_duplicates.py, for the store to keep."""

    origin: str
    ref: str | None
    document: Document | None
    error: InputError | None
    fingerprint: Fingerprint | None = None


@dataclass(frozen=True, slots=True)
class Columns:
    """Which JSONL key or CSV column holds the text, the publication date and the caller's id."""

    text: str = "text"
    date: str = "published"
    id: str = "id"


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """`format` overrides detection from the file extension; None means detect. `encoding`
    (a Python codec name) decodes text, JSONL and CSV files; None means UTF-8. HTML, feeds and
    WARC records declare their own encoding."""

    format: Format | None = None
    columns: Columns = Columns()
    encoding: str | None = None


DEFAULT_COLUMNS = Columns()
DEFAULT_OPTIONS = ReadOptions()
