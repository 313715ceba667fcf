"""RSS and Atom: each item a Document with link, date and source; unsafe XML is refused."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from fogwatch.ingest.readers import read_paths

from .samples import ATOM, BILLION_LAUGHS, EXTERNAL_ENTITY, RSS


def _write(tmp_path: Path, content: str, name: str) -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def test_an_rss_item_becomes_a_document_with_link_date_source_and_title(tmp_path: Path) -> None:
    path = _write(tmp_path, RSS, "wire.rss")
    item = list(read_paths([str(path)]))[0]
    assert item.document is not None
    document = item.document
    assert (item.origin, document.ref, document.url, document.published, document.source,
            document.title) == (f"{path}#item1", "wire-1", "https://wire.example/marib",
                                dt.date(2021, 3, 2), "Frontline Wire", "Clashes near Marib")


def test_the_item_summary_is_the_text_without_its_html_tags(tmp_path: Path) -> None:
    item = list(read_paths([str(_write(tmp_path, RSS, "wire.rss"))]))[0]
    assert item.document is not None
    assert item.document.text == "Fighters clashed with government forces near Marib on Monday."


def test_an_item_without_text_is_an_error_and_the_next_items_are_read(tmp_path: Path) -> None:
    path = _write(tmp_path, RSS, "wire.rss")
    items = list(read_paths([str(path)]))
    assert [i.document is not None for i in items] == [True, False, True]
    assert str(items[1].error) == f"{path}#item2: the item has neither content nor summary"


def test_an_item_without_guid_is_referred_to_by_its_link(tmp_path: Path) -> None:
    items = list(read_paths([str(_write(tmp_path, RSS, "wire.rss"))]))
    assert items[2].ref == "https://wire.example/port"


def test_an_atom_entry_takes_its_content_over_its_summary_and_its_published_date(
        tmp_path: Path) -> None:
    [item] = list(read_paths([str(_write(tmp_path, ATOM, "monitor.atom"))]))
    assert item.document is not None
    assert item.document.text == ("A drone struck a vehicle near the border crossing late on "
                                  "Thursday.\nTwo people were killed.")
    assert (item.document.published, item.document.source, item.document.url) == (
        dt.date(2022, 6, 9), "Border Monitor", "https://monitor.example/drone")


def test_a_billion_laughs_feed_is_refused_with_one_error(tmp_path: Path) -> None:
    path = _write(tmp_path, BILLION_LAUGHS, "laughs.xml")
    [item] = list(read_paths([str(path)]))
    assert str(item.error) == (
        f"{path}: refused: the feed declares XML entities or external references "
        "(EntitiesForbidden); fogwatch never expands them, as they can exhaust memory or read "
        "local files")


def test_a_feed_with_an_external_entity_is_refused(tmp_path: Path) -> None:
    [item] = list(read_paths([str(_write(tmp_path, EXTERNAL_ENTITY, "ext.xml"))]))
    assert item.document is None and "refused" in str(item.error)


def test_a_feed_that_is_not_xml_is_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path, "not a feed <<", "junk.rss")
    [item] = list(read_paths([str(path)]))
    assert str(item.error) == f"{path}: not a well-formed XML feed (syntax error: line 1, column 0)"


def test_xml_that_is_not_a_feed_is_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path, "<notes><note>Buy bread.</note></notes>", "notes.xml")
    [item] = list(read_paths([str(path)]))
    assert str(item.error) == f"{path}: not an RSS or Atom feed"
