"""End to end on the bundled examples: ingest, list, and the main event of the first story."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from fogwatch.cli.main import app

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
runner = CliRunner()


def _events(db: Path) -> list[dict[str, Any]]:
    result = runner.invoke(app, ["events", "--json", "--db", str(db)])
    assert result.exit_code == 0, result.stderr
    events: list[dict[str, Any]] = json.loads(result.stdout)
    return events


def test_examples_ingest_once_and_list_their_events(tmp_path: Path) -> None:
    db = tmp_path / "fogwatch.db"
    first = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", str(db)])
    assert first.exit_code == 0, first.stderr
    assert "8 new, 0 already stored" in first.stdout
    again = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", str(db)])
    assert "0 new, 8 already stored" in again.stdout
    events = _events(db)
    assert {e["doc_id"] for e in events} >= {"ex-01", "ex-02", "ex-04", "ex-05", "ex-07"}
    protests = [e for e in events if e["doc_id"] == "ex-05"]
    assert protests[0]["sub_event_type"] == "Peaceful protest"


def _main_events() -> dict[str, dict[str, Any]]:
    """Each example's first (most salient) event, from `fogwatch extract`."""
    result = runner.invoke(app, ["extract", str(EXAMPLES / "articles.jsonl")])
    assert result.exit_code == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    return {line["doc_id"]: line["events"][0] for line in lines if line["events"]}


def test_the_design_story_yields_a_located_dated_counted_air_strike() -> None:
    main = _main_events()["ex-01"]
    assert main["event_type"] == "Explosions/Remote violence"
    assert main["sub_event_type"] == "Air/drone strike"
    assert main["location"]["name"] == "Kansafra"
    assert main["location"]["country"] == "SYR"
    assert round(main["location"]["lat"], 2) == 35.66
    assert main["location"]["precision"] == 2
    assert main["date"] == {"start": "2020-02-10", "end": "2020-02-10", "precision": "day"}
    assert main["certainty"] == "unconfirmed"
    [toll] = main["casualties"]
    assert (toll["kind"], toll["who"], toll["low"], toll["best"], toll["high"],
            toll["cumulative"]) == ("killed_or_wounded", "Turkish soldiers", 1, 10, 10, False)
    assert main["actor2"]["id"] == "TUR-MIL"


def test_the_ministry_confirmation_carries_its_own_figures() -> None:
    main = _main_events()["ex-04"]
    assert main["certainty"] == "confirmed"
    assert main["fatalities"] == {"low": 5, "best": 5, "high": 5}
    assert main["date"]["start"] == "2020-02-10"
