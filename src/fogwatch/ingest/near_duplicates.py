"""Near-duplicates: the same wire story republished by several outlets, lightly edited.

Exact copies share a content hash and are stored once; a near-duplicate has a different hash and
is stored, but marked `near_duplicate_of=<id of the first copy read>` so it is not counted as an
independent source.

Threshold: two documents are near-duplicates when the Jaccard similarity of their sets of word
5-grams, estimated with MinHash (128 permutations, datasketch), is at least 0.6. Measured on a
70-word story (tests/ingest/test_near_duplicates.py): a copy with a new dateline and footer
scores 0.89 (longer stories score higher), one with its last third cut 0.70, and another
outlet's own report of the same attack 0.0. Texts of fewer than 25 words (headlines, captions)
are never marked: too short for the estimate to mean anything. Only documents read in the same
run are compared (not those stored by earlier runs).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator

from datasketch import MinHash, MinHashLSH  # type: ignore[import-untyped]

from fogwatch.ingest.items import Item
from fogwatch.records import Document

__all__ = ["MIN_WORDS", "NUM_PERM", "SHINGLE_WORDS", "THRESHOLD", "NearDuplicateIndex",
           "mark_near_duplicates"]

THRESHOLD = 0.6
NUM_PERM = 128
SHINGLE_WORDS = 5
MIN_WORDS = 25
_WORD = re.compile(r"\w+")


class NearDuplicateIndex:
    """The documents seen so far, to find the original that a new document republishes."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._signatures: dict[str, MinHash] = {}
        self._order: dict[str, int] = {}  # original's id -> its position in reading order
        self._originals: dict[str, str] = {}  # near-duplicate's id -> its original's id

    def original_of(self, document: Document) -> str | None:
        """The id of the earlier original this document republishes, None if it is new; the
        document is remembered either way."""
        if document.id in self._signatures or document.id in self._originals:
            return self._originals.get(document.id)  # an exact copy: the store skips it
        signature = _signature(document.text)
        if signature is None:
            return None
        # The most similar original; on a tie the one read first, so the answer does not
        # depend on the order of the LSH's sets.
        scored: list[tuple[float, int, str]] = [
            (float(signature.jaccard(self._signatures[key])), -self._order[key], key)
            for key in self._lsh.query(signature)]
        best = max((entry for entry in scored if entry[0] >= self.threshold), default=None)
        if best is None:
            # Only originals are indexed: a story republished a hundred times is then compared
            # with its one original, not with its ninety-nine copies.
            self._lsh.insert(document.id, signature)
            self._signatures[document.id] = signature
            self._order[document.id] = len(self._order)
            return None
        self._originals[document.id] = best[2]
        return best[2]


def mark_near_duplicates(items: Iterable[Item],
                         index: NearDuplicateIndex | None = None) -> Iterator[Item]:
    """The items, with each near-duplicate's Document linked to the first copy read."""
    index = index if index is not None else NearDuplicateIndex()
    for item in items:
        if item.document is not None and item.document.near_duplicate_of is None:
            original = index.original_of(item.document)
            if original is not None:
                document = dataclasses.replace(item.document, near_duplicate_of=original)
                item = dataclasses.replace(item, document=document)
        yield item


def _signature(text: str) -> MinHash | None:
    words = _WORD.findall(text.lower())
    if len(words) < MIN_WORDS:
        return None
    shingles = {" ".join(words[i:i + SHINGLE_WORDS]).encode("utf-8")
                for i in range(len(words) - SHINGLE_WORDS + 1)}
    signature = MinHash(num_perm=NUM_PERM)
    signature.update_batch(list(shingles))
    return signature
