"""Reading files, folders and stdin into Documents: plain text (.txt) and JSONL (.jsonl).

Each reader yields, in input order, either a Document or the InputError of the item that could
not be read, so a caller can report it and go on with the rest.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from fogwatch.errors import InputError
from fogwatch.ingest.documents import document_from_record, document_from_text
from fogwatch.records import Document

__all__ = ["Item", "TEXT_SUFFIXES", "JSONL_SUFFIXES", "read_paths"]

TEXT_SUFFIXES = frozenset({".txt"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
# Larger files are refused before reading: a single article is never this long.
MAX_FILE_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Item:
    """One input item: where it came from, and its Document or the error that stopped it."""

    origin: str
    ref: str | None
    document: Document | None
    error: InputError | None


def read_paths(paths: Iterable[str]) -> Iterator[Item]:
    """Items from files, folders (recursively, .txt and .jsonl files) and '-' (stdin, JSONL)."""
    for raw in paths:
        if raw == "-":
            yield from _read_jsonl_lines(_jsonl_lines(sys.stdin.read()), "<stdin>")
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES:
                    yield from _read_file(child)
        elif path.exists():
            yield from _read_file(path)
        else:
            yield Item(raw, None, None, InputError("no such file or folder", path=raw))


def _read_file(path: Path) -> Iterator[Item]:
    origin = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(f"the file is {size:,} bytes, over the limit of {MAX_FILE_BYTES:,}",
                             path=origin)
        data = path.read_bytes()
    except OSError as exc:
        yield Item(origin, None, None, InputError(f"cannot read: {exc.strerror}", path=origin))
        return
    except InputError as exc:
        yield Item(origin, None, None, exc)
        return
    if path.suffix.lower() in JSONL_SUFFIXES:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            yield Item(origin, None, None, _not_utf8(origin, exc))
            return
        yield from _read_jsonl_lines(_jsonl_lines(text), origin)
        return
    try:
        text = data.decode("utf-8-sig")
        document = document_from_text(text, path=origin, ref=path.stem)
    except UnicodeDecodeError as exc:
        yield Item(origin, path.stem, None, _not_utf8(origin, exc))
        return
    except InputError as exc:
        yield Item(origin, path.stem, None, exc)
        return
    yield Item(origin, path.stem, document, None)


def _not_utf8(origin: str, exc: UnicodeDecodeError) -> InputError:
    return InputError(f"not UTF-8 text (byte {exc.start}); convert it to UTF-8 first",
                      path=origin)


def _jsonl_lines(text: str) -> list[str]:
    """Lines split on newlines only: `str.splitlines` would also break inside a JSON string at
    U+0085, U+2028 and other characters that JSON allows unescaped."""
    return [line.removesuffix("\r") for line in text.split("\n")]


def _read_jsonl_lines(lines: list[str], origin: str) -> Iterator[Item]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Item(where, None, None,
                       InputError(f"not valid JSON ({exc.msg})", path=origin, line=number))
            continue
        ref = record.get("id") if isinstance(record, dict) else None
        ref = str(ref) if ref is not None else None
        try:
            document = document_from_record(record, path=origin, line=number)
        except InputError as exc:
            yield Item(where, ref, None, exc)
            continue
        yield Item(where, ref, document, None)
