"""RSS and Atom feeds: each item becomes a Document with its link, date and source.

The bytes go through defusedxml first, which refuses entity declarations (billion laughs) and
external entities; only a feed that passes is handed to feedparser. Feeds carry no full text,
so an item's text is its content, else its summary, with the HTML tags removed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any
from xml.etree.ElementTree import ParseError

import defusedxml  # type: ignore[import-untyped]
import defusedxml.ElementTree  # type: ignore[import-untyped]
import feedparser  # type: ignore[import-untyped]

from fogwatch.errors import InputError
from fogwatch.ingest.documents import document_from_text
from fogwatch.ingest.items import Item

__all__ = ["check_xml_is_safe", "read_feed"]

_WHITESPACE = re.compile(r"\s+")
_BLOCK_TAGS = frozenset({"p", "br", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
                         "blockquote"})


def check_xml_is_safe(data: bytes, origin: str) -> None:
    """InputError if the XML declares entities, refers to external ones or is not well-formed."""
    try:
        defusedxml.ElementTree.fromstring(data, forbid_dtd=False, forbid_entities=True,
                                          forbid_external=True)
    except defusedxml.DefusedXmlException as exc:
        raise InputError(f"refused: the feed declares XML entities or external references "
                         f"({type(exc).__name__}); fogwatch never expands them, as they can "
                         "exhaust memory or read local files", path=origin) from None
    except ParseError as exc:
        raise InputError(f"not a well-formed XML feed ({exc})", path=origin) from None
    except (LookupError, ValueError) as exc:  # an encoding Python, or expat, cannot read
        raise InputError(f"cannot read the feed's declared encoding ({exc}); convert the feed "
                         "to UTF-8 first (e.g. iconv -t utf-8)", path=origin) from None


def read_feed(data: bytes, origin: str) -> Iterator[Item]:
    try:
        check_xml_is_safe(data, origin)
    except InputError as exc:
        yield Item(origin, None, None, exc)
        return
    # Bytes, never a str: feedparser would take a str for a URL or file name and open it.
    parsed: Any = feedparser.parse(data)
    if not parsed.entries and not parsed.feed:
        yield Item(origin, None, None, InputError("not an RSS or Atom feed", path=origin))
        return
    source = _clean(parsed.feed.get("title"))
    for number, entry in enumerate(parsed.entries, start=1):
        yield _entry_item(entry, origin, number, source)


def _entry_item(entry: Any, origin: str, number: int, source: str | None) -> Item:
    where = f"{origin}#item{number}"
    link = _clean(entry.get("link"))
    ref = _clean(entry.get("id")) or link
    contents = entry.get("content") or []
    html = contents[0].get("value") if contents else entry.get("summary")
    if not isinstance(html, str) or not html.strip():
        return Item(where, ref, None, InputError("the item has neither content nor summary",
                                                 path=where))
    try:
        document = document_from_text(_strip_tags(html), path=where, ref=ref, source=source,
                                      url=link, title=_clean(entry.get("title")),
                                      published=_entry_date(entry))
    except InputError as exc:
        return Item(where, ref, None, exc)
    return Item(where, ref, document, None)


def _entry_date(entry: Any) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value is not None:
            try:
                return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
            except ValueError:  # a junk date ("0000-00-00" reads as year -1) is left out
                continue
    return None


def _clean(value: object) -> str | None:
    return " ".join(value.split()) or None if isinstance(value, str) else None


class _TextOfHtml(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(_WHITESPACE.sub(" ", data))


def _strip_tags(html: str) -> str:
    parser = _TextOfHtml()
    parser.feed(html)
    parser.close()
    # Whitespace inside text is HTML's, not a line break; only block tags break lines.
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)
