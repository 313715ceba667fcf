"""Finding input files (folders, globs) and loading their bytes (size limit, gzip).

The format comes from the extension (a trailing .gz is looked through) unless the user names it.
"""

from __future__ import annotations

import glob
import gzip
import io
import zlib
from collections.abc import Iterator
from pathlib import Path

from fogwatch.errors import InputError
from fogwatch.ingest.items import Format

__all__ = ["MAX_FILE_BYTES", "SUFFIX_FORMATS", "decompress", "detect_format", "expand",
           "load_bytes"]

SUFFIX_FORMATS: dict[str, Format] = {
    ".txt": "txt", ".text": "txt",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".csv": "csv",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
    ".warc": "warc", ".arc": "warc",
}
GZIP_MAGIC = b"\x1f\x8b"
GLOB_CHARS = frozenset("*?[")
# Larger files (and larger gzip contents) are refused: a single article is never this long.
MAX_FILE_BYTES = 200 * 1024 * 1024


def detect_format(path: Path) -> Format | None:
    """The format named by the extension, looking through a trailing .gz; None if unknown."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    return SUFFIX_FORMATS.get(suffixes[-1]) if suffixes else None


def expand(raw: str, *, any_suffix: bool) -> Iterator[Path | InputError]:
    """The files named by a path, a folder (recursively) or a glob pattern, in name order.

    Folders hold only files of a known format unless `any_suffix` (the user named the format).
    """
    path = Path(raw)
    if path.is_dir():
        yield from _folder(path, any_suffix=any_suffix)
    elif path.exists():
        yield path
    elif GLOB_CHARS & set(raw):
        matches = sorted(glob.glob(raw, recursive=True))
        if not matches:
            yield InputError("no file matches this pattern", path=raw)
        for match in matches:
            found = Path(match)
            if found.is_dir():
                yield from _folder(found, any_suffix=any_suffix)
            else:
                yield found
    else:
        yield InputError("no such file or folder", path=raw)


def _folder(folder: Path, *, any_suffix: bool) -> Iterator[Path]:
    for child in sorted(folder.rglob("*")):
        if child.is_file() and (any_suffix or detect_format(child) is not None):
            yield child


def load_bytes(path: Path) -> bytes:
    """A file's bytes, refusing files over MAX_FILE_BYTES before reading them."""
    origin = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(f"the file is {size:,} bytes, over the limit of {MAX_FILE_BYTES:,}",
                             path=origin)
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path=origin) from None


def decompress(data: bytes, origin: str) -> bytes:
    """The contents of gzip'ed bytes (several members allowed), with the size limit."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            content = stream.read(MAX_FILE_BYTES + 1)
    except EOFError:
        raise InputError("the gzip file is truncated (it ends before its end marker); "
                         "download or compress it again", path=origin) from None
    except (gzip.BadGzipFile, zlib.error) as exc:
        raise InputError(f"not a valid gzip file ({exc}); download or compress it again",
                         path=origin) from None
    if len(content) > MAX_FILE_BYTES:
        raise InputError(f"uncompressed, the file is over the limit of {MAX_FILE_BYTES:,} bytes",
                         path=origin)
    return content


def is_gzip(data: bytes) -> bool:
    return data[:2] == GZIP_MAGIC
