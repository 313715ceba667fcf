"""Linking: many reports' events -> incidents, with figures reconciled and certainty followed.

    mentions = [mention_of(event, document) for event, document in stored]
    incidents = link(mentions)                      # everything, from scratch
    change = relink(new_mentions, nearby_mentions, memberships)   # incremental

Pure functions: the caller (cli/link.py) reads the store and writes the result back.
`link` is deterministic and independent of the order of its input; `relink` gives exactly the
incidents `link` would give for the connected components that the new mentions touch.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from fogwatch.linking.clustering import (
    MONTH_SPAN_DAYS,
    REACH_DAYS,
    SEASON_DAYS,
    cluster,
    components,
    name_keys,
    person_keys,
)
from fogwatch.linking.mentions import Mention, mention_of
from fogwatch.linking.reconcile import fatalities, reconcile
from fogwatch.linking.score import FOLLOW_UP_DAYS, LINK_THRESHOLD, conflict, pair_score
from fogwatch.records import Incident

__all__ = [
    "LINK_THRESHOLD",
    "REACH_DAYS",
    "Mention",
    "Relinking",
    "conflict",
    "fatalities",
    "link",
    "mention_of",
    "pool_window",
    "pair_score",
    "reconcile",
    "relink",
]


def link(mentions: Iterable[Mention]) -> list[Incident]:
    """The incidents told by `mentions`, in the order of their first member's key."""
    return [reconcile(group) for group in cluster(mentions)]


@dataclass(frozen=True, slots=True)
class Relinking:
    """What incremental linking changes: incidents to drop and incidents to store instead.

    `first`..`last` (proleptic ordinals) is the widened date range of the mentions relinked;
    the caller must have passed every stored mention dated in `pool_window(first, last)` as
    `nearby`, or call again with a wider window (`covered` tells).
    """

    removed: tuple[str, ...]
    incidents: tuple[Incident, ...]
    first: int
    last: int

    def covered(self, window_first: int, window_last: int) -> bool:
        """Whether a pool of stored mentions dated in [window_first, window_last] was wide
        enough for this result to equal a full rebuild."""
        first, last = pool_window(self.first, self.last)
        return window_first <= first and last <= window_last


def pool_window(first: int, last: int) -> tuple[int, int]:
    """The dates (proleptic ordinals) whose stored mentions `relink` needs for mentions dated
    within [first, last]: every mention they could be linked with (`REACH_DAYS`, or
    `FOLLOW_UP_DAYS` for a follow-up story naming the same people), and whole 120-day seasons
    around those, so that the names indexes count what a rebuild counts (a mention is indexed
    over its widened dates, at most `MONTH_SPAN_DAYS` past its own date)."""
    reach = max(REACH_DAYS, FOLLOW_UP_DAYS)
    low = ((first - reach) // SEASON_DAYS - 1) * SEASON_DAYS - MONTH_SPAN_DAYS
    high = ((last + reach) // SEASON_DAYS + 2) * SEASON_DAYS + MONTH_SPAN_DAYS
    return low, high


def _index_keys(m: Mention) -> set[tuple[str, int, str]]:
    """The names-index keys of a mention, single names and full names apart."""
    return ({("name", *key) for key in name_keys(m)}
            | {("person", *key) for key in person_keys(m)})


def relink(new: Sequence[Mention], nearby: Sequence[Mention],
           memberships: Mapping[tuple[str, str], str]) -> Relinking:
    """Link `new` mentions into the stored ones around them.

    `nearby` are stored mentions that may link with the new ones (the caller loads
    `pool_window` around them); `memberships` gives the current incident id of stored mentions.
    Clustered again from scratch: the connected components that hold a new mention or a name
    the new mentions also tell in the same season (a name told more often may stop finding
    candidates), and, until nothing is added, every component and stored incident that shares
    a mention with those. Every stored incident that held one of their mentions is replaced.
    """
    pool = {m.key: m for m in nearby}
    pool.update((m.key, m) for m in new)
    mentions = sorted(pool.values(), key=lambda m: m.key)
    component_of: dict[tuple[str, str], int] = {}
    members: list[list[Mention]] = []
    for n, component in enumerate(components(mentions)):
        members.append([mentions[i] for i in component])
        component_of.update((mentions[i].key, n) for i in component)
    new_keys = {key for m in new for key in _index_keys(m)}
    frontier = {m.key for m in new} | {m.key for m in mentions
                                       if not new_keys.isdisjoint(_index_keys(m))}
    by_incident: dict[str, list[tuple[str, str]]] = {}
    for key, incident in memberships.items():
        by_incident.setdefault(incident, []).append(key)
    touched: set[tuple[str, str]] = set()
    held: set[str] = set()
    while frontier:
        touched |= frontier
        grown = {m.key for key in frontier for m in members[component_of[key]]}
        incidents = {memberships[key] for key in grown if key in memberships} - held
        held |= incidents
        grown |= {key for incident in incidents for key in by_incident[incident] if key in pool}
        frontier = grown - touched
    chosen = [pool[key] for key in sorted(touched)]
    dated = [m for m in chosen if m.dated]
    return Relinking(
        removed=tuple(sorted(held)),
        incidents=tuple(link(chosen)),
        first=min((m.first for m in dated), default=0),
        last=max((m.last for m in dated), default=0),
    )
