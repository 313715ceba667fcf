"""Writing an export file: the one place in `export/` that touches the file system.

Each file is written to a temporary file in the target's folder and renamed over the target
only when complete, so a failure leaves no partial file and an existing file untouched.

CSV cells are guarded against formula injection: a text cell that a spreadsheet would run as a
formula (starting with =, +, -, @, a tab or a carriage return; actor names and sources come
from the articles) gets a leading apostrophe. Numbers are written as they are.
"""

from __future__ import annotations

import csv
import enum
import json
import os
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fogwatch.errors import FogwatchError
from fogwatch.export.acled import ACLED_COLUMNS, NOT_ACLED, acled_rows
from fogwatch.export.geojson import feature_collection
from fogwatch.export.jsonl import jsonl_lines
from fogwatch.export.parquet import events_table
from fogwatch.export.ucdp import UCDP_COLUMNS, ucdp_rows
from fogwatch.records import Event

__all__ = ["ExportFormat", "ExportSummary", "atomic_output", "spreadsheet_safe", "write_export"]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class ExportFormat(enum.StrEnum):
    """The file formats `fogwatch export` writes."""

    ACLED_CSV = "acled-csv"
    UCDP_CSV = "ucdp-csv"
    GEOJSON = "geojson"
    PARQUET = "parquet"
    JSONL = "jsonl"


@dataclass(frozen=True, slots=True)
class ExportSummary:
    """How many events went into the file, and how many were left out and why."""

    written: int
    left_out: int = 0
    reason: str | None = None


def write_export(fmt: ExportFormat, events: Sequence[Event], output: Path, *,
                 refs: Mapping[str, str | None], timestamp: int,
                 stamps: Mapping[str, int] | None = None) -> ExportSummary:
    """Write `events` to `output` in `fmt`; `refs` maps content hashes to the inputs' ids.
    ACLED rows are stamped with `stamps[doc_id]` (when the document was stored, Unix seconds),
    else `timestamp`. Raises FogwatchError if it cannot write."""
    with atomic_output(output) as temporary:
        if fmt is ExportFormat.ACLED_CSV:
            rows = acled_rows(events, timestamp=timestamp, stamps=stamps)
            return _csv(temporary, ACLED_COLUMNS, rows, len(events), NOT_ACLED)
        if fmt is ExportFormat.UCDP_CSV:
            return _csv(temporary, UCDP_COLUMNS, ucdp_rows(events, refs), len(events),
                        "not organised violence (UCDP GED holds only battles, remote "
                        "violence and violence against civilians)")
        if fmt is ExportFormat.GEOJSON:
            collection = feature_collection(events, refs)
            temporary.write_text(json.dumps(collection.geojson, ensure_ascii=False),
                                 encoding="utf-8")
            return ExportSummary(len(events) - collection.unlocated, collection.unlocated,
                                 "no coordinates" if collection.unlocated else None)
        if fmt is ExportFormat.PARQUET:
            import pyarrow.parquet as pq  # only for Parquet: pyarrow takes a while to load

            pq.write_table(events_table(events, refs), temporary)
            return ExportSummary(len(events))
        with temporary.open("w", encoding="utf-8", newline="\n") as stream:
            for line in jsonl_lines(events, refs):
                stream.write(line + "\n")
        return ExportSummary(len(events))


def _csv(path: Path, columns: Sequence[str], rows: list[dict[str, Any]], total: int,
         reason: str) -> ExportSummary:
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(columns), extrasaction="raise")
        writer.writeheader()
        writer.writerows({key: spreadsheet_safe(value) for key, value in row.items()}
                         for row in rows)
    left_out = total - len(rows)
    return ExportSummary(len(rows), left_out, reason if left_out else None)


def spreadsheet_safe(value: Any) -> Any:
    """A text cell a spreadsheet would evaluate as a formula, defused with a leading
    apostrophe; any other value unchanged."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


@contextmanager
def atomic_output(target: Path) -> Iterator[Path]:
    """A temporary path beside `target` that becomes `target` when the block succeeds."""
    if target.is_dir():
        raise FogwatchError(f"{target}: is a folder; give --output a file name such as "
                            f"{target / 'events.csv'}")
    try:
        handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.",
                                        suffix=".part")
    except OSError as exc:
        raise FogwatchError(f"{target}: cannot write here ({exc.strerror}); choose an "
                            "--output in a folder that exists and that you can write to") from exc
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        temporary.chmod(0o644)
        os.replace(temporary, target)
    except OSError as exc:
        raise FogwatchError(f"{target}: could not write the export ({exc.strerror or exc}); "
                            "nothing was written") from exc
    finally:
        temporary.unlink(missing_ok=True)
