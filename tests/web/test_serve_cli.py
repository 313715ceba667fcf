"""`fogwatch serve`: refusing what it cannot serve, before it listens."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from fogwatch.cli.main import app

runner = CliRunner()


def test_a_missing_database_is_an_error_saying_what_to_do(tmp_path: Path) -> None:
    result = runner.invoke(app, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert "no fogwatch database here; run `fogwatch ingest` first" in result.stderr
    assert not (tmp_path / "none.db").exists()


def test_a_port_out_of_range_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["serve", "--db", str(tmp_path / "x.db"), "--port", "70000"])
    assert result.exit_code == 2
