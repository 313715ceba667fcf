"""Bugs the fuzz runs found, each pinned by the smallest input that showed it."""

from __future__ import annotations

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
