"""Lexicon tables shipped in `fogwatch/data/`: outlets, actors, demonyms, cue words, triggers.

Every table is a CSV read once (`lru_cache`) through `importlib.resources`, so the package loads
them offline from wherever it is installed. Aliases in a table are `|`-separated. An alias written
in capitals only ("ISIS", "AFP", "US") matches case-sensitively; every other alias matches
regardless of case (see `alias_key`).
"""

from __future__ import annotations

import csv
import functools
import io
from dataclasses import dataclass
from importlib import resources
from typing import Any

import pycountry

__all__ = [
    "GenericActor",
    "NamedActor",
    "Outlet",
    "Trigger",
    "alias_key",
    "attribution_verbs",
    "certainty_cues",
    "country_codes",
    "country_name",
    "event_combinations",
    "event_tags",
    "event_topic_words",
    "generic_actors",
    "lookalike_cues",
    "named_actors",
    "outlets",
    "read_table",
    "ruler_patterns",
    "seizure_verbs",
    "source_kind_cues",
    "triggers",
]


@dataclass(frozen=True, slots=True)
class Outlet:
    """A news outlet or reporting body, with the kind of source it is and its country."""

    name: str
    aliases: tuple[str, ...]
    kind: str
    country: str | None


@dataclass(frozen=True, slots=True)
class NamedActor:
    """A well-known armed group or organisation with a canonical id."""

    id: str
    name: str
    aliases: tuple[str, ...]
    country: str | None
    sector: str
    label: str


@dataclass(frozen=True, slots=True)
class GenericActor:
    """A head noun naming a kind of actor ("soldiers", "protesters") and how to name it."""

    lemma: str
    sector: str
    template: str
    suffix: str
    needs_country: bool


@dataclass(frozen=True, slots=True)
class Trigger:
    """A trigger phrase and the event it signals.

    `pattern` is a token sequence matched against each token's lemma or lower-case form; a token
    ending in `*` matches as a prefix and `~` allows a gap of up to three tokens. A
    `sub_event_type` starting with `@` is resolved by the events stage from the sentence's actors
    (`@attack`, `@territory`). `rank` orders events by salience (higher first); `weak` triggers
    yield to look-alike cues (disasters, crime, diplomacy, claims of responsibility).
    """

    pattern: tuple[str, ...]
    event_type: str | None
    sub_event_type: str | None
    plover_event: str
    plover_mode: str | None
    rank: int
    weak: bool


def read_table(name: str) -> list[dict[str, str]]:
    """The rows of `fogwatch/data/<name>` as dicts of stripped strings; lines that open with
    "#" are the table's comments."""
    text = resources.files("fogwatch").joinpath("data", name).read_text(encoding="utf-8")
    rows = csv.DictReader(io.StringIO("\n".join(
        line for line in text.splitlines() if not line.startswith("#"))))
    return [{k: (v or "").strip() for k, v in row.items()} for row in rows]


def _aliases(cell: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in cell.split("|") if a.strip())


def alias_key(alias: str) -> str:
    """The lookup key of an alias: capitals-only aliases keep their case, others are lowered."""
    letters = [c for c in alias if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(alias) <= 6:
        return alias
    return alias.lower()


@functools.lru_cache(maxsize=1)
def outlets() -> tuple[Outlet, ...]:
    return tuple(
        Outlet(name=r["name"], aliases=(r["name"], *_aliases(r["aliases"])), kind=r["kind"],
               country=r["country"] or None)
        for r in read_table("outlets.csv")
    )


@functools.lru_cache(maxsize=1)
def named_actors() -> tuple[NamedActor, ...]:
    return tuple(
        NamedActor(id=r["id"], name=r["name"], aliases=(r["name"], *_aliases(r["aliases"])),
                   country=r["country"] or None, sector=r["sector"], label=r["label"])
        for r in read_table("actors.csv")
    )


@functools.lru_cache(maxsize=1)
def generic_actors() -> dict[str, GenericActor]:
    """Head nouns (lemma or lower-case phrase) -> how to name the actor they denote."""
    return {r["lemma"]: GenericActor(r["lemma"], r["sector"], r["template"], r["suffix"],
                                     r["needs_country"] == "1")
            for r in read_table("actors_generic.csv")}


@functools.lru_cache(maxsize=1)
def country_codes() -> dict[str, str]:
    """Country names, common names and demonyms (by `alias_key`) -> ISO 3166 alpha-3."""
    codes: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                codes[alias_key(value)] = country.alpha_3
    for row in read_table("demonyms_names.csv"):
        codes[alias_key(row["name"])] = row["country"]
    for row in read_table("demonyms.csv"):
        codes[alias_key(row["demonym"])] = row["country"]
    return codes


@functools.lru_cache(maxsize=1)
def _preferred_names() -> dict[str, str]:
    rows = read_table("demonyms_names.csv")
    return {r["country"]: r["name"] for r in rows if r["preferred"] == "1"}


@functools.lru_cache(maxsize=512)
def country_name(alpha3: str) -> str:
    """The short English name ACLED uses for a country ("Syria", "Turkey")."""
    preferred = _preferred_names().get(alpha3)
    if preferred:
        return preferred
    country = pycountry.countries.get(alpha_3=alpha3)
    if country is None:
        return alpha3
    return str(getattr(country, "common_name", None) or country.name)


@functools.lru_cache(maxsize=1)
def certainty_cues() -> tuple[tuple[str, str], ...]:
    """(lower-case cue phrase, certainty), longest phrases first."""
    rows = [(r["cue"].lower(), r["certainty"]) for r in read_table("sources_cues.csv")]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@functools.lru_cache(maxsize=1)
def attribution_verbs() -> dict[str, str]:
    """Verb lemma of an attribution frame ("say", "deny") -> the certainty it conveys."""
    return {r["lemma"]: r["certainty"] for r in read_table("sources_verbs.csv")}


@functools.lru_cache(maxsize=1)
def source_kind_cues() -> tuple[tuple[str, str], ...]:
    """(lower-case cue, source kind) for sources that are not known outlets; longest first."""
    rows = [(r["cue"].lower(), r["kind"]) for r in read_table("sources_kinds.csv")]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@functools.lru_cache(maxsize=1)
def triggers() -> tuple[Trigger, ...]:
    out = []
    for r in read_table("events_triggers.csv"):
        out.append(Trigger(
            pattern=tuple(r["pattern"].lower().split()), event_type=r["event_type"] or None,
            sub_event_type=r["sub_event_type"] or None, plover_event=r["plover_event"],
            plover_mode=r["plover_mode"] or None, rank=int(r["rank"]), weak=r["weak"] == "1",
        ))
    return tuple(out)


@functools.lru_cache(maxsize=1)
def lookalike_cues() -> tuple[tuple[tuple[str, ...], str, str], ...]:
    """(token pattern, look-alike class, scope) for stories that are not ACLED events."""
    return tuple((tuple(r["pattern"].lower().split()), r["class"], r["scope"])
                 for r in read_table("events_lookalikes.csv"))


@functools.lru_cache(maxsize=1)
def event_tags() -> dict[str, tuple[str, str]]:
    """Lower-case note tags ("property destruction") -> (event_type, sub_event_type)."""
    return {r["tag"].lower(): (r["event_type"], r["sub_event_type"])
            for r in read_table("events_tags.csv")}


@functools.lru_cache(maxsize=1)
def event_combinations() -> dict[tuple[str, str], tuple[str, str]]:
    """(sub_event_type or @rule, context) -> the (event_type, sub_event_type) it becomes."""
    return {(r["sub_event_type"], r["context"]): (r["result_event_type"],
                                                   r["result_sub_event_type"])
            for r in read_table("events_combinations.csv")}


@functools.lru_cache(maxsize=1)
def event_topic_words() -> frozenset[str]:
    """Lemmas that introduce what a protest is about ("to denounce", "against", "justice for")."""
    return frozenset(r["lemma"].lower() for r in read_table("events_topics.csv"))


@functools.lru_cache(maxsize=1)
def seizure_verbs() -> frozenset[str]:
    """Lemmas that make a weapons mention a seizure ("seized", "found", "discovered")."""
    return frozenset(r["lemma"].lower() for r in read_table("events_seizure_verbs.csv"))


def _ruler_entry(label: str, alias: str) -> dict[str, Any] | None:
    if len(alias) <= 2:
        return None  # "IS", "AP", "UN": too ambiguous for the parser-wide ruler
    if " " not in alias:
        # One word: exact spelling, so "Taliban" is tagged but the noun "guardian" is not.
        return {"label": label, "pattern": [{"ORTH": alias}]}
    return {"label": label, "pattern": alias}


def ruler_patterns() -> list[dict[str, Any]]:
    """EntityRuler patterns: outlets as ORG, armed groups as ORG or NORP."""
    patterns: list[dict[str, Any]] = []
    for outlet in outlets():
        patterns += [p for a in outlet.aliases if (p := _ruler_entry("ORG", a))]
    for actor in named_actors():
        patterns += [p for a in actor.aliases if (p := _ruler_entry(actor.label, a))]
    return patterns
