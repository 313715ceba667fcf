"""The FORMAT.md view of records."""

from __future__ import annotations

import datetime as dt

from fogwatch.contract import event_to_format, extraction_to_format
from fogwatch.records import (
    Actor,
    Document,
    Event,
    Evidence,
    Extraction,
    Fatalities,
    Figure,
    Place,
    Plover,
    Span,
    When,
)

KANSAFRA = Place(name="Kansafra", admin1="Idlib", admin2=None, country="SYR", lat=35.6599,
                 lon=36.4849, geonameid=None, feature_code="PPL", precision=2,
                 span=Span(57, 65, "Kansafra"))
MONDAY = When(dt.date(2020, 2, 10), dt.date(2020, 2, 10), "day", Span(80, 89, "on Monday"))


def _event() -> Event:
    return Event(
        id="e1", doc_id="h1", event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike", plover=Plover("ASSAULT", "aerial"),
        actors1=(Actor("Military Forces of Russia", "RUS-MIL", "RUS", "military"),),
        actors2=(Actor("Military Forces of Turkey", "TUR-MIL", "TUR", "military"),),
        place=KANSAFRA, when=MONDAY,
        figures=(Figure("killed_or_wounded", "Turkish soldiers", 1, 10, 10,
                        span=Span(0, 14, "As many as ten")),),
        certainty="unconfirmed", fatalities=Fatalities(0, 0, 10),
        evidence=(Evidence("location", Span(57, 65, "Kansafra")),),
    )


def test_event_has_format_md_fields() -> None:
    out = event_to_format(_event())
    assert out["sub_event_type"] == "Air/drone strike"
    assert out["actor1"] == {"name": "Military Forces of Russia", "id": "RUS-MIL",
                             "country": "RUS", "sector": "military"}
    assert out["location"] == {"name": "Kansafra", "admin1": "Idlib", "admin2": None,
                               "country": "SYR", "lat": 35.6599, "lon": 36.4849,
                               "geonameid": None, "precision": 2}
    assert out["date"] == {"start": "2020-02-10", "end": "2020-02-10", "precision": "day"}
    assert out["fatalities"] == {"low": 0, "best": 0, "high": 10}
    assert out["casualties"][0]["kind"] == "killed_or_wounded"
    assert out["casualties"][0]["best"] == 10
    assert out["evidence"] == [{"field": "location", "start": 57, "end": 65}]


def test_extraction_uses_the_callers_id_and_lists_mentions_with_offsets() -> None:
    document = Document(id="h1", text="…", published=dt.date(2020, 2, 10), ref="story-1")
    out = extraction_to_format(Extraction(document=document, events=(_event(),),
                                          places=(KANSAFRA,), dates=(MONDAY,)))
    assert out["doc_id"] == "story-1"
    assert out["places"][0]["start"] == 57 and out["places"][0]["end"] == 65
    assert out["dates"][0] == {"text": "on Monday", "start": 80, "end": 89,
                               "value": "2020-02-10", "precision": "day",
                               "start_date": "2020-02-10", "end_date": "2020-02-10"}
