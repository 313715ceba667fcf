"""Candidate pairs by blocking, then clustering: which mentions tell one incident.

Blocking keeps the work about linear in the number of mentions. A mention with a day- or
week-precise date sits in the 3-day buckets its widened interval covers, in its 0.25-degree cell
(or in no cell, when its place is a region or unknown). It is compared with the mentions of the
same buckets in its own and the eight neighbouring cells, with the places of the same name in
its country (namesakes the gazetteer put apart score as one place), with the regions of its
country and with the unplaced mentions; a region with everything in its country; an unplaced
mention with everything in its buckets. A month-precise mention is compared only with mentions
in its and the neighbouring cells over its months; a vaguer one, or a month-precise one with
no cell, only with the other events of its own story. Events of one story are always compared,
and so are two mentions of neighbouring 120-day seasons that share at least `SAME_NAMES` proper
names (names told around more than `NAME_POSTINGS` mentions of a season excepted), wherever they
are, and so are two mentions up to `FOLLOW_UP_DAYS` apart that share at least `SAME_PERSONS`
full names (a trial story and the shooting it retells; `PERSON_POSTINGS` likewise).

Clustering is single-link over edges (`pair_score` >= `LINK_THRESHOLD`) with a veto: edges are
taken strongest first (ties by the mentions' keys, never by input order), and two clusters
merge only if at most `VETO_SHARE` of the pairs of stories across them conflict (two stories
conflict when every pair of their events does, `conflict`); refused
edges are tried again, in the same order, until a pass merges nothing. The result depends only
on the set of mentions, and only within each connected component of the edges, which is what
lets `fogwatch ingest` relink just the components that new events touch.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from fogwatch.linking.mentions import Mention
from fogwatch.linking.score import (
    FOLLOW_UP_DAYS,
    LINK_THRESHOLD,
    SAME_NAMES,
    SAME_PERSONS,
    conflict,
    pair_score,
)

__all__ = [
    "BUCKET_DAYS",
    "FINE_SPAN_DAYS",
    "MONTH_SPAN_DAYS",
    "REACH_DAYS",
    "SEASON_DAYS",
    "candidate_pairs",
    "cluster",
    "components",
    "edges",
    "name_keys",
    "person_keys",
]

BUCKET_DAYS = 3
# Widened intervals up to this long are blocked by 3-day buckets (day and week precision) ...
FINE_SPAN_DAYS = 16
# ... up to this long by month (month precision); longer ones link within their story only.
MONTH_SPAN_DAYS = 80
# No two mentions whose dates lie further apart than this are ever compared (except within one
# story): incremental linking loads the stored mentions this close to the new ones.
REACH_DAYS = 2 * MONTH_SPAN_DAYS

# A name told around more mentions of one season than this does not find candidates.
NAME_POSTINGS = 40
# A full name told around more mentions of one season than this does not find candidates.
PERSON_POSTINGS = 30
# Names are indexed by 120-day seasons; a mention looks in its own and the neighbouring ones.
SEASON_DAYS = 120
# Two clusters merge unless more than this share of the pairs of stories across them conflict.
# Stories, not events, are compared: one misplaced or misdated event among a story's several
# (an arrest days later, a year misread) must not keep the story apart, but one story whose
# every event conflicts is reason enough. On the gva set, counting event pairs with a share of
# 0.5 gave pairwise precision 0.846 / recall 0.689; story pairs with 0.5 gave 0.699 / 0.799,
# with 0.3 0.800 / 0.757, with 0.2 0.847 / 0.737, with 0 0.845 / 0.727.
VETO_SHARE = 0.2

_NEIGHBOURS = tuple((dy, dx) for dy in (-1, 0, 1) for dx in (-1, 0, 1))
Cell = tuple[int, int]


def candidate_pairs(mentions: Sequence[Mention]) -> Iterator[tuple[int, int]]:
    """Index pairs (i < j) of mentions worth scoring, each once."""
    for i, partners in _blocked_partners(mentions):
        for j in sorted(partners):
            yield (i, j) if i < j else (j, i)


def edges(mentions: Sequence[Mention]) -> list[tuple[float, int, int]]:
    """The scored candidate pairs at or above the link threshold, strongest first."""
    found = []
    for i, j in candidate_pairs(mentions):
        score = pair_score(mentions[i], mentions[j])
        if score >= LINK_THRESHOLD:
            found.append((score, i, j))
    found.sort(key=lambda e: (-e[0], mentions[e[1]].key, mentions[e[2]].key))
    return found


def cluster(mentions: Iterable[Mention]) -> list[list[Mention]]:
    """The mentions grouped into incidents; each group sorted by key, groups by first key."""
    ordered = sorted(mentions, key=lambda m: m.key)
    parent = list(range(len(ordered)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(ordered))}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    pending = edges(ordered)
    while pending:  # a merge refused now may be allowed once the clusters have grown
        refused = []
        for edge in pending:
            ri, rj = root(edge[1]), root(edge[2])
            if ri == rj:
                continue
            if _vetoed(ordered, members[ri], members[rj]):
                refused.append(edge)
                continue
            keep, gone = (ri, rj) if ri < rj else (rj, ri)
            parent[gone] = keep
            members[keep].extend(members.pop(gone))
        if len(refused) == len(pending):
            break
        pending = refused
    groups = [sorted((ordered[i] for i in group), key=lambda m: m.key)
              for group in members.values()]
    return sorted(groups, key=lambda g: g[0].key)


def components(mentions: Sequence[Mention]) -> list[set[int]]:
    """Connected components (index sets) of the link edges; singletons included."""
    parent = list(range(len(mentions)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for _, i, j in edges(mentions):
        parent[root(i)] = root(j)
    found: dict[int, set[int]] = defaultdict(set)
    for i in range(len(mentions)):
        found[root(i)].add(i)
    return list(found.values())


def _vetoed(mentions: Sequence[Mention], left: list[int], right: list[int]) -> bool:
    """Whether more than VETO_SHARE of the pairs of stories across two clusters conflict.
    Two stories conflict when every pair of their events does: a story that also tells an
    arrest or a funeral on other days must not keep it from the story of the shooting."""
    together: dict[tuple[str, str], bool] = {}
    for a in left:
        for b in right:
            stories = (mentions[a].key[0], mentions[b].key[0])
            if not together.get(stories, False):
                together[stories] = conflict(mentions[a], mentions[b]) is None
    apart = sum(not ok for ok in together.values())
    return apart > VETO_SHARE * len(together)


@dataclass(slots=True)
class _Blocks:
    """The blocking indexes: mention indices by story, by (3-day bucket, cell / region country
    / country), by bucket alone (unplaced, all), by (month, cell) and by (season, name)."""

    by_doc: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    fine_cell: dict[tuple[int, Cell], list[int]] = field(
        default_factory=lambda: defaultdict(list))
    fine_region: dict[tuple[int, str], list[int]] = field(
        default_factory=lambda: defaultdict(list))
    fine_country: dict[tuple[int, str], list[int]] = field(
        default_factory=lambda: defaultdict(list))
    fine_loose: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))
    fine_name: dict[tuple[int, str, str], list[int]] = field(
        default_factory=lambda: defaultdict(list))
    fine_all: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))
    month_cell: dict[tuple[int, Cell], list[int]] = field(
        default_factory=lambda: defaultdict(list))
    named: dict[tuple[int, str], list[int]] = field(default_factory=lambda: defaultdict(list))
    persons: dict[tuple[int, str], list[int]] = field(
        default_factory=lambda: defaultdict(list))


def _season_keys(m: Mention, words: frozenset[str]) -> set[tuple[int, str]]:
    """(season, word) for every 120-day season a dated mention's interval touches."""
    if not m.dated or m.span_days > MONTH_SPAN_DAYS:
        return set()
    seasons = range(m.first // SEASON_DAYS, m.last // SEASON_DAYS + 1)
    return {(season, word) for season in seasons for word in words}


def person_keys(m: Mention) -> set[tuple[int, str]]:
    """The (season, full name) keys a mention is indexed under for follow-up candidates."""
    return _season_keys(m, m.persons)


def name_keys(m: Mention) -> set[tuple[int, str]]:
    """The (season, name) keys a mention is indexed under for candidates by shared names."""
    return _season_keys(m, m.names)


def _blocks(mentions: Sequence[Mention]) -> _Blocks:
    blocks = _Blocks()
    for i, m in enumerate(mentions):
        blocks.by_doc[m.key[0]].append(i)
        if not m.dated:
            continue
        for key in name_keys(m):
            blocks.named[key].append(i)
        for key in person_keys(m):
            blocks.persons[key].append(i)
        country, named = _country(m), _place_name(m)
        if m.span_days <= FINE_SPAN_DAYS:
            for bucket in _buckets(m):
                blocks.fine_all[bucket].append(i)
                if country is not None:
                    blocks.fine_country[(bucket, country)].append(i)
                if named is not None:
                    blocks.fine_name[(bucket, *named)].append(i)
                if m.cell is not None:
                    blocks.fine_cell[(bucket, m.cell)].append(i)
                elif country is not None:
                    blocks.fine_region[(bucket, country)].append(i)
                else:
                    blocks.fine_loose[bucket].append(i)
        if m.cell is not None and m.span_days <= MONTH_SPAN_DAYS:
            for month in _months(m):
                blocks.month_cell[(month, m.cell)].append(i)
    return blocks


def _blocked_partners(mentions: Sequence[Mention]) -> Iterator[tuple[int, set[int]]]:
    blocks = _blocks(mentions)
    for i, m in enumerate(mentions):
        # Each pair is found from its smaller index, except that a month-precise mention also
        # reaches the day-precise ones of its cells (which never look at month buckets).
        partners = {j for j in blocks.by_doc[m.key[0]] if j > i}
        if m.dated and m.span_days <= FINE_SPAN_DAYS:
            for bucket in _buckets(m):
                partners.update(j for j in _bucket_partners(blocks, bucket, m) if j > i)
        elif m.dated and m.cell is not None and m.span_days <= MONTH_SPAN_DAYS:
            for month in _months(m):
                partners.update(j for j in _near(blocks.month_cell, month, m.cell)
                                if j > i or (mentions[j].span_days <= FINE_SPAN_DAYS
                                             and mentions[j].key[0] != m.key[0]))
            partners.discard(i)
        if m.dated and m.span_days <= MONTH_SPAN_DAYS:
            for season in range(m.first // SEASON_DAYS - 1, m.last // SEASON_DAYS + 2):
                partners.update(_sharing_names(blocks.named, season, m, i))
        if m.persons and m.dated and m.span_days <= MONTH_SPAN_DAYS:
            partners.update(_sharing_persons(blocks.persons, m, i))
        yield i, partners


def _bucket_partners(blocks: _Blocks, bucket: int, m: Mention) -> Iterable[int]:
    country, named = _country(m), _place_name(m)
    same_name = blocks.fine_name.get((bucket, *named), ()) if named is not None else ()
    if m.cell is not None:
        return [*blocks.fine_loose[bucket], *_near(blocks.fine_cell, bucket, m.cell),
                *(blocks.fine_region[(bucket, country)] if country else ()), *same_name]
    if country is not None:  # a region: anything in its country, or unplaced
        return [*blocks.fine_loose[bucket], *blocks.fine_country[(bucket, country)]]
    return blocks.fine_all[bucket]


def _sharing_names(index: dict[tuple[int, str], list[int]], season: int, m: Mention,
                   i: int) -> set[int]:
    """Later mentions of the season sharing at least SAME_NAMES names with `m`, wherever they
    are placed; a name told by more than NAME_POSTINGS mentions of a season is too common."""
    counts: dict[int, int] = defaultdict(int)
    for name in m.names:
        postings = index.get((season, name), ())
        if len(postings) <= NAME_POSTINGS:
            for j in postings:
                if j > i:
                    counts[j] += 1
    return {j for j, n in counts.items() if n >= SAME_NAMES}


def _sharing_persons(index: dict[tuple[int, str], list[int]], m: Mention, i: int) -> set[int]:
    """Later mentions sharing at least SAME_PERSONS full names with `m`, dated up to
    FOLLOW_UP_DAYS either side of it, wherever they are placed; a name told by more than
    PERSON_POSTINGS mentions of a season does not find candidates in that season."""
    shared: dict[int, set[str]] = defaultdict(set)
    for season in range((m.first - FOLLOW_UP_DAYS) // SEASON_DAYS - 1,
                        (m.last + FOLLOW_UP_DAYS) // SEASON_DAYS + 2):
        for name in m.persons:
            postings = index.get((season, name), ())
            if len(postings) <= PERSON_POSTINGS:
                for j in postings:
                    if j > i:
                        shared[j].add(name)
    return {j for j, names in shared.items() if len(names) >= SAME_PERSONS}


def _country(m: Mention) -> str | None:
    return m.event.place.country if m.event.place is not None else None


def _place_name(m: Mention) -> tuple[str, str] | None:
    """(country, name) of a town- or district-precise place: two places of one name in one
    country score as one place (score.py), so they are compared even when the gazetteer put
    them in different cells (one of the two namesakes was misread)."""
    place = m.event.place
    if place is None or place.country is None or place.precision >= 3:
        return None
    return place.country, place.name.lower()


def _near(index: dict[tuple[int, Cell], list[int]], key: int, cell: Cell) -> Iterator[int]:
    for dy, dx in _NEIGHBOURS:
        yield from index.get((key, (cell[0] + dy, cell[1] + dx)), ())


def _buckets(m: Mention) -> range:
    return range(m.first // BUCKET_DAYS, m.last // BUCKET_DAYS + 1)


def _months(m: Mention) -> list[int]:
    first, last = dt.date.fromordinal(m.first), dt.date.fromordinal(m.last)
    return list(range(first.year * 12 + first.month - 1, last.year * 12 + last.month))
