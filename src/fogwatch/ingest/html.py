"""HTML pages: the article's main text, title, date and outlet, read with trafilatura.

Boilerplate (menus, footers, comments) is removed. The date comes from the page's metadata and
falls back to dates written in the page's text (htmldate's extensive search).
"""

from __future__ import annotations

from typing import Any

from fogwatch.errors import InputError
from fogwatch.ingest.documents import document_from_text, parse_published
from fogwatch.records import Document

__all__ = ["MAX_HTML_BYTES", "document_from_html"]

# A news page is a few hundred kB; a larger one is a dump or an attack on the parser's memory.
MAX_HTML_BYTES = 10 * 1024 * 1024


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


def _text_or_none(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None
