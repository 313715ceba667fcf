"""The one write route's work: a posted article goes through the same path as
`fogwatch ingest` (reading, near-duplicate marking against the store, extraction, one
transaction in the store, then linking its events into incidents)."""

from __future__ import annotations

from dataclasses import dataclass

from fogwatch.errors import FogwatchError
from fogwatch.ingest.documents import document_from_record
from fogwatch.ingest.items import Item
from fogwatch.ingest.near_duplicates import NearDuplicateIndex, mark_near_duplicates
from fogwatch.ingest.run import ingest_items
from fogwatch.linking.stored import link_stored_events
from fogwatch.store import Store
from fogwatch.web.schemas import DocumentIn

__all__ = ["ORIGIN", "Stored", "ingest_document"]

ORIGIN = "POST /api/documents"


@dataclass(frozen=True, slots=True)
class Stored:
    """What became of a posted document: new, or already stored."""

    status: str
    content_hash: str
    doc_id: str
    near_duplicate_of: str | None


def ingest_document(store: Store, posted: DocumentIn) -> Stored:
    """Extract and store one posted article and link its events. InputError for an unusable
    one; StoreError when the store cannot take it. The caller runs one at a time (one writer)."""
    record = posted.model_dump()
    if posted.published is not None:
        record["published"] = posted.published.isoformat()
    document = document_from_record(record, path=ORIGIN)
    items = list(mark_near_duplicates([Item(ORIGIN, document.ref, document, None)],
                                      NearDuplicateIndex(stored=store.similar_documents)))
    marked = items[0].document or document
    outcomes = list(ingest_items(items, store))
    outcome = outcomes[0]
    if outcome.status == "failed":
        raise FogwatchError(outcome.error or f"{ORIGIN}: the document could not be stored")
    if outcome.status == "new":
        link_stored_events(store)
    return Stored(status=outcome.status, content_hash=document.id,
                  doc_id=document.ref or document.id, near_duplicate_of=marked.near_duplicate_of)
