"""`fogwatch extract`: documents in, one FORMAT.md JSON line per document out, in input order."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer
from rich.console import Console

from fogwatch.cli.ingest import (
    DateColumnOption,
    FormatOption,
    IdColumnOption,
    PathsArgument,
    TextColumnOption,
    read_options,
)
from fogwatch.contract import error_to_format, extraction_to_format
from fogwatch.ingest.pool import extract_batch
from fogwatch.ingest.readers import Item, read_paths
from fogwatch.records import Extraction

__all__ = ["extract", "extract_items"]

CHUNK = 128
_err = Console(stderr=True, highlight=False)


def extract(
    inputs: PathsArgument,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write JSON lines here (default: stdout).")] = None,
    fmt: FormatOption = None,
    text_column: TextColumnOption = "text",
    date_column: DateColumnOption = "published",
    id_column: IdColumnOption = "id",
) -> None:
    """Extract events, places, dates and figures from documents, as JSON lines (FORMAT.md)."""
    failures = 0
    items = read_paths(inputs, read_options(fmt, text_column, date_column, id_column))
    if output is None:
        failures = _write(items, sys.stdout)
    else:
        failures = _write_file(items, output)
    if failures:
        _err.print(f"{failures} document(s) failed; their lines carry an \"error\" field")
        raise typer.Exit(1)


def _write_file(items: Iterable[Item], output: Path) -> int:
    """Write to a temporary file beside `output`, then move it in place: no half-written file."""
    directory = output.resolve().parent
    try:
        handle, tmp_name = tempfile.mkstemp(prefix=".fogwatch-", suffix=".jsonl", dir=directory)
    except OSError as exc:
        _err.print(f"error: cannot write {output}: {exc.strerror}")
        raise typer.Exit(2) from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            failures = _write(items, out)
        os.replace(tmp_name, output)
    finally:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)
    return failures


def _write(items: Iterable[Item], out: TextIO) -> int:
    failures = 0
    for line in extract_items(items):
        if "error" in line:
            failures += 1
            _err.print(f"error: {line['error']}")
        out.write(json.dumps(line, ensure_ascii=False) + "\n")
    return failures


def extract_items(items: Iterable[Item]) -> Iterator[dict[str, Any]]:
    """FORMAT.md lines for input items, in order; unreadable items get an error line."""
    iterator = iter(items)
    while chunk := list(islice(iterator, CHUNK)):
        documents = [item.document for item in chunk if item.document is not None]
        extractions = iter(extract_batch(documents))
        for item in chunk:
            if item.document is None:
                message = str(item.error) if item.error else "unreadable"
                yield error_to_format(item.ref, message)
                continue
            result = next(extractions)
            if isinstance(result, Extraction):
                yield extraction_to_format(result)
            else:
                yield error_to_format(item.ref if item.ref is not None else item.document.id,
                                      f"{item.origin}: extraction failed: {result}")
