"""Finding and opening inputs: gzip'ed files, glob patterns, folders, and --format."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest

from fogwatch.ingest import files
from fogwatch.ingest.items import DEFAULT_OPTIONS, ReadOptions
from fogwatch.ingest.readers import read_paths

from .samples import PAGE, RSS

STORY = "Gunmen attacked a checkpoint near Mosul on Tuesday."


def _texts(paths: list[str], options: ReadOptions = DEFAULT_OPTIONS) -> list[str | None]:
    return [i.document.text if i.document else str(i.error) for i in read_paths(paths, options)]


@pytest.mark.parametrize(("name", "content"), [
    ("a.txt.gz", STORY),
    ("a.jsonl.gz", f'{{"text": "{STORY}"}}\n'),
    ("a.csv.gz", f"text\n{STORY}\n"),
])
def test_a_gzipped_file_is_read_as_the_format_inside(tmp_path: Path, name: str,
                                                     content: str) -> None:
    path = tmp_path / name
    path.write_bytes(gzip.compress(content.encode()))
    assert _texts([str(path)]) == [STORY]


def test_a_gzipped_html_page_is_read_as_html(tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(PAGE.encode()))
    [item] = list(read_paths([str(path)]))
    assert item.document is not None and item.document.title == "Rockets hit Sirte port"
    assert item.ref == "page"


def test_a_truncated_gzip_file_is_an_error_and_the_next_file_is_read(tmp_path: Path) -> None:
    bad = tmp_path / "a.txt.gz"
    bad.write_bytes(gzip.compress((STORY * 20).encode())[:30])
    good = tmp_path / "b.txt"
    good.write_text(STORY, encoding="utf-8")
    assert _texts([str(bad), str(good)]) == [
        f"{bad}: the gzip file is truncated (it ends before its end marker); download or "
        "compress it again", STORY]


def test_a_gz_file_that_is_not_gzip_is_read_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "a.txt.gz"
    path.write_text(STORY, encoding="utf-8")
    assert _texts([str(path)]) == [STORY]


def test_corrupt_gzip_data_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "a.txt.gz"
    data = bytearray(gzip.compress((STORY * 20).encode()))
    data[12:30] = b"\xff" * 18
    path.write_bytes(bytes(data))
    [error] = _texts([str(path)])
    assert error is not None and error.startswith(f"{path}: not a valid gzip file (")


def test_gzip_contents_over_the_size_limit_are_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 100)
    path = tmp_path / "a.txt.gz"
    path.write_bytes(gzip.compress(b"a" * 500))
    assert _texts([str(path)]) == [
        f"{path}: uncompressed, the file is over the limit of 100 bytes"]


def test_a_glob_pattern_reads_the_matching_files_in_name_order(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Second.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First.", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text('{"text": "Third."}\n', encoding="utf-8")
    assert _texts([str(tmp_path / "**" / "*.txt")]) == ["First.", "Second."]


def test_a_glob_pattern_that_matches_nothing_is_an_error(tmp_path: Path) -> None:
    pattern = str(tmp_path / "*.csv")
    assert _texts([pattern]) == [f"{pattern}: no file matches this pattern"]


def test_format_overrides_the_extension(tmp_path: Path) -> None:
    path = tmp_path / "export.dat"
    path.write_text(f"text\n{STORY}\n", encoding="utf-8")
    assert _texts([str(path)], ReadOptions(format="csv")) == [STORY]


def test_a_file_of_unknown_extension_asks_for_format(tmp_path: Path) -> None:
    path = tmp_path / "export.dat"
    path.write_text(STORY, encoding="utf-8")
    assert _texts([str(path)]) == [
        f"{path}: unknown format from the extension; name it with --format"]


def test_a_folder_holds_every_known_format_and_skips_the_rest(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("First.", encoding="utf-8")
    (tmp_path / "b.rss").write_text(RSS, encoding="utf-8")
    (tmp_path / "c.md").write_text("Not read.", encoding="utf-8")
    origins = [i.origin for i in read_paths([str(tmp_path)])]
    assert origins == [str(tmp_path / "a.txt"), *(f"{tmp_path / 'b.rss'}#item{n}"
                                                 for n in (1, 2, 3))]


def test_stdin_is_read_in_the_named_format(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(f"text\n{STORY}\n".encode())))
    assert _texts(["-"], ReadOptions(format="csv")) == [STORY]


def test_gzipped_stdin_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    data = gzip.compress(f'{{"text": "{STORY}"}}\n'.encode())
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert _texts(["-"]) == [STORY]


@pytest.mark.parametrize(("name", "expected"), [
    ("a.TXT", "txt"), ("a.jsonl.gz", "jsonl"), ("a.htm", "html"), ("a.atom", "feed"),
    ("a.warc.gz", "warc"), ("a.gz", None), ("README", None),
])
def test_the_format_comes_from_the_extension_through_gz(name: str, expected: str | None) -> None:
    assert files.detect_format(Path(name)) == expected
