"""Invisible format characters (zero-width spaces and joiners, soft hyphens, bidi marks, byte
order marks: Unicode category Cf) split words for the parser without showing in the text, so
"Kan\u200bsafra" would be no place and "two\u200b soldiers" no count. They are removed before
parsing, and every offset found in the cleaned text is mapped back onto the original, so spans
still point into the text the caller gave.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from typing import Any, TypeVar

from fogwatch.records import Document, Span

__all__ = ["Cleaned", "clean", "restore"]

T = TypeVar("T")


@dataclasses.dataclass(frozen=True, slots=True)
class Cleaned:
    """A document without its invisible characters; `positions[i]` is where the cleaned text's
    character i stands in the original (one more entry: the original's length)."""

    document: Document
    positions: tuple[int, ...]


def clean(document: Document) -> Cleaned | None:
    """The document without invisible characters, None when it has none (the common case)."""
    text = document.text
    if text.isascii() or not any(unicodedata.category(c) == "Cf" for c in text):
        return None
    kept = [i for i, c in enumerate(text) if unicodedata.category(c) != "Cf"]
    cleaned = "".join(text[i] for i in kept)
    return Cleaned(dataclasses.replace(document, text=cleaned), (*kept, len(text)))


def restore(found: T, original: Document, cleaned: Cleaned) -> T:
    """`found` (an Extraction, or any record) with every span mapped onto the original text and
    the original document in place of the cleaned one."""
    positions = cleaned.positions

    def span(value: Span) -> Span:
        start = positions[value.start]
        end = positions[value.end - 1] + 1 if value.end > value.start else start
        return Span(start, end, original.text[start:end])

    def walk(value: Any) -> Any:
        if isinstance(value, Span):
            return span(value)
        if isinstance(value, Document):
            return original if value.id == original.id else value
        if isinstance(value, tuple):
            return tuple(walk(item) for item in value)
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            changes = {f.name: walk(getattr(value, f.name)) for f in dataclasses.fields(value)}
            return dataclasses.replace(value, **changes)
        return value

    result: T = walk(found)
    return result
