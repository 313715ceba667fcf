"""`fogwatch events`: stored events as a table or as JSON in FORMAT.md's shape, filtered."""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from fogwatch.cli.main import app
from fogwatch.records import (
    Document,
    Event,
    Extraction,
    Fatalities,
    Place,
    Plover,
    When,
    content_hash,
)
from fogwatch.store import Store, database

runner = CliRunner(env={"COLUMNS": "200"})
STRIKE_TEXT = "Jets struck a market in Kansafra on Monday."
CLASH_TEXT = "Rebels and soldiers clashed near Mosul."


def _event(doc: Document, event_id: str, event_type: str, sub_event_type: str,
           place: Place | None, day: dt.date | None) -> Event:
    return Event(id=event_id, doc_id=doc.id, event_type=event_type,
                 sub_event_type=sub_event_type, plover=Plover("ASSAULT"), place=place,
                 when=When(day, day, "day") if day else None,
                 fatalities=Fatalities(1, 2, 3), certainty="unconfirmed")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A store with an air strike in Syria (2024-03-04, from input "strike-story") and a clash
    in Iraq (2024-05-01, from an input without an id)."""
    path = tmp_path / "fog.db"
    strike = Document(id=content_hash(STRIKE_TEXT), text=STRIKE_TEXT, ref="strike-story")
    clash = Document(id=content_hash(CLASH_TEXT), text=CLASH_TEXT)
    kansafra = Place("Kansafra", "Idlib", None, "SYR", 35.66, 36.48, None, "PPL", 1)
    mosul = Place("Mosul", "Nineveh", None, "IRQ", 36.34, 43.13, 99072, "PPLA", 2)
    with Store.open(str(path)) as store:
        store.add(Extraction(strike, events=(_event(
            strike, "strike", "Explosions/Remote violence", "Air/drone strike", kansafra,
            dt.date(2024, 3, 4)),)))
        store.add(Extraction(clash, events=(_event(
            clash, "clash", "Battles", "Armed clash", mosul, dt.date(2024, 5, 1)),)))
    return path


def _events(db: Path, *args: str) -> Result:
    return runner.invoke(app, ["events", "--db", str(db), *args])


def _json(db: Path, *args: str) -> list[dict[str, Any]]:
    result = _events(db, "--json", *args)
    assert result.exit_code == 0, result.output
    data: list[dict[str, Any]] = json.loads(result.stdout)
    return data


def test_json_lists_every_stored_event_oldest_first(db: Path) -> None:
    assert [e["id"] for e in _json(db)] == ["strike", "clash"]


def test_json_events_carry_the_input_id_of_their_document(db: Path) -> None:
    assert [e["doc_id"] for e in _json(db)] == ["strike-story", content_hash(CLASH_TEXT)]


def test_json_events_carry_the_content_hash_of_their_document(db: Path) -> None:
    assert [e["content_hash"] for e in _json(db)] == [content_hash(STRIKE_TEXT),
                                                      content_hash(CLASH_TEXT)]


def test_json_events_have_the_format_shape(db: Path) -> None:
    strike = _json(db)[0]
    assert (strike["event_type"], strike["sub_event_type"], strike["certainty"]) == (
        "Explosions/Remote violence", "Air/drone strike", "unconfirmed")
    assert strike["date"] == {"start": "2024-03-04", "end": "2024-03-04", "precision": "day"}
    assert strike["fatalities"] == {"low": 1, "best": 2, "high": 3}
    assert (strike["location"]["name"], strike["location"]["country"],
            strike["location"]["lat"], strike["location"]["precision"]) == (
        "Kansafra", "SYR", 35.66, 1)


def test_type_matches_a_sub_event_type_in_any_case(db: Path) -> None:
    assert [e["id"] for e in _json(db, "--type", "air/drone STRIKE")] == ["strike"]


def test_type_matches_an_event_type_in_any_case(db: Path) -> None:
    assert [e["id"] for e in _json(db, "--type", "battles")] == ["clash"]


def test_country_keeps_events_in_that_country(db: Path) -> None:
    assert [e["id"] for e in _json(db, "--country", "irq")] == ["clash"]


def test_since_keeps_events_on_or_after_the_date(db: Path) -> None:
    assert [e["id"] for e in _json(db, "--since", "2024-05-01")] == ["clash"]


def test_no_match_is_an_empty_json_list(db: Path) -> None:
    assert _json(db, "--country", "UKR") == []


def test_the_table_shows_one_row_per_event(db: Path) -> None:
    result = _events(db)
    assert result.exit_code == 0
    cells = [re.split(r"\s{2,}", line.strip()) for line in result.stdout.splitlines()]
    assert [row for row in cells if row[0].startswith("2024")] == [
        ["2024-03-04", "Explosions/Remote violence / Air/drone strike", "Kansafra, Idlib", "SYR",
         "2 (1–3)", "unconfirmed", "strike-story"],
        ["2024-05-01", "Battles / Armed clash", "Mosul, Nineveh", "IRQ", "2 (1–3)",
         "unconfirmed", content_hash(CLASH_TEXT)[:10]],
    ]


def test_the_table_says_so_when_nothing_matches(db: Path) -> None:
    result = _events(db, "--country", "UKR")
    assert (result.exit_code, result.stdout) == (0, "No stored events match.\n")


def test_a_since_that_is_not_a_date_is_a_usage_error(db: Path) -> None:
    result = _events(db, "--since", "2024-13-01")
    assert result.exit_code == 2
    assert "'2024-13-01' is not a date; use YYYY-MM-DD" in " ".join(
        result.stderr.replace("│", " ").split())


def test_a_country_that_is_not_iso3_is_a_usage_error(db: Path) -> None:
    result = _events(db, "--country", "Syria")
    assert result.exit_code == 2
    assert "'Syria' is not an ISO 3166 alpha-3 code such as SYR" in " ".join(
        result.stderr.replace("│", " ").split())


def test_a_database_in_the_middle_of_a_write_can_still_be_read(
        db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(database, "LOCK_TIMEOUT_SECONDS", 0.1)
    before = _events(db, "--json")
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # a writer holds the database (WAL: readers go on)
    other.execute("DELETE FROM events")
    try:
        during = _events(db, "--json")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert (during.exit_code, during.stdout) == (0, before.stdout)


def test_a_missing_database_is_an_error_and_is_not_created(tmp_path: Path) -> None:
    db = tmp_path / "none.db"
    result = _events(db)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"error: {db}: no fogwatch database here; run `fogwatch ingest` first, or pass --db "
        "with the database to read"]
    assert not db.exists()
