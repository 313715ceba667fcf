"""hypothesis strategies for text a news pipeline meets: any Unicode, and news-like sentences
salted with the characters that break naive code (zero-width, bidi marks, combining, NUL)."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

# Characters that look like nothing or reorder text: zero-width space/joiners, BOM, bidi marks
# and isolates, a combining accent, the line/paragraph separators, NUL, a lone surrogate's
# neighbours (U+FFFD) and an astral emoji.
NASTY = ["\u200b", "\u200c", "\u200d", "\ufeff", "\u200e", "\u200f", "\u202e", "\u2066",
         "\u2069", "\u0301", "\u2028", "\u2029", "\x00", "\ufffd", "\U0001f4a5", "\r", "\t",
         "\u00a0", "\u0085", "\u061c"]

FRAGMENTS = [
    "As many as ten soldiers were killed or wounded", "at least 3 civilians died",
    "between 5 and 12 people were killed", "dozens were wounded", "16 soldiers in total since",
    "an air strike hit", "near the town of Kansafra", "in Idlib province", "on Monday",
    "last week", "early December", "on 3 March 2021", "the 2019 offensive", "two weeks ago",
    "according to the ministry", "state media reported", "reportedly", "denied",
    "Turkish troops", "Russian-Syrian air strikes", "rebels", "police fired tear gas",
    "protesters gathered in Cairo", "gunmen abducted", "a car bomb exploded in Mosul",
    "Al Masdar News", "TASS said", "unconfirmed reports", "officials confirmed",
    "في ادلب", "הפגזה", "一百", "٣٠ قتيلا", "１２ people", "XII", "0", "999999999999999999999",
    "-5", "1e9", "½", "³", "first", "a hundred and one", "nine-hundred", "4,000,000",
]

news_text = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.sampled_from(NASTY),
              st.sampled_from([" ", ". ", ", ", "\n", "\n\n", " (", ") ", '"', "—"]),
              st.text(max_size=8)),
    max_size=40).map("".join)

any_text = st.one_of(st.text(max_size=300), news_text)

# Any day a calendar holds, weighted to the edges where date arithmetic overflows.
published = st.one_of(st.none(), st.dates(),
                      st.sampled_from([dt.date.min, dt.date.max, dt.date(1, 1, 7),
                                       dt.date(9999, 12, 25), dt.date(2000, 2, 29)]))
