"""A run killed after storing its documents but before linking them (the kill test found this):
the rerun, which finds every document already stored, still links the events left unlinked."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from typer.testing import CliRunner

from fogwatch.cli.main import app

runner = CliRunner()
STORY = "Gunmen attacked a checkpoint near Mosul on Tuesday, killing two police officers."


def _count(db: Path, table: str) -> int:
    with closing(sqlite3.connect(db)) as conn:
        count: int = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        return count


def test_a_rerun_links_the_events_a_killed_run_left_unlinked(tmp_path: Path) -> None:
    story, db = tmp_path / "story.txt", tmp_path / "fog.db"
    story.write_text(STORY, encoding="utf-8")
    assert runner.invoke(app, ["ingest", str(story), "--db", str(db)]).exit_code == 0
    linked = _count(db, "incident_events")
    assert linked >= 1
    # The store as a SIGKILL between the document's commit and the linking leaves it.
    with closing(sqlite3.connect(db)) as conn, conn:
        conn.execute("DELETE FROM incident_events")
        conn.execute("DELETE FROM incidents")
    result = runner.invoke(app, ["ingest", str(story), "--db", str(db)])
    assert result.exit_code == 0
    assert result.stdout.startswith("0 new, 1 already stored\n")
    assert _count(db, "incident_events") == linked
