"""The store counts changes to its incidents, and the web layer keeps the incidents and their
alerts between requests until that count moves (on SQLite and PostgreSQL)."""

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
from fogwatch.web.linked import linked

KANSAFRA = Place("Kansafra", "Idlib", None, "SYR", 35.66, 36.48, 169304, "PPL", 1)


def _story(store: Store, text: str, day: dt.date) -> None:
    doc = Document(id=content_hash(text), text=text, published=day)
    event = Event(id="e1", doc_id=doc.id, event_type="Explosions/Remote violence",
                  sub_event_type="Air/drone strike", plover=Plover("ASSAULT", "aerial"),
                  place=KANSAFRA, when=When(day, day, "day"), fatalities=Fatalities(2, 2, 2))
    store.add(Extraction(doc, events=(event,)))


def _link_all(store: Store) -> None:
    mentions = [mention_of(e, d) for e, d in store.event_documents()]
    store.replace_incidents((), link(mentions), everything=True)


def test_the_incidents_are_read_again_only_after_they_change(store: Store) -> None:
    _story(store, "A strike hit Kansafra on Monday.", dt.date(2024, 3, 4))
    _link_all(store)
    first = linked(store)
    assert len(first.incidents) == 1
    assert linked(store) is first  # nothing changed: the same object, nothing re-read
    _story(store, "Jets struck Kansafra again a month later.", dt.date(2024, 4, 8))
    assert linked(store) is first  # a new event is not an incident until it is linked
    _link_all(store)
    second = linked(store)
    assert second.generation == first.generation + 1
    assert len(second.incidents) == 2


def test_every_change_to_the_incidents_counts(store: Store) -> None:
    before = store.incidents_generation()
    store.replace_incidents((), ())
    store.replace_incidents((), (), everything=True)
    assert store.incidents_generation() == before + 2
