"""The relevance prefilter: a cheap first pass that tells clearly irrelevant documents (no word
of violence, protest, coercion, force or conflict talk) from the ones worth the whole pipeline.

One regular expression built from `data/prefilter_keywords.csv` (a word, or a word start ending
in `*`), matched ignoring case. It is tuned for recall, not precision: `benchmarks/prefilter.py`
measures it on every evaluation set's relevant documents (>= 0.99 required) and on the
documents where the full pipeline finds an event.
"""

from __future__ import annotations

import functools
import re

from fogwatch.lexicons import read_table

__all__ = ["keyword_pattern", "looks_relevant"]


@functools.lru_cache(maxsize=1)
def keyword_pattern() -> re.Pattern[str]:
    """The table's keywords as one pattern; a space in a keyword matches spaces or a hyphen."""
    alternatives = []
    for row in read_table("prefilter_keywords.csv"):
        keyword = row["pattern"].lower()
        body = r"[\s-]+".join(re.escape(word) for word in keyword.rstrip("*").split())
        alternatives.append(body + (r"\w*" if keyword.endswith("*") else ""))
    alternatives.sort(key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.IGNORECASE)


def looks_relevant(text: str) -> bool:
    """False only when the text has none of the keywords: then the pipeline is skipped."""
    return keyword_pattern().search(text) is not None
