"""Small inputs we write ourselves: an HTML page, RSS and Atom feeds, WARCs (built with warcio)."""

from __future__ import annotations

import io

from warcio.statusandheaders import StatusAndHeaders  # type: ignore[import-untyped]
from warcio.warcwriter import WARCWriter  # type: ignore[import-untyped]

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Rockets hit Sirte port | The Coastal Courier</title>
<meta property="og:site_name" content="The Coastal Courier">
<meta property="og:title" content="Rockets hit Sirte port">
<meta property="article:published_time" content="2021-03-04T08:15:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Rockets hit Sirte port</h1>
<p>Rockets struck the fishing port of Sirte on Tuesday morning, killing three fishermen and
wounding at least seven others, local officials said.</p>
<p>Residents said the rockets were fired from positions south of the city, where rival forces
have been dug in since January.</p>
<p>No group has claimed responsibility for the attack, the third on the port this month.</p>
</article>
<footer>Copyright 2021 The Coastal Courier. All rights reserved. Subscribe to our newsletter.
</footer>
</body></html>
"""

# No date in the metadata: the date written under the headline is the one to take.
PAGE_DATED_IN_TEXT = """<html><head><title>Curfew in Kidal</title></head><body>
<article><h1>Curfew in Kidal</h1><p>Published 12 May 2019</p>
<p>Authorities imposed a night curfew in Kidal after gunmen attacked a patrol near the airport,
wounding two soldiers, a military spokesman said.</p>
<p>Shops were ordered to close at six in the evening until further notice.</p>
</article></body></html>
"""

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Frontline Wire</title><link>https://wire.example/</link>
<item><title>Clashes near Marib</title><link>https://wire.example/marib</link><guid>wire-1</guid>
<pubDate>Tue, 02 Mar 2021 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Fighters clashed with &lt;b&gt;government forces&lt;/b&gt; near Marib on
Monday.&lt;/p&gt;</description></item>
<item><title>Nothing to read</title><link>https://wire.example/empty</link></item>
<item><title>Port reopens</title><link>https://wire.example/port</link>
<description>The port of Hodeidah reopened to shipping on Wednesday.</description></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Border Monitor</title>
<entry><title>Drone strike reported</title><link href="https://monitor.example/drone"/>
<id>urn:bm:1</id><updated>2022-06-10T12:00:00Z</updated><published>2022-06-09T18:30:00Z</published>
<summary>Short summary.</summary>
<content type="html">&lt;p&gt;A drone struck a vehicle near the border crossing late on
Thursday.&lt;/p&gt;&lt;p&gt;Two people were killed.&lt;/p&gt;</content></entry>
</feed>
"""

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<rss version="2.0"><channel><title>&lol4;</title>
<item><title>Laughs</title><description>&lol4;</description></item></channel></rss>
"""

EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE rss [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
<rss version="2.0"><channel><title>t</title>
<item><title>x</title><description>&secret;</description></item></channel></rss>
"""


WARC_STORIES = (
    "Story number 1: militia fighters attacked a police station in the town, officials said.",
    "Story number 2: a roadside bomb destroyed an army truck on the coastal highway at dawn.",
    "Story number 3: thousands marched through the capital to demand the release of detainees.",
)


WIRE = ("Rockets struck the fishing port of Sirte on Tuesday morning, killing three fishermen "
        "and wounding at least seven others, local officials said. Residents said the rockets "
        "were fired from positions south of the city, where rival forces have been dug in since "
        "January. No group has claimed responsibility for the attack, the third on the port this "
        "month. The coast guard closed the harbour to all boats until further notice.")
# The same story with an outlet's dateline and footer, and its last sentence cut.
REPUBLISHED = ("SIRTE (Coastal Courier) - " + WIRE.rsplit(" The coast guard", 1)[0]
               + " Reporting by our correspondent; editing by the news desk.")


def warc_page(number: int) -> bytes:
    story = WARC_STORIES[(number - 1) % len(WARC_STORIES)]
    return (f"<html><head><title>Story {number}</title></head><body><article><p>{story}</p>"
            "</article></body></html>").encode()


def warc(pages: int = 3, *, gzip: bool = False, with_image: bool = False) -> bytes:
    """A WARC with a request record and an HTML response per page (and a JPEG response)."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzip)
    for number in range(1, pages + 1):
        url = f"https://news.example/{number}"
        request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.example")],
                                   is_http_request=True)
        writer.write_record(writer.create_warc_record(url, "request", http_headers=request))
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                   protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            url, "response", payload=io.BytesIO(warc_page(number)), http_headers=headers))
    if with_image:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "image/jpeg")],
                                   protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            "https://news.example/photo.jpg", "response", payload=io.BytesIO(b"\xff\xd8\xff"),
            http_headers=headers))
    return out.getvalue()


def break_record(data: bytes, index: int) -> bytes:
    """The WARC with the header line of its `index`-th record (from 0) replaced by garbage."""
    position = -1
    for _ in range(index + 1):
        position = data.find(b"WARC/1.", position + 1)
    return data[:position] + b"GARBAGE\r\n" + data[data.find(b"\r\n", position) + 2:]


def break_gzip_member(data: bytes, index: int) -> bytes:
    """The gzip'ed WARC with bytes inside its `index`-th member (from 0) overwritten."""
    position = -1
    for _ in range(index + 1):
        position = data.find(b"\x1f\x8b\x08", position + 1)
    return data[:position + 20] + b"\x00" * 30 + data[position + 50:]
