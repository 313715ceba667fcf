"""Toponym resolution: which gazetteer entry each name of a document means.

Every entry of a name is a candidate. A candidate scores log10 of its population, plus bonuses
for being a country (names of countries are rarely towns), a capital or a unit; for the
document's other names falling in the same country or unit or nearby; and, most, for the
container the text puts it in ("Paris, Texas", "Kansafra in Idlib"). Three passes: each
rescores every name by the other names' picks of the pass before.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from fogwatch.gazetteer import Entry, exact_key

__all__ = ["Toponym", "km", "resolve"]

# Weights of the resolution score (see `_best`), added to log10 of the population.
COUNTRY_BONUS = 3.5
ADMIN1_BONUS = 0.5
TOWN_FIRST = -0.5
MAIN_TOWN_SHARE = 0.05  # a town this big a part of its namesake unit is what the name means
CAPITAL_BONUS = 1.5
SAME_COUNTRY = 1.0  # for each other name in the same country, up to SAME_COUNTRY_MAX
SAME_COUNTRY_MAX = 3.0
SAME_UNIT = 1.0
CONTAINED = 4.0
COUNTY_PAIR = 5.0  # a town in a county the document names, and that county
NEARBY = 1.0
NEARBY_KM = 100.0
LOOSE_PENALTY = 1.0
ALT_PENALTY = 1.5  # a town matched only by an alternate name, beside a place of that own name
ADMIN2_PENALTY = 1.0  # a bare name means the town before the district or county named after it
DISTRICT_SEAT = 1.0  # a town X inside a district X is what "X" and "X district" mean
PASSES = 3
REGION_TOWN_MIN = 50_000  # a town the model tagged as a region (LOC), when no region has its name
FOREIGN_TOWN_MAX = 100_000  # a town abroad this big is what a story elsewhere may mean
# ... and this big when the name starts a longer one ("New York Times", "Moscow Times")
CUT_TOWN_MAX = 1_000_000
INSIDE_TOWN_KM = 50.0  # how far a town the text puts inside a town may lie from it
# A town after a comma is a list's next item when this big ("Nicosia, Larnaca"), not the
# province of the name before it
LISTED_TOWN_MIN = 50_000


@dataclass(frozen=True, slots=True)
class Toponym:
    """What resolution needs of one mention. `want` narrows the kind: "admin1" ("Idlib
    province"), "city" ("Afrin district"), "unit" (a first- or second-level unit: the outer
    "Merida" of "Merida (Merida)"), "region" (a LOC entity) or None. `container` holds
    the candidates of the name the text puts this one inside, `contents` those of the name it
    contains."""

    name: str
    candidates: tuple[Entry, ...]
    want: str | None = None
    container: tuple[Entry, ...] = ()
    contents: tuple[Entry, ...] = ()
    container_name: tuple[str, str | None] | None = None  # the container's (name, want)
    adjective: bool = False  # a demonym ("Russian forces"): an actor's country, not the scene
    cut: bool = False  # the first word(s) of a longer name the gazetteer lacks ("Bandar e ...")
    firmly_inside: bool = False  # put inside its container by words, not only by a comma


def resolve(toponyms: Sequence[Toponym]) -> list[Entry | None]:
    """The entry each toponym names (None when no candidate fits). One pick per distinct name;
    each pass rescores by the other names' picks of the pass before."""
    groups: dict[tuple[str, str | None], _Group] = {}
    for t in toponyms:
        group = groups.setdefault((t.name, t.want), _Group((), set(), set()))
        # Every mention's candidates: one may have been narrowed to towns, another not.
        group.candidates = tuple({c.id: c for c in (*group.candidates, *_wanted(t))}.values())
        group.container.update(t.container)
        group.contents.update(t.contents)
    _pair_counties(groups)
    picks: dict[tuple[str, str | None], Entry | None] = {k: None for k in groups}
    for _ in range(PASSES):
        picks = {key: _best(group, key[1], [p for k, p in picks.items() if k != key and p])
                 for key, group in groups.items()}
    scenes = {(t.name, t.want) for t in toponyms if not t.adjective}
    settled = {k: p for k, p in picks.items() if k in scenes}
    cut = {(t.name, t.want) for t in toponyms if t.cut}
    picks = {key: _in_story_country(key, pick, settled, key in cut)
             for key, pick in picks.items()}
    return [_within_container(t, picks) for t in toponyms]


def _in_story_country(key: tuple[str, str | None], pick: Entry | None,
                      picks: dict[tuple[str, str | None], Entry | None],
                      cut: bool = False) -> Entry | None:
    """The pick, unless it is a small or loosely matched town abroad in a story whose other
    places all lie in one other country ("Isu" read as Izu, Japan, beside "Ebonyi" and
    "Onicha"): the village meant is missing from the gazetteer, and no place beats a wrong
    one. A town abroad of up to a million goes too when the name is only the start of a
    longer one the gazetteer lacks (`cut`: "Bandar" of "Bandar Emam Khomeyni", read as a town
    in India beside Khuzestan). `picks` holds the places named as such, not the demonyms of
    actors ("Saudi")."""
    if pick is None or pick.kind != "city":
        return pick
    if not pick.loose and pick.population >= (CUT_TOWN_MAX if cut else FOREIGN_TOWN_MAX):
        return pick
    others = [p for k, p in picks.items()
              if p is not None and k[0] != key[0] and p.kind != "continent"]
    countries = {p.country for p in others}
    # The story's country is plain when its other names all lie in one country and one of
    # them at least is a unit of it, or two of them agree; a country named alone is often
    # only where someone comes from ("a native of Mexico").
    plain = len(others) > 1 or any(p.kind in {"admin1", "admin2"} and not p.loose
                                   for p in others)
    if len(countries) == 1 and pick.country not in countries and plain:
        return None
    return pick


def _within_container(toponym: Toponym,
                      picks: dict[tuple[str, str | None], Entry | None]) -> Entry | None:
    """The pick, unless the text puts the name inside a unit or country of another country
    ("Pescador (Cauca)" picked in Brazil) or a town inside another unit of its country
    ("Pisky, Donetsk" picked in Poltava), or a town beside a town of another country, or a town
    the words put inside a town far from it ("Kartal town, Istanbul" picked in Gaziantep): then
    the place meant is missing from the gazetteer, and no place beats a wrong one."""
    pick = picks[(toponym.name, toponym.want)]
    outer = picks.get(toponym.container_name) if toponym.container_name else None
    if pick is not None and outer is not None and outer.kind == "city" and pick.kind == "city":
        if pick.country != outer.country:
            return None  # "Los Angeles, Veracruz" read in California beside Veracruz, Mexico
        if toponym.firmly_inside and not _in_town(pick, outer, toponym):
            return None  # "Kartal town, Istanbul" read as a Kartal 800 km away: a quarter unknown
        if not toponym.firmly_inside and pick.population < LISTED_TOWN_MIN and \
                _named_unit(outer, toponym) and not _in_town(pick, outer, toponym):
            # "Kyselivka, Kherson" read as a Kyselivka of the next province: the name after
            # the comma is the province named after its main town, which the village is not in
            return None
    if pick is None or outer is None or outer.kind not in {"admin1", "country"}:
        return pick
    if outer.kind == "admin1" and pick.kind == "city" and pick.admin1 != outer.admin1 and \
            pick.country == outer.country and outer.population > 0:
        # (a unit without towns of its own is one GeoNames' towns do not refer to)
        return None  # "Pisky, Donetsk" when the gazetteer knows only a Pisky elsewhere
    return pick if pick.country == outer.country or pick.kind == "country" else None


def _named_unit(town: Entry, toponym: Toponym) -> bool:
    """Whether the container's name is also that of the province the town lies in."""
    return any(c.kind == "admin1" and _inside(town, c) for c in toponym.container)


def _in_town(pick: Entry, town: Entry, toponym: Toponym) -> bool:
    """Whether a town may be the one the text puts inside `town`: in the unit that bears the
    town's name when there is one ("Jarablus city in Aleppo countryside": Aleppo governorate),
    else near the town ("University Heights in San Diego")."""
    # (a loosely matched unit counts when the town lies in it: "Al Hasakeh" for Al Hasakah)
    units = [c for c in toponym.container if c.kind in {"admin1", "admin2"} and
             c.country == town.country and (not c.loose or _inside(town, c))]
    if units:
        return any(_inside(pick, unit) for unit in units)
    return km(pick, town) <= INSIDE_TOWN_KM


@dataclass(slots=True)
class _Group:
    candidates: tuple[Entry, ...]
    container: set[Entry]
    contents: set[Entry]
    paired: set[int] = field(default_factory=set)  # ids of candidates in a town-county pair


def _county_key(entry: Entry) -> tuple[str | None, str | None, str | None]:
    return entry.country, entry.admin1, entry.admin2


def _pair_counties(groups: dict[tuple[str, str | None], _Group]) -> None:
    """Mark the towns that lie in a county another name of the document may be, and those
    counties: "Palestine" beside "Anderson County" is the Palestine of Anderson County, Texas."""
    counties: dict[tuple[str | None, str | None, str | None], list[tuple[int, Entry]]] = {}
    for index, group in enumerate(groups.values()):
        for c in group.candidates:
            if c.kind == "admin2":
                counties.setdefault(_county_key(c), []).append((index, c))
    if not counties:
        return
    listed = list(groups.values())
    names = [exact_key(name) for name, _ in groups]
    for index, group in enumerate(listed):
        for c in group.candidates:
            if c.kind != "city" or c.admin2 is None:
                continue
            for other, county in counties.get(_county_key(c), ()):
                # (a name said twice, "Lima ... Lima District", pairs with no county of its own)
                if names[other] != names[index]:
                    group.paired.add(c.id)
                    listed[other].paired.add(county.id)


def _wanted(toponym: Toponym) -> tuple[Entry, ...]:
    if toponym.want is None:
        return toponym.candidates
    # "Morang district": the town, or else the district of that name (a second-level unit).
    # "Merida (Merida)": the outer name is a unit, of the first or the second level.
    kinds = {"city": {"city", "admin2"}, "unit": {"admin1", "admin2"}}.get(
        toponym.want, {toponym.want})
    wanted = tuple(c for c in toponym.candidates if c.kind in kinds)
    return wanted or toponym.candidates


def _inside(inner: Entry, outer: Entry) -> bool:
    if outer.kind in {"country", "admin1"} and inner.country != outer.country:
        return False
    if outer.kind == "admin1":
        return inner.kind in {"city", "admin2"} and inner.admin1 == outer.admin1
    if outer.kind == "admin2":
        return inner.kind == "city" and (inner.admin1, inner.admin2) == (outer.admin1,
                                                                          outer.admin2)
    return outer.kind == "country" and inner.kind in {"city", "admin2", "admin1"}


def _best(group: _Group, want: str | None, others: Sequence[Entry]) -> Entry | None:
    countries = Counter(o.country for o in others)
    candidates: Sequence[Entry] = group.candidates
    if want == "region":
        # A LOC entity is a region, a sea or a range more often than a town: a town only
        # where the document's other places put us in its country, or where no region bears
        # the name and a sizeable town bears it as its own ("Saarbrucken"; not the hamlet
        # "Middle East" of a region missing from the gazetteer).
        regions = any(c.kind != "city" for c in candidates)
        candidates = [c for c in candidates if c.kind != "city" or c.country in countries
                      or not (regions or c.loose or c.alt or c.population < REGION_TOWN_MIN)]
    if not candidates:
        return None
    units = {(o.country, o.admin1) for o in others if o.kind == "admin1"}
    town_units = {(o.country, o.admin1) for o in others if o.kind == "city"}
    towns = [o for o in others if o.kind == "city"]

    # A place that bears the name as its own outranks a town that only another language calls
    # so ("Valence", France, before Valencia, Spain, whose French name it is), unless that
    # place is the town's own district ("Torino": Turin, and its province).
    def own_named_rival(town: Entry) -> bool:
        return any(not c.alt and not c.loose and not (
            c.kind == "admin2" and _county_key(c) == _county_key(town)) for c in candidates)

    def score(entry: Entry) -> float:
        value = math.log10(entry.population + 10)
        if entry.kind in {"country", "continent"}:
            value += COUNTRY_BONUS
        elif entry.feature_code == "PPLC" and not (entry.loose and own_named_rival(entry)):
            # (a capital matched only loosely is no rival to a town of that very name:
            # "Vallet", France, is not Valletta)
            value += CAPITAL_BONUS
        elif entry.kind == "admin1":
            # A unit beats towns elsewhere, but a unit named after its own main town ("Idlib")
            # is read as the town unless the text says "province" or names a town inside it.
            own_towns = [c.population for c in candidates if c.kind == "city"
                         and (c.country, c.admin1) == (entry.country, entry.admin1)
                         and c.population >= MAIN_TOWN_SHARE * entry.population]
            if own_towns:
                value = math.log10(max(own_towns) + 10) + TOWN_FIRST
            else:
                value += ADMIN1_BONUS
        elif entry.kind == "admin2" and want not in {"admin2", "unit"}:
            value -= ADMIN2_PENALTY
        if entry.kind == "city" and any(
                c.kind == "admin2" and _county_key(c) == _county_key(entry) for c in candidates):
            value += DISTRICT_SEAT  # "Afrin (district)": the town that heads its namesake
        if entry.loose:
            value -= LOOSE_PENALTY
        elif entry.alt and entry.kind == "city" and own_named_rival(entry):
            value -= ALT_PENALTY
        value += min(SAME_COUNTRY_MAX, SAME_COUNTRY * countries[entry.country])
        unit = (entry.country, entry.admin1)
        if (entry.kind in {"city", "admin2"} and unit in units) or (
                entry.kind == "admin1" and unit in town_units):
            value += SAME_UNIT
        if entry.kind in {"city", "admin2"} and any(km(entry, t) <= NEARBY_KM for t in towns):
            value += NEARBY
        if entry.id in group.paired:
            value += COUNTY_PAIR
        if any(_inside(entry, c) for c in group.container) or any(
                _inside(c, entry) for c in group.contents):
            value += CONTAINED
        return value

    return max(candidates, key=lambda c: (score(c), c.population, -c.id))


def km(a: Entry, b: Entry) -> float:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return math.inf
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))
