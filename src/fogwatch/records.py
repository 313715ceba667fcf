"""The typed records every layer shares.

Each record is a frozen, slotted dataclass. `to_json` / `from_json` turn any record into plain
JSON values and back, exactly: `from_json(type(r), to_json(r)) == r` for every record `r`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import types
import typing
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar, Union, get_args, get_origin, get_type_hints

__all__ = [
    "ACLED_TAXONOMY",
    "Actor",
    "Certainty",
    "Claim",
    "Document",
    "Event",
    "Evidence",
    "Extraction",
    "Fingerprint",
    "Fatalities",
    "Figure",
    "FigureKind",
    "Incident",
    "Place",
    "Plover",
    "Precision",
    "Report",
    "Source",
    "SourceKind",
    "Span",
    "When",
    "content_hash",
    "from_json",
    "to_json",
]

Precision = Literal["day", "week", "month", "year", "unknown"]
FigureKind = Literal[
    "killed", "wounded", "killed_or_wounded", "missing", "captured", "displaced", "materiel"
]
SourceKind = Literal[
    "official", "military", "state_media", "media", "opposition_media", "journalist", "ngo",
    "igo", "anonymous", "eyewitness",
]
Certainty = Literal["confirmed", "reported", "unconfirmed", "denied"]

# ACLED's 6 event types and 25 sub-event types, spelled exactly as ACLED does.
ACLED_TAXONOMY: dict[str, tuple[str, ...]] = {
    "Battles": (
        "Armed clash", "Government regains territory", "Non-state actor overtakes territory",
    ),
    "Explosions/Remote violence": (
        "Chemical weapon", "Air/drone strike", "Suicide bomb",
        "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade",
    ),
    "Protests": (
        "Peaceful protest", "Protest with intervention", "Excessive force against protesters",
    ),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction",
        "Non-violent transfer of territory", "Other",
    ),
    "Violence against civilians": (
        "Sexual violence", "Attack", "Abduction/forced disappearance",
    ),
}


@dataclass(frozen=True, slots=True)
class Span:
    """Character offsets `[start, end)` into a document's text, and the text they cover."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Document:
    """One article. `id` is the content hash of its normalised text; `ref` is the caller's id."""

    id: str
    text: str
    published: dt.date | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None
    language: str = "en"
    ref: str | None = None
    # The id of the document this one republishes (the same wire story, lightly edited); set by
    # ingest/near_duplicates.py, None for an original.
    near_duplicate_of: str | None = None


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What the store keeps of an original document to find its republications in later runs:
    its MinHash signature (the hash values as bytes) and its LSH band keys
    (ingest/near_duplicates.py)."""

    signature: bytes
    bands: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Actor:
    """A mention of a party to an event; `id` is the lexicon's canonical id, None when unknown."""

    name: str
    id: str | None
    country: str | None
    sector: str | None
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Place:
    """A toponym resolved to the gazetteer; `precision` is ACLED's geo-precision code (1-3)."""

    name: str
    admin1: str | None
    admin2: str | None
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    feature_code: str | None
    precision: int
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class When:
    """A time expression resolved to the interval `[start, end]` (inclusive days)."""

    start: dt.date | None
    end: dt.date | None
    precision: Precision
    span: Span | None = None
    # A TimeML value that no calendar interval spells: a quarter ("2020-Q1"), a season
    # ("2020-SU"), a weekend ("2020-W05-WE") or a reference ("PRESENT_REF", "PAST_REF").
    timex: str | None = None

    @property
    def value(self) -> str | None:
        """The TIMEX3-style value: YYYY-MM-DD, YYYY-Www, YYYY-MM, YYYY, else `timex`."""
        if self.timex is not None:
            return self.timex
        if self.start is None:
            return None
        if self.precision == "day":
            return self.start.isoformat()
        if self.precision == "week":
            year, week, _ = self.start.isocalendar()
            return f"{year}-W{week:02d}"
        if self.precision == "month":
            return f"{self.start.year:04d}-{self.start.month:02d}"
        if self.precision == "year":
            return f"{self.start.year:04d}"
        return None


@dataclass(frozen=True, slots=True)
class Figure:
    """A reported count with bounds; `high=None` means open above ("at least 5")."""

    kind: FigureKind
    who: str | None
    low: int | None
    best: int | None
    high: int | None
    cumulative: bool = False
    since: dt.date | None = None
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Source:
    """Who a claim comes from: an outlet, an official body, a person or an anonymous source."""

    name: str
    kind: SourceKind
    country: str | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """An attributed statement. `via` is the chain from the outlet we read to the origin."""

    id: str
    source: Source | None
    via: tuple[str, ...]
    certainty: Certainty
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Plover:
    """The PLOVER event type (ASSAULT, PROTEST, CONSULT, ...) and its mode (aerial, ...)."""

    event: str
    mode: str | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """The span of text that a field of an event was read from."""

    field: str
    span: Span


@dataclass(frozen=True, slots=True)
class Fatalities:
    """People killed, as low / best / high; `high=None` means no upper bound was given."""

    low: int | None
    best: int | None
    high: int | None


@dataclass(frozen=True, slots=True)
class Event:
    """Who did what to whom, where and when, in ACLED's taxonomy with a PLOVER mapping.
    `typed_by` names the table row or rule that decided the type; the words it rested on are
    the `event_type` evidence."""

    id: str
    doc_id: str
    event_type: str | None
    sub_event_type: str | None
    plover: Plover | None
    actors1: tuple[Actor, ...] = ()
    actors2: tuple[Actor, ...] = ()
    place: Place | None = None
    when: When | None = None
    figures: tuple[Figure, ...] = ()
    claims: tuple[Claim, ...] = ()
    certainty: Certainty = "reported"
    fatalities: Fatalities | None = None
    evidence: tuple[Evidence, ...] = ()
    typed_by: str | None = None


@dataclass(frozen=True, slots=True)
class Extraction:
    """The pipeline's whole output for one document."""

    document: Document
    events: tuple[Event, ...] = ()
    places: tuple[Place, ...] = ()
    dates: tuple[When, ...] = ()
    actors: tuple[Actor, ...] = ()
    figures: tuple[Figure, ...] = ()
    claims: tuple[Claim, ...] = ()
    errors: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Report:
    """One member event of an incident as one document told it, and when that was published."""

    event_id: str
    doc_id: str
    published: dt.date | None
    source: str | None
    certainty: Certainty
    fatalities: Fatalities | None = None
    claims: tuple[Claim, ...] = ()


@dataclass(frozen=True, slots=True)
class Incident:
    """One real-world event as seen across reports (linking/): `events` are the member event
    ids, `reports` say which document told each and when; `denied_by` names who denied it."""

    id: str
    events: tuple[str, ...]
    event_type: str | None
    place: Place | None
    when: When | None
    fatalities: Fatalities | None
    certainty: Certainty
    first_reported: dt.date | None
    confirmed_at: dt.date | None
    claims: tuple[Claim, ...] = field(default_factory=tuple)
    sub_event_type: str | None = None
    plover: Plover | None = None
    actors1: tuple[Actor, ...] = ()
    actors2: tuple[Actor, ...] = ()
    denied_by: tuple[str, ...] = ()
    reports: tuple[Report, ...] = ()


def content_hash(text: str) -> str:
    """The id of a text: SHA-256 of its NFC form with whitespace runs collapsed (40 hex digits)."""
    normalised = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:40]


# --- JSON round-trip -------------------------------------------------------------------------

R = TypeVar("R")


def to_json(value: Any) -> Any:
    """A record (or tuple, date, scalar) as plain JSON values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [to_json(v) for v in value]
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def from_json(cls: type[R], data: Any) -> R:
    """The record of type `cls` that `to_json` turned into `data`."""
    return typing.cast(R, _decode(cls, data))


def _decode(tp: Any, data: Any) -> Any:
    origin = get_origin(tp)
    if origin is Union or origin is types.UnionType:
        if data is None:
            return None
        options = [a for a in get_args(tp) if a is not type(None)]
        return _decode(options[0], data)
    if origin is Literal:
        return data
    if origin is tuple:
        item = get_args(tp)[0]
        return tuple(_decode(item, v) for v in data)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        hints = _hints(tp)
        kwargs = {f.name: _decode(hints[f.name], data[f.name])
                  for f in dataclasses.fields(tp) if f.name in data}
        return tp(**kwargs)
    if tp is dt.date:
        return dt.date.fromisoformat(data)
    if tp is float and isinstance(data, int):
        return float(data)
    return data


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(tp: type) -> dict[str, Any]:
    if tp not in _HINTS:
        _HINTS[tp] = get_type_hints(tp)
    return _HINTS[tp]
