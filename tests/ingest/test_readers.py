"""Readers turn files, folders and stdin into Documents or clear errors, in input order."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

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
