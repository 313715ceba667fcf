"""How alike two mentions are, and when they can never be one incident.

`conflict` is the veto: two mentions whose types are incompatible, whose dates cannot overlap,
or whose towns are clearly different, are never linked directly (and clusters they would join
are kept apart when most pairs across them conflict). Two reports that share several proper
names around their evidence (`SAME_NAMES`) may still be linked across a misread place or a date
up to `NAMED_GAP_DAYS` apart: a follow-up story is often dated by its own news peg. Two reports
that name the same people in full (`SAME_PERSONS`), in one state or unplaced, may be up to
`FOLLOW_UP_DAYS` apart and placed apart: a trial or sentencing story retells the shooting.
`pair_score` adds up the evidence that they tell one incident; a pair scoring at least
`LINK_THRESHOLD` is an edge for clustering (linking/clustering.py). The weights below were set
by reasoning about what each kind of agreement means, then checked on the gva linking set.
"""

from __future__ import annotations

import math

from fogwatch.linking.mentions import Mention, place_words
from fogwatch.records import Place

__all__ = [
    "FOLLOW_UP_DAYS",
    "LINK_THRESHOLD",
    "NAMED_GAP_DAYS",
    "NEAR_KM",
    "SAME_NAMES",
    "SAME_PERSONS",
    "SAME_TOWN_KM",
    "WEIGHTS",
    "conflict",
    "distance_km",
    "pair_score",
]

# Places within this distance (or in the same admin2 unit) can be one incident's place.
NEAR_KM = 25.0
# Two different towns, both named precisely, further apart than this are different incidents.
SAME_TOWN_KM = 5.0
# ... unless the two reports share this many proper names around their evidence (the victims',
# the suspects', the street's): then one of the two places was probably misread.
SAME_NAMES = 3
# Reports sharing those names may be dated this far apart (a later story retelling the event
# gets dated by its own news peg, such as an arrest or a funeral). On the gva set, 3 names and
# 120 days gave pairwise precision 0.77 / recall 0.58, 3 names and 60 days 0.81 / 0.59, 4 names
# and 60 days 0.87 / 0.53.
NAMED_GAP_DAYS = 60
# Reports naming this many people in full ("first last") in common, in one state (the same
# country and first-level unit, or either unplaced), may be this far apart: a trial, plea or
# sentencing story comes months or years after the shooting it retells. On the gva set one full
# name gave pairwise precision 0.72 / recall 0.73, two 0.85 / 0.69, none 0.86 / 0.68.
SAME_PERSONS = 2
FOLLOW_UP_DAYS = 1200

WEIGHTS = {
    "same_day": 1.0,        # both day-precise, the same day
    "dates_overlap": 0.4,   # widened intervals overlap
    "same_place": 1.5,      # the same gazetteer entry (or name and country)
    "near_place": 0.7,      # within NEAR_KM, or the same admin2
    "told_place": 0.7,      # one is unplaced, but its story names the other's town
    "inside_unit": 0.3,     # a region-precise place that contains the other
    "same_document": 1.8,   # one story tells events of one incident more often than not
    "same_subtype": 0.3,
    "shared_country": 0.3,
    "same_killed": 0.5,     # the same non-zero death toll
    "shared_name": 0.45,    # per proper name shared around the evidence (up to 4)
}
MAX_SHARED_NAMES = 4
# Two mentions need about a day and a place, or a place and several names, to be linked.
LINK_THRESHOLD = 2.2


def conflict(a: Mention, b: Mention) -> str | None:
    """Why `a` and `b` can never be one incident, or None when they may be."""
    if not (a.families & b.families or "*" in a.families or "*" in b.families):
        return "incompatible types"
    if not a.dated or not b.dated:
        return "undated"
    named = len(a.names & b.names) >= SAME_NAMES
    pa, pb = a.event.place, b.event.place
    persons = len(a.persons & b.persons) >= SAME_PERSONS and _same_state(pa, pb)
    if a.last < b.first or b.last < a.first:
        gap = max(a.first, b.first) - min(a.last, b.last)
        if not ((named and gap <= NAMED_GAP_DAYS) or (persons and gap <= FOLLOW_UP_DAYS)):
            return "dates do not overlap"
    if (pa is not None and pb is not None and not (named or persons)
            and not _may_be_one_place(pa, pb)):
        return "different places"
    return None


def pair_score(a: Mention, b: Mention) -> float:
    """The evidence that `a` and `b` tell one incident (0 when they conflict)."""
    if conflict(a, b) is not None:
        return 0.0
    w = WEIGHTS
    score = w["dates_overlap"] if not (a.last < b.first or b.last < a.first) else 0.0
    if a.exact_day is not None and a.exact_day == b.exact_day:
        score += w["same_day"]
    score += _place_score(a.event.place, b.event.place)
    if _told_place(a, b) or _told_place(b, a):
        score += w["told_place"]
    if a.key[0] == b.key[0]:
        score += w["same_document"]
    if a.event.sub_event_type is not None and a.event.sub_event_type == b.event.sub_event_type:
        score += w["same_subtype"]
    if a.countries & b.countries:
        score += w["shared_country"]
    if a.killed and a.killed == b.killed:
        score += w["same_killed"]
    shared = len(a.names & b.names)
    score += w["shared_name"] * min(shared, MAX_SHARED_NAMES)
    return round(score, 6)


def _same_state(a: Place | None, b: Place | None) -> bool:
    """Whether two places may be in one state: the same country and first-level unit (when
    both are known), or either unplaced."""
    if a is None or b is None:
        return True
    if a.country != b.country:
        return False
    return a.admin1 is None or b.admin1 is None or a.admin1 == b.admin1


def distance_km(a: Place, b: Place) -> float | None:
    """Great-circle distance between two places, None when either has no coordinates."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _same_entry(a: Place, b: Place) -> bool:
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    return a.name.lower() == b.name.lower() and a.country == b.country


def _contains(region: Place, town: Place) -> bool:
    """Whether a region-precise place (precision 3) holds the other place."""
    if region.precision < 3 or region.country is None or region.country != town.country:
        return False
    if region.admin1 is None:
        return True  # a country-wide place holds anything in that country
    return region.admin1 == town.admin1 and (region.admin2 is None
                                              or region.admin2 == town.admin2)


def _may_be_one_place(a: Place, b: Place) -> bool:
    if _same_entry(a, b) or _contains(a, b) or _contains(b, a):
        return True
    if a.precision >= 3 or b.precision >= 3:
        return False  # a region that does not hold the other place
    km = distance_km(a, b)
    if km is not None and a.precision == 1 and b.precision == 1:
        return km <= SAME_TOWN_KM  # two towns named as the scene: the same only if adjoining
    if a.admin2 is not None and a.admin2 == b.admin2 and a.country == b.country:
        return True
    if km is None:
        return a.country is None or b.country is None or a.country == b.country
    return km <= NEAR_KM


def _told_place(placed: Mention, unplaced: Mention) -> bool:
    """Whether an unplaced mention's story names the other mention's town near its evidence
    (the event was not placed, but its story tells where)."""
    place = placed.event.place
    if place is None or unplaced.event.place is not None or place.precision >= 3:
        return False
    words = place_words(place)
    return bool(words) and words <= unplaced.names


def _place_score(a: Place | None, b: Place | None) -> float:
    if a is None or b is None:
        return 0.0
    if _same_entry(a, b):
        return WEIGHTS["same_place"]
    if _contains(a, b) or _contains(b, a):
        return WEIGHTS["inside_unit"]
    return WEIGHTS["near_place"]
