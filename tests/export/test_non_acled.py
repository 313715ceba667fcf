"""Events of no ACLED type (a shooting in a robbery, talks) in every export: the ACLED and UCDP
files leave them out and say why; GeoJSON, Parquet and JSON Lines keep them with an empty type
and their PLOVER event."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from fogwatch.cli.main import app
from fogwatch.export.acled import NOT_ACLED, acled_rows, is_acled
from fogwatch.export.files import ExportFormat, ExportSummary, write_export
from fogwatch.export.geojson import feature_collection
from fogwatch.export.jsonl import event_record
from fogwatch.export.parquet import events_table
from fogwatch.export.ucdp import ucdp_rows
from fogwatch.records import (
    Actor,
    Document,
    Event,
    Extraction,
    Fatalities,
    Figure,
    Place,
    Plover,
    When,
    content_hash,
)
from fogwatch.store import Store

from .conftest import strike_event

ROBBERY_TEXT = "A cashier was shot dead during a robbery at a fuel station in Toledo on Friday."
TOLEDO = Place("Toledo", "Ohio", None, "USA", 41.6639, -83.5552, 5174035, "PPL", 1)
CASHIER = Actor("Civilians (United States)", None, "USA", "civilians")


def robbery_event(doc_id: str = "2" * 40) -> Event:
    """A cashier shot dead in a robbery: violence ACLED leaves out."""
    day = dt.date(2024, 3, 1)
    return Event(
        id="robbery", doc_id=doc_id, event_type=None, sub_event_type=None,
        plover=Plover("ASSAULT", "firearms"), actors2=(CASHIER,), place=TOLEDO,
        when=When(day, day, "day"), figures=(Figure("killed", "cashier", 1, 1, 1),),
        fatalities=Fatalities(1, 1, 1))


def talks_event(doc_id: str = "3" * 40) -> Event:
    """Talks announced: a verbal event, no ACLED type, no place."""
    return Event(id="talks", doc_id=doc_id, event_type=None, sub_event_type=None,
                 plover=Plover("CONSULT"))


EVENTS = [strike_event(), robbery_event(), talks_event()]


def test_an_event_of_no_acled_type_is_not_acled() -> None:
    assert [is_acled(e) for e in EVENTS] == [True, False, False]


def test_acled_rows_leave_out_the_events_of_no_acled_type() -> None:
    rows = acled_rows(EVENTS, timestamp=1_700_000_000)
    assert [r["event_id_cnty"] for r in rows] == ["SYRstrike"]


def test_acled_csv_counts_the_events_left_out_and_says_why(tmp_path: Path) -> None:
    path = tmp_path / "acled.csv"
    summary = write_export(ExportFormat.ACLED_CSV, EVENTS, path, refs={},
                           timestamp=1_700_000_000)
    with path.open(newline="", encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    assert ([r["sub_event_type"] for r in rows], summary) == (
        ["Air/drone strike"], ExportSummary(1, 2, NOT_ACLED))


def test_acled_csv_of_only_acled_events_leaves_nothing_out(tmp_path: Path) -> None:
    summary = write_export(ExportFormat.ACLED_CSV, [strike_event()], tmp_path / "a.csv",
                           refs={}, timestamp=1_700_000_000)
    assert summary == ExportSummary(1, 0, None)


def test_ucdp_rows_leave_out_a_killing_of_no_acled_type() -> None:
    assert [r["id"] for r in ucdp_rows(EVENTS, {})] == ["strike"]


def test_geojson_keeps_the_robbery_with_an_empty_type_and_its_plover() -> None:
    collection = feature_collection(EVENTS, {})
    robbery = next(f for f in collection.geojson["features"] if f["id"] == "robbery")
    props = robbery["properties"]
    assert (props["event_type"], props["sub_event_type"], props["plover"],
            props["plover_mode"], props["fatalities_best"]) == (
        None, None, "ASSAULT", "firearms", 1)
    assert collection.unlocated == 1  # the talks have no place


def test_parquet_keeps_every_event_and_marks_the_typeless_by_a_null_type(
        tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    pq.write_table(events_table(EVENTS, {}), path)
    table = pq.read_table(path).to_pydict()
    assert list(zip(table["event_id"], table["event_type"], table["plover_event"],
                    strict=True)) == [
        ("strike", "Explosions/Remote violence", "ASSAULT"),
        ("robbery", None, "ASSAULT"), ("talks", None, "CONSULT")]


def test_jsonl_record_of_talks_has_no_type_and_its_plover() -> None:
    record = event_record(talks_event(), {})
    assert (record["event_type"], record["sub_event_type"], record["plover"]) == (
        None, None, {"event": "CONSULT", "mode": None})


@pytest.fixture
def crime_db(tmp_path: Path) -> Path:
    """A store with the Kansafra strike and the robbery."""
    path = tmp_path / "fog.db"
    strike_text = "Russian and Syrian jets struck near Kansafra, killing ten Turkish soldiers."
    strike_doc = Document(id=content_hash(strike_text), text=strike_text)
    robbery_doc = Document(id=content_hash(ROBBERY_TEXT), text=ROBBERY_TEXT)
    with Store.open(str(path)) as store:
        store.add(Extraction(strike_doc, events=(strike_event(strike_doc.id),)))
        store.add(Extraction(robbery_doc, events=(robbery_event(robbery_doc.id),)))
    return path


def test_export_command_reports_the_events_of_no_acled_type_left_out(
        crime_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "acled.csv"
    result = CliRunner(env={"COLUMNS": "200"}).invoke(
        app, ["export", "--db", str(crime_db), "--format", "acled-csv", "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert "Wrote 1 event to" in result.stderr
    assert f"Left out 1: {NOT_ACLED}." in result.stderr


def test_geojson_export_command_keeps_the_robbery(crime_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.geojson"
    result = CliRunner().invoke(
        app, ["export", "--db", str(crime_db), "--format", "geojson", "--output", str(out)])
    assert result.exit_code == 0, result.output
    features = json.loads(out.read_text(encoding="utf-8"))["features"]
    assert sorted(f["properties"]["event_type"] or "" for f in features) == [
        "", "Explosions/Remote violence"]


def test_type_none_exports_only_the_events_of_no_acled_type(crime_db: Path,
                                                            tmp_path: Path) -> None:
    out = tmp_path / "crime.jsonl"
    result = CliRunner().invoke(
        app, ["export", "--db", str(crime_db), "--format", "jsonl", "--output", str(out),
              "--type", "None"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(e["id"], e["event_type"]) for e in lines] == [("robbery", None)]


def test_a_type_filter_never_selects_an_event_of_no_acled_type(crime_db: Path,
                                                               tmp_path: Path) -> None:
    out = tmp_path / "strikes.jsonl"
    CliRunner().invoke(app, ["export", "--db", str(crime_db), "--format", "jsonl", "--output",
                             str(out), "--type", "Air/drone strike"])
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [e["id"] for e in lines] == ["strike"]


def test_the_events_table_names_the_robbery_as_not_acled(crime_db: Path) -> None:
    result = CliRunner(env={"COLUMNS": "200"}).invoke(app, ["events", "--db", str(crime_db)])
    assert result.exit_code == 0, result.output
    assert "ASSAULT (not ACLED)" in result.stdout
    assert "Explosions/Remote violence / Air/drone strike" in result.stdout
