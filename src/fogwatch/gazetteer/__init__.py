"""The gazetteer: place names -> GeoNames entries (towns, first-level units, countries).

Built once from offline sources (see `build`) into an indexed SQLite file in the user cache,
named by a hash of those sources, so a new package version or an edited table rebuilds it.
`load_gazetteer()` opens it once per process; lookups are memoised.
"""

from __future__ import annotations

import functools
import os
import sqlite3
import sys
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from fogwatch.errors import FogwatchError
from fogwatch.gazetteer.builder import build, check_user_file, data_rows, source_version
from fogwatch.gazetteer.keys import exact_key, loose_key

__all__ = ["CACHE_ENV", "USER_ENV", "Entry", "Gazetteer", "cache_path", "exact_key",
           "load_gazetteer", "loose_key", "place_cues", "use_gazetteer_files", "user_files"]

# Where the built file lives; FOGWATCH_CACHE_DIR overrides the user cache (tests, CI, servers).
CACHE_ENV = "FOGWATCH_CACHE_DIR"
# Users' own gazetteer CSV files (the supplement's columns), separated by os.pathsep; set by
# `fogwatch extract --gazetteer FILE`, and inherited by worker processes.
USER_ENV = "FOGWATCH_GAZETTEER"
_COLUMNS = ("p.id, p.geonameid, p.name, p.kind, p.feature_code, p.country, p.admin1, p.lat, "
            "p.lon, p.population, p.admin2")


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer entry. `kind` is city, admin2, admin1, country or continent; `country` is
    ISO 3166 alpha-3; `admin2` is a town's second-level unit where GeoNames knows it. `loose` is
    True when it matched only on the loose key (articles, doubled letters); `alt` when it
    matched only through one of its alternate names, not its own (Valencia for "Valence").
    """

    id: int
    geonameid: int | None
    name: str
    kind: str
    feature_code: str | None
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int
    admin2: str | None = None
    loose: bool = False
    alt: bool = False


class Gazetteer:
    """Read-only lookups in a built gazetteer file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        regions = {e.id: e for e in self._select(
            f"SELECT {_COLUMNS} FROM places p WHERE kind IN ('country', 'continent')", ())}
        self._countries = {e.country: e for e in regions.values() if e.kind == "country"}
        self._demonyms = {key: regions[place] for key, place in self._conn().execute(
            "SELECT key, place FROM demonyms")}

    def _conn(self) -> sqlite3.Connection:
        # One connection per thread and process: sqlite3 connections must cross neither
        # threads nor a fork (process pools, Dask workers).
        key = os.getpid()
        if getattr(self._local, "pid", None) != key:
            self._local.conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
            self._local.pid = key
        conn: sqlite3.Connection = self._local.conn
        return conn

    def _select(self, sql: str, args: tuple[object, ...], loose: bool = False) -> list[Entry]:
        return [Entry(*(*row, loose)) for row in self._conn().execute(sql, args)]

    def _named(self, key: str, loose: int) -> list[Entry]:
        rows = self._conn().execute(
            f"SELECT {_COLUMNS}, n.alt FROM names n JOIN places p ON p.id = n.place "
            "WHERE n.key = ? AND n.loose = ?", (key, loose))
        return [Entry(*(*row[:-1], bool(loose), bool(row[-1]))) for row in rows]

    @functools.lru_cache(maxsize=65536)  # noqa: B019 - one Gazetteer per process
    def lookup(self, name: str) -> tuple[Entry, ...]:
        """Every entry called `name`, exact spellings first, then loose ones."""
        found: dict[int, Entry] = {}
        for key, loose in ((exact_key(name), 0), (loose_key(name), 1)):
            if not key:
                continue
            for entry in self._named(key, loose):
                found.setdefault(entry.id, entry)
        return tuple(found.values())

    def demonym(self, word: str) -> Entry | None:
        """The country or continent of a demonym ("Syrian" -> Syria), plurals too ("Syrians")."""
        key = exact_key(word)
        if key in self._demonyms:
            return self._demonyms[key]
        if key.endswith("s") and key[:-1] in self._demonyms:
            return self._demonyms[key[:-1]]
        return None

    def country(self, iso3: str) -> Entry | None:
        """The country entry of an ISO alpha-3 code."""
        return self._countries.get(iso3)

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - one Gazetteer per process
    def seat(self, country: str, admin1: str) -> Entry | None:
        """The town that stands for a first-level unit, as ACLED codes an event placed only in a
        province to its capital: the unit's most populous town, since GeoNames' towns here carry
        no provincial-capital code."""
        towns = self._select(
            f"SELECT {_COLUMNS} FROM places p WHERE kind = 'city' AND country = ? AND admin1 = ? "
            "ORDER BY population DESC LIMIT 1", (country, admin1))
        return towns[0] if towns else None


def user_files() -> tuple[Path, ...]:
    """The users' gazetteer files named in FOGWATCH_GAZETTEER; a missing one is an error."""
    paths = tuple(Path(p) for p in os.environ.get(USER_ENV, "").split(os.pathsep) if p.strip())
    for path in paths:
        if not path.is_file():
            raise FogwatchError(f"the gazetteer file {path} does not exist")
    return paths


def use_gazetteer_files(paths: Sequence[Path]) -> None:
    """Add users' gazetteer files for this process and the workers it starts; checks them
    now, so a bad file fails before any document is read."""
    for path in paths:
        check_user_file(path)
    names = [str(p.resolve()) for p in paths]
    current = [p for p in os.environ.get(USER_ENV, "").split(os.pathsep) if p.strip()]
    os.environ[USER_ENV] = os.pathsep.join(dict.fromkeys(current + names))
    load_gazetteer.cache_clear()
    load_gazetteer()


def cache_path() -> Path:
    """The gazetteer file for the current sources (it may not be built yet)."""
    root = Path(os.environ.get(CACHE_ENV) or platformdirs.user_cache_dir("fogwatch"))
    users = user_files()
    # With users' files the name differs, so they do not evict the plain build.
    return root / f"gazetteer-{'user-' if users else ''}{source_version(users)}.sqlite"


@functools.lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer, built on first use (about half a minute) and opened once per process; a
    cache file that cannot be read (truncated, overwritten) is rebuilt, with a message."""
    path = cache_path()
    version = path.stem.removeprefix("gazetteer-").removeprefix("user-")
    if path.exists():
        problem = _unreadable(path, version)
        if problem is None:
            return Gazetteer(path)
        print(f"fogwatch: the gazetteer cache {path} is unreadable ({problem}); rebuilding it",
              file=sys.stderr)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        build(path, version, user_files())
        kind = "user-" if path.stem.startswith("gazetteer-user-") else ""
        for stale in path.parent.glob(f"gazetteer-{kind}*.sqlite"):
            if stale != path and stale.stem.startswith("gazetteer-user-") == bool(kind):
                stale.unlink(missing_ok=True)  # built from older sources
    except OSError as exc:
        raise FogwatchError(
            f"cannot build the gazetteer at {path}: {exc}. Make the directory writable or "
            f"point {CACHE_ENV} at one that is."
        ) from exc
    return Gazetteer(path)


def _unreadable(path: Path, version: str) -> str | None:
    """Why a built file cannot serve, or None when it holds this version's tables."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
            conn.execute("SELECT 1 FROM names JOIN places p ON p.id = names.place LIMIT 1")
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return str(exc)
    if row is None or row[0] != version:
        return "it was built from other sources"
    return None


@functools.lru_cache(maxsize=1)
def place_cues() -> dict[str, frozenset[str]]:
    """The places stage's cue words by role (see `data/places_cues.csv`)."""
    cues: dict[str, set[str]] = {}
    for row in data_rows("places_cues.csv"):
        cues.setdefault(row["role"], set()).add(row["cue"])
    return {role: frozenset(words) for role, words in cues.items()}
