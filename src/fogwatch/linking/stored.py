"""Linking over the store: the one place that moves mentions between the store and the linker
(`fogwatch link`, `fogwatch ingest` and the web write route call it)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from fogwatch.linking import Mention, Relinking, link, mention_of, pool_window, relink
from fogwatch.store import Store

__all__ = ["LinkSummary", "link_stored_events"]


@dataclass(frozen=True, slots=True)
class LinkSummary:
    """What one linking run did."""

    events: int
    incidents_added: int
    incidents_removed: int

    def text(self) -> str:
        if not self.events:
            return "no new events to link"
        return (f"linked {self.events} event{'s' if self.events != 1 else ''}: "
                f"{self.incidents_added} incident{'s' if self.incidents_added != 1 else ''} "
                f"stored, {self.incidents_removed} replaced")


def link_stored_events(store: Store, *, rebuild: bool = False) -> LinkSummary:
    """Link the store's unlinked events (all events with `rebuild`) and store the incidents."""
    if rebuild:
        mentions = [mention_of(event, document) for event, document in store.event_documents()]
        incidents = link(mentions)
        store.replace_incidents((), incidents, everything=True)
        return LinkSummary(len(mentions), len(incidents), 0)
    new = [mention_of(e, d) for e, d in store.event_documents(unlinked_only=True)]
    if not new:
        return LinkSummary(0, 0, 0)
    dated = [m for m in new if m.dated]
    first = min((m.first for m in dated), default=dt.date.today().toordinal())
    last = max((m.last for m in dated), default=first)
    while True:
        window = pool_window(first, last)
        change = _relink_in(store, new, window)
        if change.covered(*window) or not dated:
            break
        first, last = min(first, change.first), max(last, change.last)
    store.replace_incidents(change.removed, change.incidents)
    return LinkSummary(len(new), len(change.incidents), len(change.removed))


def _relink_in(store: Store, new: list[Mention], window: tuple[int, int]) -> Relinking:
    start = dt.date.fromordinal(max(1, window[0]))
    end = dt.date.fromordinal(min(dt.date.max.toordinal(), window[1]))
    nearby = [mention_of(e, d) for e, d in store.event_documents(start=start, end=end)]
    memberships = store.incident_memberships(m.key for m in nearby)
    return relink(new, nearby, memberships)
