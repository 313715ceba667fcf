"""Readers turn files, folders and stdin into Documents or clear errors, in input order."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest

from fogwatch.ingest import files
from fogwatch.ingest.readers import read_paths


def test_jsonl_lines_become_documents_with_their_fields(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    path.write_text('{"id": "a1", "text": "Shelling hit the market.", "published": "2021-03-04",'
                    ' "source": "Daily Post"}\n', encoding="utf-8")
    [item] = list(read_paths([str(path)]))
    assert item.error is None and item.document is not None
    assert item.document.ref == "a1"
    assert item.document.published == dt.date(2021, 3, 4)
    assert item.document.source == "Daily Post"


def test_a_bad_json_line_is_reported_with_file_and_line_and_the_rest_still_read(
        tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    path.write_text('{"id": "a", "text": "One."}\n{oops\n{"id": "c", "text": "Three."}\n',
                    encoding="utf-8")
    items = list(read_paths([str(path)]))
    assert [i.document is not None for i in items] == [True, False, True]
    assert str(items[1].error).startswith(f"{path}:2: not valid JSON")


def test_a_line_without_text_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    path.write_text('{"id": "a", "body": "One."}\n', encoding="utf-8")
    [item] = list(read_paths([str(path)]))
    assert str(item.error) == f"{path}:1: the object has no 'text' string"


def test_a_published_that_is_not_a_date_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    path.write_text('{"id": "a", "text": "One.", "published": "last Tuesday"}\n', encoding="utf-8")
    [item] = list(read_paths([str(path)]))
    assert str(item.error) == f"{path}:1: 'published' is not an ISO 8601 date: 'last Tuesday'"


def test_a_text_file_that_is_not_utf8_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Prot\xe9sters marched.".encode("latin-1"))
    [item] = list(read_paths([str(path)]))
    assert str(item.error).startswith(f"{path}: not UTF-8 text")


def test_binary_and_empty_files_are_errors(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "b.txt").write_text("  \n", encoding="utf-8")
    items = list(read_paths([str(tmp_path)]))
    assert [str(i.error).split(": ", 1)[1] for i in items] == [
        "looks binary (contains NUL bytes); expected UTF-8 text", "the text is empty"]


def test_a_folder_is_read_recursively_in_name_order(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Second story.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First story.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    items = list(read_paths([str(tmp_path)]))
    assert [i.ref for i in items] == ["a", "b"]


def test_a_missing_path_is_an_error() -> None:
    [item] = list(read_paths(["/nonexistent/story.txt"]))
    assert str(item.error) == "/nonexistent/story.txt: no such file or folder"


def test_a_file_over_the_size_limit_is_refused_before_reading(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 10)
    path = tmp_path / "long.txt"
    path.write_text("Shelling resumed at dawn.", encoding="utf-8")
    [item] = list(read_paths([str(path)]))
    assert str(item.error) == f"{path}: the file is 25 bytes, over the limit of 10"


def test_stdin_is_read_as_jsonl_with_line_numbers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO('{"id": "a", "text": "One."}\n[1, 2]\n'))
    items = list(read_paths(["-"]))
    assert [i.origin for i in items] == ["<stdin>:1", "<stdin>:2"]
    assert str(items[1].error) == "<stdin>:2: expected a JSON object with a 'text' field"


def test_a_published_date_time_keeps_its_date(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    path.write_text('{"text": "One.", "published": "2022-01-05T23:10:00Z"}\n', encoding="utf-8")
    [item] = list(read_paths([str(path)]))
    assert item.document is not None and item.document.published == dt.date(2022, 1, 5)


def test_the_same_text_with_other_whitespace_has_the_same_id(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Shelling  hit\nthe market.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Shelling hit the market.\n", encoding="utf-8")
    first, second = list(read_paths([str(tmp_path)]))
    assert first.document is not None and second.document is not None
    assert first.document.id == second.document.id


def test_a_jsonl_string_holding_a_next_line_character_stays_one_document(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    path.write_text('{"id": "a", "text": "Shelling\\u0085 hit the market."}\n'.replace(
        "\\u0085", "\u0085"), encoding="utf-8")
    [item] = list(read_paths([str(path)]))
    assert item.error is None and item.document is not None
    assert item.document.text == "Shelling\u0085 hit the market."
