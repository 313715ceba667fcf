"""JSONL and CSV: one document per line or row, the text under a configurable key or column.

A line or row that cannot be read (bad JSON, a ragged row, bytes that are not UTF-8) is an error
naming the file and line; the lines after it are still read.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator

from fogwatch.errors import InputError
from fogwatch.ingest.documents import document_from_record
from fogwatch.ingest.items import DEFAULT_COLUMNS, Columns, Item

__all__ = ["decode_lenient", "read_csv", "read_jsonl"]

# Bytes that are not UTF-8 survive decoding as lone surrogates (surrogateescape), so that only
# the lines holding them fail.
_UNDECODED = re.compile("[\udc80-\udcff]")
_NOT_UTF8 = ("not UTF-8 text; name its encoding with --encoding (e.g. --encoding latin-1) or "
             "convert the file to UTF-8 first")
# One CSV field may be a whole article.
csv.field_size_limit(2**31 - 1)


def decode_lenient(data: bytes) -> str:
    """UTF-8 text (a BOM dropped) with undecodable bytes kept as lone surrogates."""
    return data.decode("utf-8-sig", errors="surrogateescape")


def read_jsonl(text: str, origin: str, columns: Columns = DEFAULT_COLUMNS) -> Iterator[Item]:
    # Split on newlines only: `str.splitlines` would also break inside a JSON string at U+0085,
    # U+2028 and other characters that JSON allows unescaped.
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.removesuffix("\r")
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        if _UNDECODED.search(line):
            yield Item(where, None, None, InputError(_NOT_UTF8, path=origin, line=number))
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Item(where, None, None,
                       InputError(f"not valid JSON ({exc.msg})", path=origin, line=number))
            continue
        yield _record_item(record, where, origin, number, columns)


def read_csv(text: str, origin: str, columns: Columns = DEFAULT_COLUMNS) -> Iterator[Item]:
    """Rows of a CSV file with a header row; line numbers are those of the row's first line."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        yield Item(origin, None, None, InputError("the CSV file is empty", path=origin))
        return
    except csv.Error as exc:
        yield Item(origin, None, None, InputError(f"not valid CSV ({exc})", path=origin))
        return
    if columns.text not in header:
        yield Item(origin, None, None, InputError(
            f"the CSV header has no column {columns.text!r} (it has: {', '.join(header)}); "
            "name the text column with --text-column", path=origin))
        return
    end = reader.line_num
    while True:
        start = end + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield Item(f"{origin}:{start}", None, None,
                       InputError(f"not valid CSV ({exc})", path=origin, line=start))
            return
        end = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        yield _row_item(header, row, origin, start, columns)


def _row_item(header: list[str], row: list[str], origin: str, line: int,
              columns: Columns) -> Item:
    where = f"{origin}:{line}"
    if len(row) != len(header):
        return Item(where, None, None, InputError(
            f"the row has {len(row)} fields but the header has {len(header)}; quote fields "
            "that hold commas", path=origin, line=line))
    if any(_UNDECODED.search(cell) for cell in row):
        return Item(where, None, None, InputError(_NOT_UTF8, path=origin, line=line))
    return _record_item(dict(zip(header, row, strict=True)), where, origin, line, columns)


def _record_item(record: object, where: str, origin: str, line: int, columns: Columns) -> Item:
    ref = record.get(columns.id) if isinstance(record, dict) else None
    ref = str(ref) if ref is not None and ref != "" else None
    try:
        document = document_from_record(record, path=origin, line=line, columns=columns)
    except InputError as exc:
        return Item(where, ref, None, exc)
    return Item(where, ref, document, None)
