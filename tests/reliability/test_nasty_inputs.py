"""Hostile inputs (tests/data/, plus big ones made here): each is read, or refused with a message
naming the file and what is wrong; nothing raises, nothing reads a local file, nothing expands."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from fogwatch.cli.main import app
from fogwatch.ingest import files
from fogwatch.ingest.readers import Item, read_bytes, read_paths
from fogwatch.pipeline import extract_document
from fogwatch.records import Span
from fuzz.test_pipeline_properties import _walk

DATA = Path(__file__).resolve().parents[1] / "data"
TEN_MB_LINE = ("Shelling hit Gao on Monday. " * 400_000)[:10_000_000]
runner = CliRunner()


def _read(name: str) -> list[Item]:
    return list(read_paths([str(DATA / name)]))


def _only_error(name: str) -> str:
    items = _read(name)
    assert [item.document for item in items] == [None]
    return str(items[0].error)


def _spans_index_the_text(item: Item) -> None:
    assert item.document is not None
    text = item.document.text
    for value in _walk(extract_document(item.document)):
        if isinstance(value, Span):
            assert text[value.start:value.end] == value.text


@pytest.mark.parametrize("name", ["billion_laughs.rss", "quadratic_blowup.rss",
                                  "external_entity.rss", "parameter_entity.atom"])
def test_xml_bombs_and_external_entities_are_refused_unexpanded(name: str) -> None:
    assert _only_error(name) == (
        f"{DATA / name}: refused: the feed declares XML entities or external references "
        "(EntitiesForbidden); fogwatch never expands them, as they can exhaust memory or read "
        "local files")


def test_an_xhtml_page_never_reads_the_file_its_entity_names() -> None:
    [item] = _read("external_entity.xhtml")
    assert item.document is not None
    assert item.document.text.startswith("Militants shelled a village near Gao on Monday")
    assert "root:" not in item.document.text and "/bin/" not in item.document.text


def test_nul_bytes_are_refused_as_binary() -> None:
    assert _only_error("nul_bytes.txt").endswith(
        "nul_bytes.txt: looks binary (contains NUL bytes); expected UTF-8 text")


def test_a_text_file_with_cp1252_lines_is_refused_with_the_byte_it_stopped_at() -> None:
    assert "mixed_encoding.txt: not UTF-8 text (byte 71)" in _only_error("mixed_encoding.txt")


def test_one_latin1_line_in_jsonl_fails_alone() -> None:
    items = _read("mixed_encoding.jsonl")
    assert [item.ref if item.document else item.origin.rsplit("/", 1)[-1] for item in items] == [
        "utf8", "mixed_encoding.jsonl:2", "after"]
    assert "not UTF-8 text" in str(items[1].error)


def test_a_csv_with_a_bom_and_crlf_reads_both_rows() -> None:
    items = _read("bom_and_crlf.csv")
    assert [(item.ref, item.document.text if item.document else None) for item in items] == [
        ("1", "Rebels, backed by militias, seized Sirte."),
        ("2", "Multi\r\nline text near Marib")]


def test_a_page_that_is_all_script_has_no_article_text() -> None:
    assert _only_error("script_only.html").endswith("no article text found in the HTML page")


@pytest.mark.parametrize("name", ["zero_width.txt", "rtl.txt"])
def test_invisible_and_bidi_characters_go_through_the_pipeline_with_exact_spans(
        name: str) -> None:
    [item] = _read(name)
    _spans_index_the_text(item)


@pytest.mark.parametrize("fmt", ["txt", "jsonl", "csv"])
def test_a_10_mb_single_line_is_refused_and_the_next_record_still_read(fmt: str) -> None:
    after = "A car bomb exploded in Mosul."
    if fmt == "txt":
        data = TEN_MB_LINE.encode()
    elif fmt == "jsonl":
        data = (json.dumps({"text": TEN_MB_LINE}) + "\n" + json.dumps({"text": after})).encode()
    else:
        data = f"text\n{TEN_MB_LINE}\n{after}\n".encode()
    items = list(read_bytes(data, f"big.{fmt}", fmt))  # type: ignore[arg-type]
    assert items[0].document is None
    assert "the text has 10,000,000 characters, over the limit of 1,000,000; split it into " \
           "articles" in str(items[0].error)
    assert [item.document.text for item in items[1:] if item.document] == (
        [] if fmt == "txt" else [after])


def test_a_10_mb_single_line_html_page_is_refused_not_parsed_for_ever() -> None:
    page = f"<html><body><p>{TEN_MB_LINE}</p></body></html>".encode()
    [item] = read_bytes(page, "big.html", "html")
    assert item.document is None and item.error is not None


def test_html_nested_100000_deep_is_read_or_refused_without_a_recursion_error() -> None:
    page = (b"<html><body>" + b"<div>" * 100_000 + b"<p>Shelling hit the market in Gao.</p>"
            + b"</div>" * 100_000 + b"</body></html>")
    [item] = read_bytes(page, "deep.html", "html")
    assert (item.document is None) != (item.error is None)


@pytest.mark.slow
def test_a_gzip_bomb_is_refused_at_the_size_limit(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.txt.gz"
    with gzip.open(bomb, "wb", compresslevel=9) as out:
        block = b"\0" * (1 << 20)
        for _ in range(files.MAX_FILE_BYTES // len(block) + 2):
            out.write(block)
    assert bomb.stat().st_size < 1_000_000
    [item] = read_paths([str(bomb)])
    assert str(item.error).endswith(
        f"uncompressed, the file is over the limit of {files.MAX_FILE_BYTES:,} bytes")


def test_ingesting_the_whole_nasty_folder_reports_each_bad_file_and_stores_the_rest(
        tmp_path: Path) -> None:
    db = tmp_path / "fog.db"
    result = runner.invoke(app, ["ingest", str(DATA), "--db", str(db)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("error: ")]
    refused = {"billion_laughs.rss", "quadratic_blowup.rss", "external_entity.rss",
               "parameter_entity.atom", "nul_bytes.txt", "mixed_encoding.txt",
               "mixed_encoding.jsonl:2", "script_only.html"}
    assert {line.split(": ", 2)[1].rsplit(os.sep, 1)[-1] for line in errors} == refused
    assert f"7 new, 0 already stored, {len(refused)} failed" in result.output.splitlines()
