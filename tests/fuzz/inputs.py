"""hypothesis strategies for the bytes an ingest reader is handed: well-formed pages, feeds,
tables and archives filled with hostile text, and the same mangled (bytes flipped, cut, spliced).
"""

from __future__ import annotations

import gzip
import io
import json
from html import escape

from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders  # type: ignore[import-untyped]
from warcio.warcwriter import WARCWriter  # type: ignore[import-untyped]

from fuzz.strategies import any_text

ENCODINGS = ["utf-8", "utf-16", "utf-16-le", "latin-1", "cp1252", "cp1256", "koi8-r",
             "shift_jis", "gb18030", "utf-32", "ascii", "no-such-codec"]
TAGS = ["p", "div", "article", "main", "span", "a", "b", "table", "tr", "td", "li", "ul", "h1",
        "title", "script", "style", "noscript", "template", "iframe", "svg", "math", "body",
        "head", "html", "nav", "footer", "meta", "br", "img", "form", "textarea", "pre"]
ENTITIES = ["&amp;", "&lt;", "&#0;", "&#x110000;", "&#xD800;", "&nbsp;", "&bogus;", "&", "&#",
            "&#x;", "&#99999999999;", "]]>", "<![CDATA[", "<!--", "-->", "<?php", "\x00"]
text = st.one_of(any_text, st.sampled_from(ENTITIES))


def _encode(value: str, encoding: str) -> bytes:
    try:
        return value.encode(encoding, errors="replace")
    except LookupError:
        return value.encode("utf-8", errors="surrogatepass")


@st.composite
def mangled(draw: st.DrawFn, base: st.SearchStrategy[bytes]) -> bytes:
    """`base`'s bytes, then up to 8 edits: a byte overwritten, bytes cut out, bytes inserted,
    the tail cut off."""
    data = bytearray(draw(base))
    for _ in range(draw(st.integers(0, 8))):
        where = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["flip", "cut", "insert", "truncate"]))
        if action == "flip" and where < len(data):
            data[where] = draw(st.integers(0, 255))
        elif action == "cut":
            del data[where:where + draw(st.integers(1, 64))]
        elif action == "insert":
            data[where:where] = draw(st.binary(max_size=32) | st.sampled_from(
                [b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"<", b"&", b'"', b"\r\n", b"\x1f\x8b"]))
        elif action == "truncate":
            del data[where:]
    return bytes(data)


# --- HTML ------------------------------------------------------------------------------------

@st.composite
def _element(draw: st.DrawFn, depth: int = 0) -> str:
    tag = draw(st.sampled_from(TAGS))
    attrs = "".join(f' {draw(st.sampled_from(["class", "id", "lang", "dir", "content", "charset", "href", "property", "style"]))}="{escape(draw(text))}"'
                    for _ in range(draw(st.integers(0, 2))))
    if depth >= 4:
        children = [escape(draw(text)) if draw(st.booleans()) else draw(text)]
    else:
        children = draw(st.lists(st.one_of(text.map(escape), text, _element(depth + 1)),
                                 max_size=4))
    closed = draw(st.booleans())
    return f"<{tag}{attrs}>{''.join(children)}" + (f"</{tag}>" if closed else "")


@st.composite
def html_pages(draw: st.DrawFn) -> bytes:
    encoding = draw(st.sampled_from(ENCODINGS))
    head = (f'<meta charset="{encoding}"><title>{escape(draw(text))}</title>'
            f'<meta property="article:published_time" content="{escape(draw(text))}">')
    body = "".join(draw(st.lists(_element(), max_size=5)))
    paragraphs = "".join(f"<p>{escape(draw(any_text))}</p>" for _ in range(draw(st.integers(0, 3))))
    page = f"<!DOCTYPE html><html><head>{head}</head><body><article>{paragraphs}{body}</article></body></html>"
    return _encode(page, encoding)


def deeply_nested_html(depth: int) -> bytes:
    return (b"<html><body>" + b"<div>" * depth + b"<p>Shelling hit the market in Gao.</p>"
            + b"</div>" * depth + b"</body></html>")


html_inputs = st.one_of(html_pages(), mangled(html_pages()), st.binary(max_size=400),
                        st.integers(50, 3000).map(deeply_nested_html))


# --- RSS / Atom ------------------------------------------------------------------------------

DATES = st.one_of(st.sampled_from(["Tue, 02 Mar 2021 10:00:00 GMT", "2022-06-09T18:30:00Z",
                                   "Mon, 31 Feb 2021 25:61:00 GMT", "0000-00-00", "9999-12-31T23:59:59+14:00",
                                   "Sat, 01 Jan 0001 00:00:00 GMT", ""]), text)
DTDS = ["", '<!DOCTYPE rss [ <!ENTITY a "lol"> ]>',
        '<!DOCTYPE rss [ <!ENTITY s SYSTEM "file:///etc/hostname"> ]>',
        '<!DOCTYPE rss SYSTEM "http://feeds.invalid/rss.dtd">',
        '<!DOCTYPE rss PUBLIC "-//Netscape//DTD RSS 0.91//EN" "x.dtd">']


@st.composite
def feeds(draw: st.DrawFn) -> bytes:
    encoding = draw(st.sampled_from(ENCODINGS))
    dtd = draw(st.sampled_from(DTDS))
    use_entity = "&a;" if "ENTITY a" in dtd else ("&s;" if "ENTITY s" in dtd else "")

    def field() -> str:
        value = draw(text)
        return value if draw(st.booleans()) else escape(value)

    if draw(st.booleans()):
        items = "".join(
            f"<item><title>{field()}</title><link>{field()}</link><guid>{field()}</guid>"
            f"<pubDate>{escape(draw(DATES))}</pubDate><description>{field()}{use_entity}"
            f"</description></item>" for _ in range(draw(st.integers(0, 4))))
        body = f'<rss version="2.0"><channel><title>{field()}</title>{items}</channel></rss>'
    else:
        entries = "".join(
            f'<entry><title>{field()}</title><link href="{escape(draw(text))}"/><id>{field()}</id>'
            f"<updated>{escape(draw(DATES))}</updated>"
            f'<content type="{draw(st.sampled_from(["html", "text", "xhtml", "bogus"]))}">'
            f"{field()}{use_entity}</content></entry>" for _ in range(draw(st.integers(0, 4))))
        body = f'<feed xmlns="http://www.w3.org/2005/Atom"><title>{field()}</title>{entries}</feed>'
    return _encode(f'<?xml version="1.0" encoding="{encoding}"?>{dtd}{body}', encoding)


feed_inputs = st.one_of(feeds(), mangled(feeds()), st.binary(max_size=300))


# --- CSV and JSONL ---------------------------------------------------------------------------

@st.composite
def csv_files(draw: st.DrawFn) -> bytes:
    columns = draw(st.lists(st.sampled_from(["text", "published", "id", "title", "source", "url",
                                             "", "text ", "Text"]), min_size=1, max_size=5))

    def cell() -> str:
        value = draw(st.one_of(text, DATES))
        if draw(st.booleans()):
            return '"' + value.replace('"', '""') + '"'
        return value

    rows = [",".join(columns)] + [",".join(cell() for _ in range(draw(st.integers(0, len(columns) + 1))))
                                  for _ in range(draw(st.integers(0, 5)))]
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    return _encode(newline.join(rows), draw(st.sampled_from(["utf-8", "utf-8-sig", "latin-1", "utf-16"])))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3),
    max_leaves=8)


@st.composite
def jsonl_files(draw: st.DrawFn) -> bytes:
    lines = []
    for _ in range(draw(st.integers(0, 5))):
        record = draw(st.dictionaries(
            st.sampled_from(["text", "published", "id", "title", "source", "url", "extra"]),
            st.one_of(text, DATES, json_values), max_size=6))
        line = json.dumps(record, ensure_ascii=draw(st.booleans()))
        lines.append(line if draw(st.integers(0, 9)) else line[: draw(st.integers(0, len(line)))])
    return "\n".join(lines).encode("utf-8", errors="surrogatepass")


csv_inputs = st.one_of(csv_files(), mangled(csv_files()), st.binary(max_size=300))
jsonl_inputs = st.one_of(jsonl_files(), mangled(jsonl_files()), st.binary(max_size=300))


# --- WARC ------------------------------------------------------------------------------------

@st.composite
def warcs(draw: st.DrawFn) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=draw(st.booleans()))
    for number in range(draw(st.integers(1, 4))):
        url = f"https://news.example/{number}"
        kind = draw(st.sampled_from(["response", "response", "request", "resource", "metadata"]))
        content_type = draw(st.sampled_from(["text/html; charset=utf-8", "text/html",
                                             "application/xhtml+xml", "image/jpeg",
                                             "text/html; charset=bogus", ""]))
        payload = draw(st.one_of(html_pages(), st.binary(max_size=200)))
        extra = draw(st.sampled_from([[], [("Transfer-Encoding", "chunked")],
                                      [("Content-Encoding", "gzip")],
                                      [("Content-Encoding", "br")]]))
        if ("Content-Encoding", "gzip") in extra and draw(st.booleans()):
            payload = gzip.compress(payload, mtime=0)
        # A fixed id and date: hypothesis needs the same draws to make the same bytes.
        fixed = {"WARC-Record-ID": f"<urn:uuid:00000000-0000-4000-8000-{number:012d}>",
                 "WARC-Date": "2021-03-04T00:00:00Z"}
        if kind in ("response", "request"):
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type), *extra],
                                       protocol="HTTP/1.1")
            record = writer.create_warc_record(url, kind, payload=io.BytesIO(payload),
                                               http_headers=headers, warc_headers_dict=fixed)
        else:
            record = writer.create_warc_record(url, kind, payload=io.BytesIO(payload),
                                               warc_content_type=content_type or None,
                                               warc_headers_dict=fixed)
        writer.write_record(record)
    return out.getvalue()


warc_inputs = st.one_of(warcs(), mangled(warcs()), st.binary(max_size=300))
txt_inputs = st.one_of(text.map(lambda t: t.encode("utf-8", errors="surrogatepass")),
                       st.binary(max_size=300),
                       mangled(text.map(lambda t: gzip.compress(t.encode("utf-8", "replace"), mtime=0))))
