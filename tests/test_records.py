"""Records round-trip to JSON exactly, and content hashes ignore layout."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

from hypothesis import given
from hypothesis import strategies as st

from fogwatch.records import (
    Actor,
    Claim,
    Document,
    Event,
    Evidence,
    Extraction,
    Fatalities,
    Figure,
    Incident,
    Place,
    Plover,
    Source,
    Span,
    When,
    content_hash,
    from_json,
    to_json,
)

text = st.text(max_size=30)
small = st.integers(min_value=0, max_value=10_000)
maybe_small = st.none() | small
dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))
coords = st.floats(min_value=-180, max_value=180, allow_nan=False)
spans = st.builds(Span, start=small, end=small, text=text)
actors = st.builds(Actor, name=text, id=st.none() | text, country=st.none() | text,
                   sector=st.none() | text, span=st.none() | spans)
places = st.builds(Place, name=text, admin1=st.none() | text, admin2=st.none() | text,
                   country=st.none() | text, lat=st.none() | coords, lon=st.none() | coords,
                   geonameid=maybe_small, feature_code=st.none() | text,
                   precision=st.integers(1, 3), span=st.none() | spans)
whens = st.builds(When, start=st.none() | dates, end=st.none() | dates,
                  precision=st.sampled_from(["day", "week", "month", "year", "unknown"]),
                  span=st.none() | spans)
figures = st.builds(Figure, kind=st.sampled_from(["killed", "wounded", "materiel"]),
                    who=st.none() | text, low=maybe_small, best=maybe_small, high=maybe_small,
                    cumulative=st.booleans(), since=st.none() | dates, span=st.none() | spans)
sources = st.builds(Source, name=text, kind=st.sampled_from(["official", "anonymous"]),
                    country=st.none() | text)
claims = st.builds(Claim, id=text, source=st.none() | sources, via=st.tuples(text, text),
                   certainty=st.sampled_from(["confirmed", "denied"]), span=st.none() | spans)
events = st.builds(
    Event, id=text, doc_id=text, event_type=st.none() | text, sub_event_type=st.none() | text,
    plover=st.none() | st.builds(Plover, event=text, mode=st.none() | text),
    actors1=st.lists(actors, max_size=2).map(tuple), actors2=st.lists(actors, max_size=2).map(tuple),
    place=st.none() | places, when=st.none() | whens, figures=st.lists(figures, max_size=2).map(tuple),
    claims=st.lists(claims, max_size=2).map(tuple),
    certainty=st.sampled_from(["confirmed", "reported", "unconfirmed", "denied"]),
    fatalities=st.none() | st.builds(Fatalities, low=maybe_small, best=maybe_small, high=maybe_small),
    evidence=st.lists(st.builds(Evidence, field=text, span=spans), max_size=2).map(tuple),
)
documents = st.builds(Document, id=text, text=text, published=st.none() | dates,
                      source=st.none() | text, url=st.none() | text, title=st.none() | text,
                      language=text, ref=st.none() | text)
extractions = st.builds(
    Extraction, document=documents, events=st.lists(events, max_size=2).map(tuple),
    places=st.lists(places, max_size=2).map(tuple), dates=st.lists(whens, max_size=2).map(tuple),
    actors=st.lists(actors, max_size=2).map(tuple), figures=st.lists(figures, max_size=2).map(tuple),
    claims=st.lists(claims, max_size=2).map(tuple), errors=st.lists(text, max_size=2).map(tuple),
)
incidents = st.builds(
    Incident, id=text, events=st.lists(text, max_size=3).map(tuple), event_type=st.none() | text,
    place=st.none() | places, when=st.none() | whens,
    fatalities=st.none() | st.builds(Fatalities, low=maybe_small, best=maybe_small, high=maybe_small),
    certainty=st.sampled_from(["confirmed", "reported"]), first_reported=st.none() | dates,
    confirmed_at=st.none() | dates, claims=st.lists(claims, max_size=2).map(tuple),
)


@given(extractions)
def test_extraction_round_trips_through_json_text(extraction: Extraction) -> None:
    encoded = json.dumps(to_json(extraction))
    assert from_json(Extraction, json.loads(encoded)) == extraction


@given(incidents)
def test_incident_round_trips_through_json_text(incident: Incident) -> None:
    assert from_json(Incident, json.loads(json.dumps(to_json(incident)))) == incident


def test_records_are_frozen_and_slotted() -> None:
    span = Span(0, 3, "Ten")
    assert not hasattr(span, "__dict__")
    try:
        span.start = 1  # type: ignore[misc]
    except dataclasses.FrozenInstanceError:
        pass
    else:
        raise AssertionError("Span is mutable")


def test_when_value_is_timex3_at_each_precision() -> None:
    day = dt.date(2020, 2, 10)
    assert When(day, day, "day").value == "2020-02-10"
    assert When(day, day, "week").value == "2020-W07"
    assert When(day, day, "month").value == "2020-02"
    assert When(day, day, "year").value == "2020"
    assert When(None, None, "unknown").value is None


def test_content_hash_ignores_whitespace_layout() -> None:
    assert content_hash("Ten soldiers  were\nkilled.") == content_hash("Ten soldiers were killed.")
    assert content_hash("Ten soldiers were killed.") != content_hash("Nine soldiers were killed.")
