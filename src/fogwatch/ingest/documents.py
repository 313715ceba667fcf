"""Turning raw input records (a JSONL object, a CSV row, a text) into Documents, with clear
errors."""

from __future__ import annotations

import datetime as dt
from typing import Any

import dateutil.parser

from fogwatch.errors import InputError
from fogwatch.ingest.items import DEFAULT_COLUMNS, Columns
from fogwatch.nlp import MAX_CHARS
from fogwatch.records import Document

__all__ = ["document_from_record", "document_from_text", "parse_published"]


def parse_published(value: str, *, path: str | None = None, line: int | None = None,
                    field: str = "published") -> dt.date:
    """An ISO 8601 date or date-time as a date; InputError if it is not one."""
    text = value.strip()
    try:
        return dt.date.fromisoformat(text[:10]) if len(text) >= 10 and text[4] == "-" else (
            dateutil.parser.isoparse(text).date())
    except (ValueError, IndexError, OverflowError):
        raise InputError(f"{field!r} is not an ISO 8601 date: {value!r}", path=path,
                         line=line) from None


def document_from_text(text: str, *, path: str | None = None, line: int | None = None,
                       published: dt.date | None = None, ref: str | None = None,
                       source: str | None = None, url: str | None = None,
                       title: str | None = None) -> Document:
    """A Document from text, refusing empty or oversized texts."""
    if "\x00" in text:
        raise InputError("looks binary (contains NUL bytes); expected UTF-8 text", path=path,
                         line=line)
    if not text.strip():
        raise InputError("the text is empty", path=path, line=line)
    if len(text) > MAX_CHARS:
        raise InputError(f"the text has {len(text):,} characters, over the limit of "
                         f"{MAX_CHARS:,}; split it into articles", path=path, line=line)
    from fogwatch.pipeline import make_document  # the pipeline (spaCy) loads with the first read

    return make_document(text, published, ref=ref, source=source, url=url, title=title)


def document_from_record(record: Any, *, path: str | None = None, line: int | None = None,
                         columns: Columns = DEFAULT_COLUMNS) -> Document:
    """A Document from one JSONL object (or CSV row as a dict) with the text under
    `columns.text`, optional date and id under `columns.date` / `columns.id`, and optional
    source/url/title."""
    if not isinstance(record, dict):
        raise InputError(f"expected a JSON object with a {columns.text!r} field", path=path,
                         line=line)
    text = record.get(columns.text)
    if not isinstance(text, str):
        raise InputError(f"the object has no {columns.text!r} string", path=path, line=line)
    published = record.get(columns.date)
    day = None
    if published is not None and published != "":
        if not isinstance(published, str):
            raise InputError(f"{columns.date!r} is not an ISO 8601 date: {published!r}",
                             path=path, line=line)
        day = parse_published(published, path=path, line=line, field=columns.date)
    ref = record.get(columns.id)
    return document_from_text(
        text, path=path, line=line, published=day,
        ref=str(ref) if ref is not None and ref != "" else None,
        source=_optional_str(record.get("source")), url=_optional_str(record.get("url")),
        title=_optional_str(record.get("title")),
    )


def _optional_str(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None
