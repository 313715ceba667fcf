"""WARC files (warcio): every HTML response record (and every HTML `resource` record, a page
saved without its HTTP headers) becomes a Document via the HTML reader.

Other records (requests, metadata, images, ...) are skipped. A broken record is an error naming
its number; reading goes on at the next record found after it (the next "WARC/1." line, or the
next gzip member in a .warc.gz).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

from warcio.archiveiterator import ArchiveIterator  # type: ignore[import-untyped]

from fogwatch.errors import InputError
from fogwatch.ingest.html import document_from_html
from fogwatch.ingest.items import Item

__all__ = ["read_warc"]

_RECORD_START = re.compile(rb"(?:^|\n)(WARC/1\.[01]\r?\n)")
_GZIP_MEMBER = b"\x1f\x8b\x08"


def read_warc(data: bytes, origin: str) -> Iterator[Item]:
    """Items for the HTML responses (and HTML resource records) of a WARC (plain or gzip'ed
    per record)."""
    gzipped = data[:2] == _GZIP_MEMBER[:2]
    start, number, reported = 0, 0, False
    while start < len(data):
        records = ArchiveIterator(io.BytesIO(data[start:]))
        try:
            for record in records:
                number += 1
                reported = False
                yield from _record_items(record, origin, number)
            return
        except Exception as exc:  # warcio raises many kinds on a broken record
            failed_at = start + records.offset
            if not reported:  # a restart that fails at once is the same broken stretch
                number += 1
                where = f"{origin}#record{number}"
                yield Item(where, None, None, InputError(
                    f"broken WARC record at byte {failed_at:,} ({_describe(exc)}); skipped to "
                    "the next record", path=where))
                reported = True
            start = _next_record(data, failed_at + 1, gzipped=gzipped)


def _next_record(data: bytes, after: int, *, gzipped: bool) -> int:
    if gzipped:
        found = data.find(_GZIP_MEMBER, after)
        return found if found >= 0 else len(data)
    match = _RECORD_START.search(data, after)
    return match.start(1) if match else len(data)


def _content_type(record: Any) -> str | None:
    """The HTML-or-not type of a record we read: an HTTP response's Content-Type, or for a
    `resource` record (a page saved without HTTP headers, as wget and browsers' archivers
    write them) the WARC Content-Type; None for every other kind of record."""
    if record.rec_type == "response" and record.http_headers is not None:
        return str(record.http_headers.get_header("Content-Type") or "")
    if record.rec_type == "resource":
        return str(record.rec_headers.get_header("Content-Type") or "")
    return None


def _record_items(record: Any, origin: str, number: int) -> Iterator[Item]:
    content_type = _content_type(record)
    if content_type is None or "html" not in content_type.lower():
        return
    url = record.rec_headers.get_header("WARC-Target-URI")
    where = f"{origin}#record{number}"
    try:
        html = _body(record, where)
        document = document_from_html(html, path=where, ref=url, url=url)
    except InputError as exc:
        yield Item(where, url, None, exc)
        return
    yield Item(where, url, document, None)


def _body(record: Any, where: str) -> bytes:
    try:
        body: bytes = record.content_stream().read()
    except Exception as exc:  # bad chunked encoding, bad Content-Encoding, cut-off body
        raise InputError(f"cannot read the record's body ({_describe(exc)})", path=where) from None
    return body


def _describe(exc: Exception) -> str:
    # The message may quote the broken bytes: keep it short and printable.
    text = " ".join(str(exc).split()).encode("ascii", "replace").decode("ascii")[:100]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
