"""`fogwatch extract`: documents in, one FORMAT.md JSON line per document out, in input order."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer
from rich.console import Console

from fogwatch.cli.ingest import (
    DateColumnOption,
    EncodingOption,
    FormatOption,
    IdColumnOption,
    PathsArgument,
    TextColumnOption,
    read_options,
)
from fogwatch.contract import error_to_format, extraction_to_format
from fogwatch.errors import FogwatchError
from fogwatch.gazetteer import use_gazetteer_files
from fogwatch.ingest.pool import ExtractionPool
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
    encoding: EncodingOption = None,
    workers: Annotated[int, typer.Option(
        "--workers", min=1, help="Extract in this many local processes (each loads the "
                                 "spaCy model once); the output keeps the input order.")] = 1,
    gazetteer: Annotated[list[Path] | None, typer.Option(
        "--gazetteer", exists=True, dir_okay=False, readable=True,
        help="Your own places, a CSV with the columns of fogwatch's gazetteer supplement "
             "(name,alternatenames,admin1,country,lat,lon,feature_code,population,geonameid,"
             "source; name, country, lat and lon required). Repeatable.")] = None,
) -> None:
    """Extract events, places, dates and figures from documents, as JSON lines (FORMAT.md)."""
    if gazetteer:
        try:
            use_gazetteer_files(gazetteer)
        except FogwatchError as exc:
            _err.print(f"error: {exc}")
            raise typer.Exit(2) from None
    failures = 0
    items = read_paths(inputs, read_options(fmt, text_column, date_column, id_column, encoding))
    with ExtractionPool(workers) as pool:
        if output is None:
            failures = _write(items, sys.stdout, pool)
        else:
            failures = _write_file(items, output, pool)
    if failures:
        _err.print(f"{failures} document(s) failed; their lines carry an \"error\" field")
        raise typer.Exit(1)


def _write_file(items: Iterable[Item], output: Path, pool: ExtractionPool) -> int:
    """Write to a temporary file beside `output`, then move it in place: no half-written file."""
    directory = output.resolve().parent
    try:
        handle, tmp_name = tempfile.mkstemp(prefix=".fogwatch-", suffix=".jsonl", dir=directory)
    except OSError as exc:
        _err.print(f"error: cannot write {output}: {exc.strerror}")
        raise typer.Exit(2) from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            failures = _write(items, out, pool)
        os.replace(tmp_name, output)
    finally:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)
    return failures


def _write(items: Iterable[Item], out: TextIO, pool: ExtractionPool) -> int:
    failures = 0
    for line in extract_items(items, pool):
        if "error" in line:
            failures += 1
            _err.print(f"error: {line['error']}")
        out.write(json.dumps(line, ensure_ascii=False) + "\n")
    return failures


def extract_items(items: Iterable[Item], pool: ExtractionPool | None = None
                  ) -> Iterator[dict[str, Any]]:
    """FORMAT.md lines for input items, in order; unreadable items get an error line."""
    pool = pool if pool is not None else ExtractionPool(1)
    iterator = iter(items)
    # One chunk is extracted (in the workers) while the next is read.
    in_flight: tuple[list[Item], Callable[[], Iterator[Extraction | str]]] | None = None
    while chunk := list(islice(iterator, CHUNK * pool.workers)):
        documents = [item.document for item in chunk if item.document is not None]
        submitted = (chunk, pool.submit(documents))
        if in_flight is not None:
            yield from _lines(*in_flight)
        in_flight = submitted
    if in_flight is not None:
        yield from _lines(*in_flight)


def _lines(chunk: list[Item], results: Callable[[], Iterator[Extraction | str]]
           ) -> Iterator[dict[str, Any]]:
    extractions = results()
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
