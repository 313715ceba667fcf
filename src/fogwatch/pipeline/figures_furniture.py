"""Figures: lines of a web page that point at other stories. Pages copied from news sites keep
their links to other reports ('Related Coverage Man shot on Elm Street', 'READ MORE: Two hurt
in crash'), video playlists ('0:47 Driver shot on Main Street') and photo galleries ('Image 3
of 40 Police at the scene where two men were killed'). Their figures are other stories' (or a
caption's restatement), never this story's toll; `figures` (the stage) leaves them out. The
openers of such lines are in `figures_words.csv` (kind 'elsewhere').
"""

from __future__ import annotations

import re

from fogwatch.pipeline.figures_counts import tables

__all__ = ["elsewhere_lines"]

# a video's running time or a gallery's place opens the line: '2:01 New details ...'
_LISTED = re.compile(r"(?:\d{1,2}:\d{2}|(?:image|photo|slide) \d+ of \d+)\s+\S", re.IGNORECASE)
# what may follow a link's opener: 'Related: ...', 'READ MORE | ...', 'Related Coverage Man ...'
_AFTER_OPENER = re.compile(r"\s*[:|»\-–—]|\s+[A-Z0-9]")


def _opens_link(line: str) -> bool:
    low = line.lower()
    for phrase in tables().phrases("elsewhere"):
        opener = " ".join(phrase)
        if low.startswith(opener) and _AFTER_OPENER.match(line, len(opener)):
            return True
    return False


def elsewhere_lines(text: str) -> list[tuple[int, int]]:
    """Character ranges of the lines that tell or link to other stories."""
    ranges = []
    start = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        lead = len(line) - len(line.lstrip())
        if stripped and (_LISTED.match(stripped) or _opens_link(stripped)):
            ranges.append((start + lead, start + len(line)))
        start += len(line)
    return ranges
