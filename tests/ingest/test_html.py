"""HTML pages: main text without boilerplate, title, date (metadata, else the text), outlet."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from fogwatch.ingest import html
from fogwatch.ingest.readers import read_paths
from fogwatch.records import Document

from .samples import PAGE, PAGE_DATED_IN_TEXT


def _document(tmp_path: Path, content: str) -> Document:
    [item] = list(read_paths([str(_write(tmp_path, content))]))
    assert item.error is None and item.document is not None
    return item.document


def _write(tmp_path: Path, content: str, name: str = "page.html") -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def test_the_main_text_is_kept_and_menus_and_footers_are_dropped(tmp_path: Path) -> None:
    text = _document(tmp_path, PAGE).text
    assert "killing three fishermen" in text and "third on the port this month" in text
    assert "Sport" not in text and "Copyright" not in text


def test_title_outlet_and_date_come_from_the_metadata(tmp_path: Path) -> None:
    document = _document(tmp_path, PAGE)
    assert (document.title, document.source, document.published, document.ref) == (
        "Rockets hit Sirte port", "The Coastal Courier", dt.date(2021, 3, 4), "page")


def test_without_date_metadata_the_date_is_read_from_the_text(tmp_path: Path) -> None:
    assert _document(tmp_path, PAGE_DATED_IN_TEXT).published == dt.date(2019, 5, 12)


def test_a_page_without_article_text_is_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path, "<html><body></body></html>")
    [item] = list(read_paths([str(path)]))
    assert str(item.error) == f"{path}: no article text found in the HTML page"


def test_a_page_over_the_size_limit_is_an_error(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html, "MAX_HTML_BYTES", 500)
    path = _write(tmp_path, PAGE)
    [item] = list(read_paths([str(path)]))
    size = len(PAGE.encode())
    assert str(item.error) == f"{path}: the HTML page is {size:,} bytes, over the limit of 500"


def _nested(depth: int) -> str:
    """A page whose article paragraph sits `depth` unclosed-looking divs deep."""
    paragraph = ("<p>Militiamen shelled the outskirts of the market town overnight, killing four "
                 "farmers and wounding six more, the district commissioner told reporters.</p>")
    return ("<html><head><title>Shelling near the market</title></head><body>"
            + "<div>" * depth + paragraph + "</div>" * depth + "</body></html>")


@pytest.mark.parametrize("depth", [300, 900])
def test_a_page_nested_past_libxml2s_default_depth_is_read(tmp_path: Path, depth: int) -> None:
    document = _document(tmp_path, _nested(depth))
    assert document.text.startswith("Militiamen shelled the outskirts of the market town")
    assert document.title == "Shelling near the market"


def test_a_page_nested_past_the_depth_limit_is_refused_with_the_reason(tmp_path: Path) -> None:
    path = _write(tmp_path, _nested(html.MAX_HTML_DEPTH + 500))
    [item] = list(read_paths([str(path)]))
    assert str(item.error) == (f"{path}: the HTML page nests elements over 1,000 deep (the limit);"
                               " it is probably malformed")
