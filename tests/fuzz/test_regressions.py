"""Bugs the fuzz runs found, each pinned by the smallest input that showed it."""

from __future__ import annotations

import datetime as dt

import pytest

from fogwatch.ingest.readers import read_bytes

RSS = ('<?xml version="1.0" encoding="{encoding}"?><rss version="2.0"><channel><title>W</title>'
       "<item><title>t</title><description>Clashes near Gao.</description></item>"
       "</channel></rss>")


@pytest.mark.parametrize(("encoding", "said"), [
    ("no-such-codec", "unknown encoding: no-such-codec"),
    ("shift_jis", "multi-byte encodings are not supported")])
def test_a_feed_in_an_encoding_the_xml_parser_cannot_read_is_an_input_error(
        encoding: str, said: str) -> None:
    # Found by the feed fuzz run: LookupError / ValueError escaped read_feed and stopped ingest.
    [item] = read_bytes(RSS.format(encoding=encoding).encode("ascii"), "w.rss", "feed")
    assert str(item.error) == (f"w.rss: cannot read the feed's declared encoding ({said}); "
                               "convert the feed to UTF-8 first (e.g. iconv -t utf-8)")


@pytest.mark.parametrize(("stamp", "published"), [
    ("0000-00-00", None), ("0001-01-01T00:00:00+01:00", None),
    ("2021-03-02T10:00:00Z", dt.date(2021, 3, 2))])
def test_a_feed_item_dated_before_year_one_is_read_without_its_date(
        stamp: str, published: dt.date | None) -> None:
    # Found by the slow feed fuzz run: feedparser reads "0000-00-00" as year -1, and
    # dt.date(-1, ...) raised ValueError out of read_feed, stopping the whole ingest.
    feed = ('<rss version="2.0"><channel><title>W</title><item><description>Clashes near Gao.'
            f"</description><pubDate>{stamp}</pubDate></item></channel></rss>")
    [item] = read_bytes(feed.encode(), "w.rss", "feed")
    assert item.document is not None
    assert (item.document.text, item.document.published) == ("Clashes near Gao.", published)
