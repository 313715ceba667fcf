"""Near-duplicates: the same wire story republished by several outlets, lightly edited.

Exact copies share a content hash and are stored once; a near-duplicate has a different hash and
is stored, but marked `near_duplicate_of=<id of the first copy read>` so it is not counted as an
independent source.

Threshold: two documents are near-duplicates when the Jaccard similarity of their sets of word
5-grams, estimated with MinHash (128 permutations, datasketch), is at least 0.6. Measured on a
70-word story (tests/ingest/test_near_duplicates.py): a copy with a new dateline and footer
scores 0.89 (longer stories score higher), one with its last third cut 0.70, and another
outlet's own report of the same attack 0.0. Texts of fewer than 25 words (headlines, captions)
are never marked: too short for the estimate to mean anything.

Across runs: the store keeps each original's signature and LSH band keys (a `Fingerprint`,
written in the same transaction as the document), and a document read later is compared with
the stored originals that share a band with it (`Store.similar_documents`, an index lookup).
On equal similarity the earliest original wins: a stored one before one read in this run.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING

import numpy as np

from fogwatch.ingest.items import Item
from fogwatch.records import Document, Fingerprint

if TYPE_CHECKING:  # datasketch (and the SciPy it loads) only when an index is made: CLI start-up
    from datasketch import MinHash  # type: ignore[import-untyped]

__all__ = ["MIN_WORDS", "NUM_PERM", "SHINGLE_WORDS", "THRESHOLD", "NearDuplicateIndex",
           "StoredLookup", "mark_near_duplicates"]

THRESHOLD = 0.6
NUM_PERM = 128
SHINGLE_WORDS = 5
# datasketch's hashing scheme, fixed: stored signatures are only comparable with new ones made
# the same way.
SCHEME = "affine32"
MIN_WORDS = 25
_WORD = re.compile(r"\w+")

# Stored originals sharing a band with the given band keys: doc id -> signature bytes
# (`Store.similar_documents`).
StoredLookup = Callable[[Iterable[str]], Mapping[str, bytes]]


class NearDuplicateIndex:
    """The documents seen so far, to find the original that a new document republishes."""

    def __init__(self, threshold: float = THRESHOLD, *, stored: StoredLookup | None = None
                 ) -> None:
        from datasketch import MinHashLSH

        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._stored = stored
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
        # The most similar original; on a tie the earliest: stored ones (in id order) before
        # those read in this run (in reading order), so the answer does not depend on the
        # order of the LSH's sets.
        scored: list[tuple[float, int, int, str]] = [
            (float(signature.jaccard(self._signatures[key])), -1, -self._order[key], key)
            for key in self._lsh.query(signature)]
        scored.extend(self._stored_candidates(document.id, signature))
        best = max((entry for entry in scored if entry[0] >= self.threshold), default=None)
        if best is None:
            # Only originals are indexed: a story republished a hundred times is then compared
            # with its one original, not with its ninety-nine copies.
            self._lsh.insert(document.id, signature)
            self._signatures[document.id] = signature
            self._order[document.id] = len(self._order)
            return None
        self._originals[document.id] = best[3]
        return best[3]

    def fingerprint(self, doc_id: str) -> Fingerprint | None:
        """What the store keeps of an original read in this run (None for a near-duplicate,
        a short text or a document not seen)."""
        signature = self._signatures.get(doc_id)
        if signature is None:
            return None
        return Fingerprint(signature=_as_bytes(signature),
                           bands=band_keys(signature, self._lsh.b, self._lsh.r))

    def _stored_candidates(self, doc_id: str, signature: MinHash
                           ) -> list[tuple[float, int, int, str]]:
        if self._stored is None:
            return []
        found = self._stored(band_keys(signature, self._lsh.b, self._lsh.r))
        return [(float(signature.jaccard(_from_bytes(raw))), 0, -position, key)
                for position, (key, raw) in enumerate(sorted(found.items()))
                if key != doc_id]  # the same text stored before: the store skips it


def band_keys(signature: MinHash, bands: int, rows: int) -> tuple[str, ...]:
    """One key per LSH band: its number and a hash of its rows of the signature."""
    values = np.asarray(signature.hashvalues, dtype="<u8")
    return tuple(f"{band}:{_digest(values[band * rows:(band + 1) * rows].tobytes())}"
                 for band in range(bands))


def _digest(raw: bytes) -> str:
    return hashlib.blake2b(raw, digest_size=8).hexdigest()


def _as_bytes(signature: MinHash) -> bytes:
    return np.asarray(signature.hashvalues, dtype="<u8").tobytes()


def _from_bytes(raw: bytes) -> MinHash:
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, scheme=SCHEME,
                   hashvalues=np.frombuffer(raw, dtype="<u8").astype(np.uint64))


def mark_near_duplicates(items: Iterable[Item],
                         index: NearDuplicateIndex | None = None) -> Iterator[Item]:
    """The items, with each near-duplicate's Document linked to the first copy read, and each
    original's Fingerprint attached for the store."""
    index = index if index is not None else NearDuplicateIndex()
    for item in items:
        document = item.document
        if document is not None and document.near_duplicate_of is None:
            original = index.original_of(document)
            if original is not None:
                document = dataclasses.replace(document, near_duplicate_of=original)
                item = dataclasses.replace(item, document=document)
            else:
                item = dataclasses.replace(item, fingerprint=index.fingerprint(document.id))
        yield item


def _signature(text: str) -> MinHash | None:
    words = _WORD.findall(text.lower())
    if len(words) < MIN_WORDS:
        return None
    shingles = {" ".join(words[i:i + SHINGLE_WORDS]).encode("utf-8")
                for i in range(len(words) - SHINGLE_WORDS + 1)}
    from datasketch import MinHash

    signature = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    signature.update_batch(list(shingles))
    return signature
