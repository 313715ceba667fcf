"""Reading files, folders, globs and stdin into Items (a Document or the error that stopped it).

Formats: plain text, JSONL, CSV, HTML, RSS/Atom, WARC; any of them gzip'ed. The format comes from
the extension (looking through .gz) unless ReadOptions.format names it; stdin is JSONL unless
named. Each reader yields, in input order, an Item per document or per item that could not be
read, so a caller can report it and go on with the rest.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from fogwatch.errors import InputError
from fogwatch.ingest import files
from fogwatch.ingest.documents import document_from_text
from fogwatch.ingest.feeds import read_feed
from fogwatch.ingest.html import document_from_html
from fogwatch.ingest.items import DEFAULT_OPTIONS, Format, Item, ReadOptions
from fogwatch.ingest.tables import decode_lenient, read_csv, read_jsonl
from fogwatch.ingest.warc import read_warc

__all__ = ["Item", "ReadOptions", "read_bytes", "read_paths"]


def read_paths(paths: Iterable[str], options: ReadOptions = DEFAULT_OPTIONS) -> Iterator[Item]:
    """Items from files, folders (recursively), glob patterns and '-' (stdin)."""
    for raw in paths:
        if raw == "-":
            yield from read_bytes(_stdin_bytes(), "<stdin>", options.format or "jsonl", options)
            continue
        for found in files.expand(raw, any_suffix=options.format is not None):
            if isinstance(found, InputError):
                yield Item(raw, None, None, found)
            else:
                yield from _read_file(found, options)


def _stdin_bytes() -> bytes:
    buffer = getattr(sys.stdin, "buffer", None)
    return buffer.read() if buffer is not None else sys.stdin.read().encode("utf-8")


def _read_file(path: Path, options: ReadOptions) -> Iterator[Item]:
    origin = str(path)
    fmt = options.format or files.detect_format(path)
    if fmt is None:
        yield Item(origin, None, None, InputError(
            "unknown format from the extension; name it with --format", path=origin))
        return
    try:
        data = files.load_bytes(path)
    except InputError as exc:
        yield Item(origin, None, None, exc)
        return
    yield from read_bytes(data, origin, fmt, options, ref=_stem(path))


def read_bytes(data: bytes, origin: str, fmt: Format, options: ReadOptions = DEFAULT_OPTIONS,
               *, ref: str | None = None) -> Iterator[Item]:
    """Items from the bytes of one file (gzip'ed or not) in format `fmt`."""
    if files.is_gzip(data) and fmt != "warc":  # warcio reads per-record gzip itself
        try:
            data = files.decompress(data, origin)
        except InputError as exc:
            yield Item(origin, ref, None, exc)
            return
    columns = options.columns
    if fmt in ("jsonl", "csv") and options.encoding is not None:
        try:
            text = _decoded(data, origin, options.encoding)
        except InputError as exc:
            yield Item(origin, ref, None, exc)
            return
        yield from (read_jsonl if fmt == "jsonl" else read_csv)(text, origin, columns)
    elif fmt == "jsonl":
        yield from read_jsonl(decode_lenient(data), origin, columns)
    elif fmt == "csv":
        yield from read_csv(decode_lenient(data), origin, columns)
    elif fmt == "feed":
        yield from read_feed(data, origin)
    elif fmt == "warc":
        yield from read_warc(data, origin)
    else:
        yield _whole_file_item(data, origin, fmt, ref, options.encoding)


def _whole_file_item(data: bytes, origin: str, fmt: Format, ref: str | None,
                     encoding: str | None) -> Item:
    try:
        if fmt == "html":
            document = document_from_html(data, path=origin, ref=ref)
        elif encoding is not None:
            document = document_from_text(_decoded(data, origin, encoding), path=origin, ref=ref)
        else:
            document = document_from_text(_utf8(data, origin), path=origin, ref=ref)
    except InputError as exc:
        return Item(origin, ref, None, exc)
    return Item(origin, ref, document, None)


def _decoded(data: bytes, origin: str, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"not {encoding} text (byte {exc.start}); check --encoding",
                         path=origin) from None


def _utf8(data: bytes, origin: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (byte {exc.start}); name its encoding with --encoding "
                         "or convert it to UTF-8 first",
                         path=origin) from None


def _stem(path: Path) -> str:
    """The file name without its extensions' format part: 'a.txt.gz' -> 'a'."""
    name = path.name
    if name.lower().endswith(".gz"):
        name = name[:-3]
    return Path(name).stem
