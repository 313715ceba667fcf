"""The store counts changes to its incidents, and the web layer keeps the incidents and their
alerts between requests until that count moves (on SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt

from fogwatch.store import Store
from fogwatch.web.linked import linked

from .stories import KANSAFRA, link_all, story


def test_the_incidents_are_read_again_only_after_they_change(store: Store) -> None:
    story(store, "A strike hit Kansafra on Monday.", dt.date(2024, 3, 4), KANSAFRA, 2)
    link_all(store)
    first = linked(store)
    assert len(first.incidents) == 1
    assert linked(store) is first  # nothing changed: the same object, nothing re-read
    story(store, "Jets struck Kansafra again a month later.", dt.date(2024, 4, 8), KANSAFRA, 2)
    assert linked(store) is first  # a new event is not an incident until it is linked
    link_all(store)
    second = linked(store)
    assert second.generation == first.generation + 1
    assert len(second.incidents) == 2


def test_every_change_to_the_incidents_counts_and_nothing_else(store: Store) -> None:
    before = store.incidents_generation()
    store.replace_incidents((), ())  # changes nothing
    assert store.incidents_generation() == before
    store.replace_incidents((), (), everything=True)  # forgets every incident
    story(store, "A strike hit Kansafra on Monday.", dt.date(2024, 3, 4), KANSAFRA, 2)
    link_all(store)
    assert store.incidents_generation() == before + 2
