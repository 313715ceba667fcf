"""WARC: each HTML response record a Document; a broken record an error, the rest still read."""

from __future__ import annotations

import io
from pathlib import Path

from warcio.warcwriter import WARCWriter  # type: ignore[import-untyped]

from fogwatch.ingest.readers import read_paths

from .samples import break_gzip_member, break_record, warc, warc_page


def _write(tmp_path: Path, data: bytes, name: str = "crawl.warc") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_each_html_response_becomes_a_document_with_its_url(tmp_path: Path) -> None:
    path = _write(tmp_path, warc(2))
    items = list(read_paths([str(path)]))
    assert [(i.origin, i.ref) for i in items] == [
        (f"{path}#record2", "https://news.example/1"), (f"{path}#record4", "https://news.example/2")]
    assert items[0].document is not None
    assert items[0].document.url == "https://news.example/1"
    assert items[0].document.text.startswith("Story number 1: militia fighters attacked")


def test_requests_and_responses_that_are_not_html_are_skipped(tmp_path: Path) -> None:
    items = list(read_paths([str(_write(tmp_path, warc(1, with_image=True)))]))
    assert [i.ref for i in items] == ["https://news.example/1"]


def test_a_gzipped_warc_is_read_record_by_record(tmp_path: Path) -> None:
    items = list(read_paths([str(_write(tmp_path, warc(3, gzip=True), "crawl.warc.gz"))]))
    assert [i.ref for i in items] == [f"https://news.example/{n}" for n in (1, 2, 3)]


def test_a_broken_record_is_an_error_and_the_records_after_it_are_read(tmp_path: Path) -> None:
    path = _write(tmp_path, break_record(warc(3), 3))  # the second response
    items = list(read_paths([str(path)]))
    assert [i.ref for i in items] == ["https://news.example/1", None, "https://news.example/3"]
    assert str(items[1].error).startswith(f"{path}#record4: broken WARC record at byte ")
    assert str(items[1].error).endswith("(ArchiveLoadFailed: Invalid WARC record, first line: "
                                        "GARBAGE); skipped to the next record")


def test_a_broken_gzip_member_is_an_error_and_the_members_after_it_are_read(
        tmp_path: Path) -> None:
    path = _write(tmp_path, break_gzip_member(warc(3, gzip=True), 3), "crawl.warc.gz")
    items = list(read_paths([str(path)]))
    assert [i.ref for i in items] == ["https://news.example/1", None, "https://news.example/3"]
    assert str(items[1].error).startswith(f"{path}#record4: broken WARC record at byte ")


def test_a_file_that_is_not_a_warc_is_one_error(tmp_path: Path) -> None:
    path = _write(tmp_path, b"just some notes\n")
    [item] = list(read_paths([str(path)]))
    assert str(item.error).startswith(f"{path}#record1: broken WARC record at byte 0 (")


def test_an_html_resource_record_becomes_a_document_and_other_resources_are_skipped(
        tmp_path: Path) -> None:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    for url, payload, kind in [("https://news.example/saved", warc_page(2), "text/html"),
                               ("https://news.example/logo.png", b"\x89PNG", "image/png")]:
        writer.write_record(writer.create_warc_record(
            url, "resource", payload=io.BytesIO(payload), warc_content_type=kind))
    items = list(read_paths([str(_write(tmp_path, out.getvalue()))]))
    assert [i.ref for i in items] == ["https://news.example/saved"]
    assert items[0].document is not None
    assert items[0].document.text.startswith("Story number 2:")
