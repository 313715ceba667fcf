"""JSONL and CSV: the text, date and id under the columns the user names; a bad line or row is
an error naming file and line, and the lines after it are still read."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from fogwatch.ingest.items import Columns, ReadOptions
from fogwatch.ingest.readers import read_paths

COLUMNS = ReadOptions(columns=Columns(text="body", date="date", id="story_id"))


def _csv(tmp_path: Path, content: bytes, name: str = "news.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


def test_csv_rows_become_documents_from_the_named_columns(tmp_path: Path) -> None:
    path = _csv(tmp_path, b"story_id,body,date,source\n"
                          b"r1,\"Shelling hit the market, residents said.\",2021-03-04,Daily Post\n")
    [item] = list(read_paths([str(path)], COLUMNS))
    assert item.error is None and item.document is not None
    assert (item.origin, item.document.ref, item.document.text, item.document.published,
            item.document.source) == (f"{path}:2", "r1", "Shelling hit the market, residents said.",
                                      dt.date(2021, 3, 4), "Daily Post")


def test_csv_uses_text_published_and_id_columns_by_default(tmp_path: Path) -> None:
    path = _csv(tmp_path, b"id,published,text\nx9,2020-01-02,Troops withdrew from the town.\n")
    [item] = list(read_paths([str(path)]))
    assert item.document is not None
    assert (item.document.ref, item.document.published) == ("x9", dt.date(2020, 1, 2))


def test_a_csv_field_over_several_lines_is_one_text_and_the_next_row_keeps_its_line(
        tmp_path: Path) -> None:
    path = _csv(tmp_path, b"story_id,body,date\nr1,\"Line one.\nLine two.\",2021-03-04\n"
                          b"r2,bad,row,extra\n")
    first, second = list(read_paths([str(path)], COLUMNS))
    assert first.document is not None and first.document.text == "Line one.\nLine two."
    assert str(second.error).startswith(f"{path}:4: ")


def test_a_ragged_csv_row_is_an_error_and_the_next_rows_are_read(tmp_path: Path) -> None:
    path = _csv(tmp_path, b"story_id,body,date\nr1,A raid in Gao.,2021-03-04\n"
                          b"r2,too,many,fields\nr3,A strike in Tessalit.,2021-03-05\n")
    items = list(read_paths([str(path)], COLUMNS))
    assert [i.document is not None for i in items] == [True, False, True]
    assert str(items[1].error) == (f"{path}:3: the row has 4 fields but the header has 3; "
                                   "quote fields that hold commas")


def test_a_csv_row_that_is_not_utf8_is_an_error_and_the_other_rows_are_read(
        tmp_path: Path) -> None:
    path = _csv(tmp_path, "story_id,body,date\nr1,Caf\xe9 owners protested.,2021-03-04\n"
                          "r2,Police dispersed a crowd.,2021-03-04\n".encode("latin-1"))
    items = list(read_paths([str(path)], COLUMNS))
    assert [i.document is not None for i in items] == [False, True]
    assert str(items[0].error) == (f"{path}:2: not UTF-8 text; name its encoding with --encoding "
                                   "(e.g. --encoding latin-1) or convert the file to UTF-8 first")


def test_a_csv_without_the_text_column_is_one_error_naming_its_columns(tmp_path: Path) -> None:
    path = _csv(tmp_path, b"story_id,body\nr1,A raid in Gao.\n")
    [item] = list(read_paths([str(path)]))
    assert str(item.error) == (f"{path}: the CSV header has no column 'text' (it has: "
                               "story_id, body); name the text column with --text-column")


def test_a_csv_row_with_a_bad_date_is_an_error_naming_the_column(tmp_path: Path) -> None:
    path = _csv(tmp_path, b"story_id,body,date\nr1,A raid in Gao.,yesterday\n")
    [item] = list(read_paths([str(path)], COLUMNS))
    assert str(item.error) == f"{path}:2: 'date' is not an ISO 8601 date: 'yesterday'"


def test_an_empty_csv_date_cell_means_no_date(tmp_path: Path) -> None:
    path = _csv(tmp_path, b"story_id,body,date\nr1,A raid in Gao.,\n")
    [item] = list(read_paths([str(path)], COLUMNS))
    assert item.document is not None and item.document.published is None


def test_a_csv_with_a_byte_order_mark_reads_its_first_column_name(tmp_path: Path) -> None:
    path = _csv(tmp_path, b"\xef\xbb\xbftext,id\nA raid in Gao.,g1\n")
    [item] = list(read_paths([str(path)]))
    assert item.document is not None and item.document.ref == "g1"


def test_jsonl_reads_the_text_from_the_named_key(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    path.write_text('{"story_id": 7, "body": "Rockets hit Erbil.", "date": "2022-02-02"}\n',
                    encoding="utf-8")
    [item] = list(read_paths([str(path)], COLUMNS))
    assert item.document is not None
    assert (item.document.ref, item.document.text, item.document.published) == (
        "7", "Rockets hit Erbil.", dt.date(2022, 2, 2))


def test_a_jsonl_line_that_is_not_utf8_is_an_error_and_the_next_lines_are_read(
        tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    path.write_bytes('{"text": "Caf\xe9 owners protested."}\n'.encode("latin-1")
                     + b'{"text": "Police dispersed a crowd."}\n')
    items = list(read_paths([str(path)]))
    assert [i.document is not None for i in items] == [False, True]
    assert str(items[0].error).startswith(f"{path}:1: not UTF-8 text")
