"""The store keeps originals' near-duplicate fingerprints and finds them by band, on SQLite
and PostgreSQL alike."""

from __future__ import annotations

import sqlalchemy as sa

from fogwatch.records import Document, Extraction, Fingerprint, content_hash
from fogwatch.store import Store, schema

FIRST = Fingerprint(signature=bytes(range(16)), bands=("0:aa", "1:bb", "2:cc"))
SECOND = Fingerprint(signature=bytes(range(16, 32)), bands=("0:aa", "1:dd", "2:ee"))


def _extraction(text: str, near_duplicate_of: str | None = None) -> Extraction:
    return Extraction(document=Document(id=content_hash(text), text=text,
                                        near_duplicate_of=near_duplicate_of))


def test_documents_sharing_a_band_are_candidates_with_their_signatures(store: Store) -> None:
    store.add(_extraction("first story"), fingerprint=FIRST)
    store.add(_extraction("second story"), fingerprint=SECOND)
    store.add(_extraction("a copy", near_duplicate_of=content_hash("first story")))
    assert store.similar_documents(["1:bb", "9:zz"]) == {
        content_hash("first story"): FIRST.signature}
    assert store.similar_documents(["0:aa"]) == {content_hash("first story"): FIRST.signature,
                                                 content_hash("second story"): SECOND.signature}
    assert store.similar_documents(["5:none"]) == {}
    assert store.similar_documents([]) == {}


def test_a_document_already_stored_keeps_its_first_fingerprint(store: Store) -> None:
    assert store.add(_extraction("first story"), fingerprint=FIRST)
    assert not store.add(_extraction("first story"), fingerprint=SECOND)
    assert store.similar_documents(["1:dd"]) == {}


def test_the_link_to_the_original_is_a_column(store: Store) -> None:
    store.add(_extraction("a copy", near_duplicate_of="abc"))
    query = sa.select(schema.documents.c.near_duplicate_of)
    with store._connect() as conn:
        assert conn.execute(query).scalars().all() == ["abc"]
