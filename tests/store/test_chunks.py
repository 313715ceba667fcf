"""Lookups by more keys than one statement may bind: split into sorted chunks, nothing lost."""

from __future__ import annotations

from fogwatch.records import Document, Extraction, Fingerprint, content_hash
from fogwatch.store import Store
from fogwatch.store.chunks import CHUNK, chunks


def test_keys_come_distinct_sorted_and_in_bounded_chunks() -> None:
    assert list(chunks(["c", "a", "b", "a", "d"], size=2)) == [["a", "b"], ["c", "d"]]
    assert list(chunks([("d2", "e1"), ("d1", "e9"), ("d1", "e2")], size=5)) == [
        [("d1", "e2"), ("d1", "e9"), ("d2", "e1")]]
    assert list(chunks([])) == []
    assert [len(c) for c in chunks(range(CHUNK * 2 + 1))] == [CHUNK, CHUNK, 1]


def test_lookups_over_several_chunks_find_every_stored_key(store: Store) -> None:
    texts = [f"story number {n}" for n in range(CHUNK + 5)]
    for n, text in enumerate(texts):
        store.add(Extraction(document=Document(id=content_hash(text), text=text, ref=f"r{n}")),
                  fingerprint=Fingerprint(bytes([n % 256]), (f"0:{n}",)))
    ids = [content_hash(text) for text in texts]
    asked = [*ids, "not-stored"]
    assert store.stored_ids(asked) == set(ids)
    assert store.refs(asked) == {content_hash(t): f"r{n}" for n, t in enumerate(texts)}
    assert set(store.stored_at(asked)) == set(ids)
    found = store.similar_documents([f"0:{n}" for n in range(CHUNK + 5)] + ["9:none"])
    assert len(found) == CHUNK + 5
    assert list(found) == sorted(found)
