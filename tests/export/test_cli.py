"""`fogwatch export`: stored events to a file, with the filters of `fogwatch events`."""

from __future__ import annotations

import csv
import json
import sqlite3
import time
from contextlib import closing
from pathlib import Path

import pyarrow.parquet as pq
from typer.testing import CliRunner, Result

from fogwatch.cli.main import app
from fogwatch.export.acled import ACLED_COLUMNS

runner = CliRunner(env={"COLUMNS": "200"})


def _export(db: Path, fmt: str, output: Path, *args: str) -> Result:
    return runner.invoke(app, ["export", "--db", str(db), "--format", fmt, "--output",
                               str(output), *args])


def test_acled_csv_has_a_row_per_stored_event(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "acled.csv"
    result = _export(db, "acled-csv", out)
    assert result.exit_code == 0, result.output
    with out.open(newline="", encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    assert (tuple(rows[0]), [r["event_id_cnty"] for r in rows]) == (
        ACLED_COLUMNS, ["SYRstrike", "XXXprotest"])


def test_reports_how_many_events_were_written(db: Path, tmp_path: Path) -> None:
    result = _export(db, "jsonl", tmp_path / "events.jsonl")
    assert "Wrote 2 events to" in result.stderr


def test_jsonl_lines_carry_the_input_id(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    _export(db, "jsonl", out)
    first = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert (first["id"], first["doc_id"]) == ("strike", "strike-story")


def test_geojson_reports_events_left_out_for_lack_of_coordinates(db: Path,
                                                                 tmp_path: Path) -> None:
    out = tmp_path / "events.geojson"
    result = _export(db, "geojson", out)
    assert result.exit_code == 0, result.output
    assert "Left out 1: no coordinates." in result.stderr
    assert len(json.loads(out.read_text(encoding="utf-8"))["features"]) == 1


def test_country_filter_keeps_only_that_country(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.parquet"
    result = _export(db, "parquet", out, "--country", "syr")
    assert result.exit_code == 0, result.output
    assert pq.read_table(out).column("event_id").to_pylist() == ["strike"]


def test_since_and_type_filters_apply(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    result = _export(db, "jsonl", out, "--since", "2021-01-01", "--type", "protests")
    assert result.exit_code == 0, result.output
    assert [json.loads(x)["id"] for x in out.read_text(encoding="utf-8").splitlines()] == [
        "protest"]


def test_unwritable_output_exits_1_with_a_clear_error_and_no_file(db: Path,
                                                                  tmp_path: Path) -> None:
    out = tmp_path / "missing" / "acled.csv"
    result = _export(db, "acled-csv", out)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {out}: cannot write here")
    assert not out.parent.exists()


def test_folder_as_output_exits_1_and_leaves_the_folder_as_it_was(db: Path,
                                                                  tmp_path: Path) -> None:
    before = sorted(p.name for p in tmp_path.iterdir())
    result = _export(db, "acled-csv", tmp_path)
    assert result.exit_code == 1 and "is a folder" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_unknown_format_is_a_usage_error(db: Path, tmp_path: Path) -> None:
    result = _export(db, "xlsx", tmp_path / "x.xlsx")
    assert result.exit_code == 2 and "xlsx" in result.stderr


def test_missing_database_exits_1_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    result = _export(tmp_path / "none.db", "jsonl", out)
    assert result.exit_code == 1 and "no fogwatch database here" in result.stderr
    assert not out.exists()


def test_bad_country_code_is_a_usage_error(db: Path, tmp_path: Path) -> None:
    result = _export(db, "jsonl", tmp_path / "x.jsonl", "--country", "Syria")
    assert result.exit_code == 2 and "alpha-3" in result.stderr


def test_acled_timestamps_are_when_each_document_was_stored(db: Path, tmp_path: Path) -> None:
    with closing(sqlite3.connect(db)) as conn, conn:
        conn.execute("UPDATE documents SET ingested_at = '2024-01-02 03:04:05.000000' "
                     "WHERE ref = 'strike-story'")
    out = tmp_path / "acled.csv"
    before = int(time.time())
    _export(db, "acled-csv", out)
    with out.open(newline="", encoding="utf-8") as stream:
        stamps = {row["event_id_cnty"]: int(row["timestamp"]) for row in csv.DictReader(stream)}
    assert stamps["SYRstrike"] == 1704164645  # 2024-01-02T03:04:05Z
    assert before - 60 <= stamps["XXXprotest"] <= int(time.time())
