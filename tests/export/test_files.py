"""`export/files.py`: each format written atomically and read back by its consumer."""

from __future__ import annotations

import csv
import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from fogwatch.errors import FogwatchError
from fogwatch.export import files
from fogwatch.export.acled import ACLED_COLUMNS
from fogwatch.export.files import ExportFormat, ExportSummary, write_export
from fogwatch.export.ucdp import UCDP_COLUMNS

from .conftest import protest_event, strike_event

EVENTS = [strike_event(), protest_event()]
REFS = {"0" * 40: "strike-story"}


def _write(fmt: ExportFormat, path: Path) -> ExportSummary:
    return write_export(fmt, EVENTS, path, refs=REFS, timestamp=1_700_000_000)


def test_acled_csv_header_is_acleds_columns_in_order(tmp_path: Path) -> None:
    path = tmp_path / "acled.csv"
    _write(ExportFormat.ACLED_CSV, path)
    with path.open(newline="", encoding="utf-8") as stream:
        assert tuple(next(csv.reader(stream))) == ACLED_COLUMNS


def test_acled_csv_reads_back_in_pandas_with_numeric_columns(tmp_path: Path) -> None:
    path = tmp_path / "acled.csv"
    _write(ExportFormat.ACLED_CSV, path)
    frame = pd.read_csv(path)
    assert tuple(frame.columns) == ACLED_COLUMNS
    assert frame["fatalities"].tolist() == [10, 0]
    assert frame["year"].tolist() == [2020, 2021]
    assert frame["latitude"].tolist()[0] == 35.6599


def test_ucdp_csv_leaves_out_the_protest_and_says_why(tmp_path: Path) -> None:
    path = tmp_path / "ged.csv"
    summary = _write(ExportFormat.UCDP_CSV, path)
    frame = pd.read_csv(path)
    assert tuple(frame.columns) == UCDP_COLUMNS
    assert (frame["id"].tolist(), summary.written, summary.left_out) == (["strike"], 1, 1)
    assert summary.reason is not None and "organised violence" in summary.reason


def test_geojson_file_counts_the_unlocated_event(tmp_path: Path) -> None:
    path = tmp_path / "events.geojson"
    summary = _write(ExportFormat.GEOJSON, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert (len(data["features"]), summary) == (1, ExportSummary(1, 1, "no coordinates"))


def test_parquet_file_reads_back_in_pandas(tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    _write(ExportFormat.PARQUET, path)
    assert pd.read_parquet(path)["event_id"].tolist() == ["strike", "protest"]


def test_jsonl_file_has_one_event_per_line(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    _write(ExportFormat.JSONL, path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["strike", "protest"]


def test_missing_folder_is_a_fogwatch_error(tmp_path: Path) -> None:
    with pytest.raises(FogwatchError, match="cannot write here"):
        _write(ExportFormat.JSONL, tmp_path / "missing" / "events.jsonl")


def test_folder_as_output_is_a_fogwatch_error(tmp_path: Path) -> None:
    with pytest.raises(FogwatchError, match="is a folder"):
        _write(ExportFormat.JSONL, tmp_path)


def test_failure_mid_write_keeps_the_old_file_and_leaves_no_partial_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "events.jsonl"
    path.write_text("old\n", encoding="utf-8")

    def failing(*_: object) -> Iterator[str]:
        yield "{}"
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files, "jsonl_lines", failing)
    with pytest.raises(FogwatchError, match="No space left on device"):
        _write(ExportFormat.JSONL, path)
    assert (path.read_text(encoding="utf-8"), sorted(p.name for p in tmp_path.iterdir())) == (
        "old\n", ["events.jsonl"])


@pytest.mark.parametrize("fmt", [ExportFormat.ACLED_CSV, ExportFormat.UCDP_CSV])
def test_a_text_cell_that_looks_like_a_formula_is_defused(tmp_path: Path,
                                                          fmt: ExportFormat) -> None:
    strike = strike_event()
    hostile = dataclasses.replace(strike.actors1[0], name='=HYPERLINK("http://evil.example")')
    event = dataclasses.replace(strike, actors1=(hostile,))
    path = tmp_path / "out.csv"
    write_export(fmt, [event], path, refs=REFS, timestamp=1_700_000_000)
    with path.open(newline="", encoding="utf-8") as stream:
        cells = [cell for row in csv.reader(stream) for cell in row]
    assert any(cell.startswith("'" + hostile.name) for cell in cells)
    assert not any(cell.startswith("=") for cell in cells)
    assert "36.4849" in cells or fmt is ExportFormat.UCDP_CSV  # numbers are left as they are


def test_only_text_that_starts_like_a_formula_changes() -> None:
    assert [files.spreadsheet_safe(v) for v in ["=1+1", "+7", "-x", "@SUM(A1)", "\tx", "Idlib",
                                                 -3, 2.5, None]] == [
        "'=1+1", "'+7", "'-x", "'@SUM(A1)", "'\tx", "Idlib", -3, 2.5, None]
