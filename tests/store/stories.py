"""Stories for the store's incident tests: one strike event per document, and linking all of
them (shared by test_incidents and test_generation)."""

from __future__ import annotations

import datetime as dt

from fogwatch.linking import link, mention_of
from fogwatch.records import (
    Document,
    Event,
    Extraction,
    Fatalities,
    Place,
    Plover,
    When,
    content_hash,
)
from fogwatch.store import Store

__all__ = ["ANKARA", "KANSAFRA", "link_all", "story"]

KANSAFRA = Place("Kansafra", "Idlib", None, "SYR", 35.66, 36.48, 169304, "PPL", 1)
ANKARA = Place("Ankara", "Ankara", None, "TUR", 39.92, 32.85, 323786, "PPLC", 1)


def story(store: Store, text: str, published: dt.date, place: Place, killed: int) -> Document:
    doc = Document(id=content_hash(text), text=text, published=published, ref=text[:8])
    event = Event(id=f"e-{doc.id[:6]}", doc_id=doc.id, event_type="Explosions/Remote violence",
                  sub_event_type="Air/drone strike", plover=Plover("ASSAULT", "aerial"),
                  place=place, when=When(published, published, "day"),
                  fatalities=Fatalities(killed, killed, killed))
    store.add(Extraction(doc, events=(event,)))
    return doc


def link_all(store: Store) -> None:
    mentions = [mention_of(e, d) for e, d in store.event_documents()]
    store.replace_incidents((), link(mentions), everything=True)
