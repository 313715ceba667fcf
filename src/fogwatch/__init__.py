"""fogwatch: conflict news in, sourced and confidence-rated event data out."""

from __future__ import annotations

import datetime as dt

from fogwatch.errors import FogwatchError
from fogwatch.records import Extraction

__all__ = ["Extraction", "FogwatchError", "__version__", "extract"]
__version__ = "0.1.0"


def extract(text: str, published: dt.date | str | None = None) -> Extraction:
    """Events, places, dates, figures, actors and claims in one article.

    `published` (a date or an ISO 8601 string) anchors relative dates ("on Monday"); without it
    they stay unresolved.
    """
    from fogwatch.ingest.documents import parse_published
    from fogwatch.pipeline import extract_document, make_document

    day = parse_published(published) if isinstance(published, str) else published
    if isinstance(day, dt.datetime):
        day = day.date()
    return extract_document(make_document(text, day))
