"""HTML pages: the article's main text, title, date and outlet, read with trafilatura.

Boilerplate (menus, footers, comments) is removed. The date comes from the page's metadata and
falls back to dates written in the page's text (htmldate's extensive search).

libxml2 stops at 256 nested elements by default, which badly generated pages (a tag opened on
every line and never closed) pass; trafilatura then finds no text. Such a page is parsed again
with libxml2's large-tree option and read when it nests at most MAX_HTML_DEPTH deep; deeper, it
is refused with a message that says so.
"""

from __future__ import annotations

from typing import Any

from fogwatch.errors import InputError
from fogwatch.ingest.documents import document_from_text, parse_published
from fogwatch.records import Document

__all__ = ["MAX_HTML_BYTES", "MAX_HTML_DEPTH", "document_from_html"]

# A news page is a few hundred kB; a larger one is a dump or an attack on the parser's memory.
MAX_HTML_BYTES = 10 * 1024 * 1024
# Deeper than this no real page nests; trafilatura's walk of such a tree takes seconds.
MAX_HTML_DEPTH = 1000
# libxml2's default limit; below it the first reading already saw the whole tree.
_LIBXML_DEPTH = 256


def document_from_html(html: bytes, *, path: str, line: int | None = None, ref: str | None = None,
                       url: str | None = None) -> Document:
    """A Document from an HTML page; InputError if it is too large or has no article text."""
    if len(html) > MAX_HTML_BYTES:
        raise InputError(f"the HTML page is {len(html):,} bytes, over the limit of "
                         f"{MAX_HTML_BYTES:,}", path=path, line=line)
    import trafilatura  # with the first page, not at CLI start-up

    page: Any = trafilatura.bare_extraction(html, url=url, with_metadata=True,
                                            include_comments=False, include_tables=False)
    text = getattr(page, "text", None) if page is not None else None
    if not text or not text.strip():
        page = _deep_page(html, path=path, line=line, url=url)
        text = getattr(page, "text", None) if page is not None else None
    if not text or not text.strip():
        raise InputError("no article text found in the HTML page", path=path, line=line)
    published = None
    if isinstance(page.date, str) and page.date:
        try:
            published = parse_published(page.date, path=path, line=line)
        except InputError:
            published = None  # a date we cannot read is left out, not guessed
    return document_from_text(
        text, path=path, line=line, published=published, ref=ref,
        source=_text_or_none(page.sitename), url=_text_or_none(page.url) or url,
        title=_text_or_none(page.title))


def _deep_page(html: bytes, *, path: str, line: int | None, url: str | None) -> Any:
    """The extraction of a page nested deeper than libxml2's default allows, or None where the
    page is not that deep (the first reading was right); InputError beyond MAX_HTML_DEPTH."""
    import trafilatura
    from lxml import etree
    from lxml import html as lxml_html

    parser = lxml_html.HTMLParser(huge_tree=True, collect_ids=False, default_doctype=False,
                                  remove_comments=True, remove_pis=True)
    try:
        tree = lxml_html.fromstring(html, parser=parser)
    except (etree.ParserError, ValueError):
        return None
    depth = _depth(tree)
    if depth <= _LIBXML_DEPTH:
        return None
    if depth > MAX_HTML_DEPTH:
        raise InputError(f"the HTML page nests elements over {MAX_HTML_DEPTH:,} deep (the "
                         "limit); it is probably malformed", path=path, line=line)
    return trafilatura.bare_extraction(tree, url=url, with_metadata=True,
                                       include_comments=False, include_tables=False)


def _depth(tree: Any) -> int:
    """The deepest nesting of elements, walked without recursion."""
    from lxml import etree

    depth = deepest = 0
    for event, _ in etree.iterwalk(tree, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest


def _text_or_none(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None
