"""Where the store lives: URLs, plain paths, $FOGWATCH_DB and the default."""

from __future__ import annotations

from pathlib import Path

import pytest

from fogwatch.store.url import describe, resolve_url


def test_a_plain_path_becomes_an_sqlite_url() -> None:
    assert resolve_url("data/fog.db").render_as_string() == "sqlite:///data/fog.db"


def test_a_url_is_kept_as_given() -> None:
    url = "postgresql+psycopg://analyst@db.example:5432/fog"
    assert resolve_url(url).render_as_string() == url


def test_the_environment_variable_is_used_without_db(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FOGWATCH_DB", "/srv/fog.db")
    assert resolve_url(None).render_as_string() == "sqlite:////srv/fog.db"


def test_db_wins_over_the_environment_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FOGWATCH_DB", "/srv/fog.db")
    assert resolve_url("mine.db").render_as_string() == "sqlite:///mine.db"


def test_the_default_is_fogwatch_db_in_the_working_folder(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FOGWATCH_DB", raising=False)
    assert resolve_url(None).render_as_string() == "sqlite:///fogwatch.db"


def test_messages_name_an_sqlite_store_by_its_path(tmp_path: Path) -> None:
    assert describe(resolve_url(str(tmp_path / "fog.db"))) == str(tmp_path / "fog.db")


def test_messages_never_show_a_password() -> None:
    url = resolve_url("postgresql+psycopg://analyst:s3cret@db.example/fog")
    assert describe(url) == "postgresql+psycopg://analyst:***@db.example/fog"
