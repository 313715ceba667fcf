"""The stored incidents and their alerts, kept in memory between requests until the store's
incidents change (`Store.incidents_generation`), so the dyad and alert routes do not read and
re-analyse every incident on each request."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from fogwatch.analysis import Alert, alerts
from fogwatch.records import Incident
from fogwatch.store import Store

__all__ = ["Linked", "linked"]


@dataclass(frozen=True, slots=True)
class Linked:
    """Every stored incident (date order) and every alert over them, as of `generation`."""

    generation: int
    incidents: tuple[Incident, ...]
    alerts: tuple[Alert, ...]


_CACHE: dict[str, Linked] = {}  # by the store's URL (password masked)
_LOCK = threading.Lock()


def linked(store: Store) -> Linked:
    """The incidents and alerts of `store`, recomputed only when its incidents have changed.

    The generation is read before the incidents: a change landing in between gives a newer
    set under an older number, which the next call recomputes; never the reverse."""
    generation = store.incidents_generation()
    with _LOCK:
        cached = _CACHE.get(str(store.url))
    if cached is not None and cached.generation == generation:
        return cached
    incidents = tuple(store.incidents())
    fresh = Linked(generation, incidents, tuple(alerts(list(incidents))))
    with _LOCK:
        _CACHE[str(store.url)] = fresh
    return fresh
