"""Events built by hand for the export tests: the Kansafra air strike of DESIGN.md, a protest
without coordinates, and a store holding both."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from fogwatch.records import (
    Actor,
    Claim,
    Document,
    Event,
    Extraction,
    Fatalities,
    Figure,
    Place,
    Plover,
    Source,
    Span,
    When,
    content_hash,
)
from fogwatch.store import Store

STRIKE_TEXT = "Russian and Syrian jets struck near Kansafra, killing ten Turkish soldiers."
PROTEST_TEXT = "Hundreds of students protested in the capital on Friday."

RUSSIA = Actor("Military Forces of Russia", "RUS-MIL", "RUS", "military")
SYRIA = Actor("Military Forces of Syria", "SYR-MIL", "SYR", "military")
TURKEY = Actor("Military Forces of Turkey", "TUR-MIL", "TUR", "military",
               Span(62, 78, "Turkish soldiers"))
STUDENTS = Actor("Protesters", None, None, "protesters")
KANSAFRA = Place("Kansafra", "Idlib", None, "SYR", 35.6599, 36.4849, None, "PPL", 2)


def strike_event(doc_id: str = "0" * 40) -> Event:
    """Joint Russian-Syrian air strike on Turkish soldiers near Kansafra, 10 Feb 2020."""
    day = dt.date(2020, 2, 10)
    claim = Claim("c1", Source("Al Masdar News", "media", "SYR"), ("Ahval", "Al Masdar News"),
                  "unconfirmed")
    return Event(
        id="strike", doc_id=doc_id, event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike", plover=Plover("ASSAULT", "aerial"),
        actors1=(RUSSIA, SYRIA), actors2=(TURKEY,), place=KANSAFRA,
        when=When(day, day, "day"),
        figures=(Figure("killed", "Turkish soldiers", 10, 10, 10),),
        claims=(claim,), certainty="unconfirmed", fatalities=Fatalities(1, 10, 10))


def protest_event(doc_id: str = "1" * 40) -> Event:
    """A peaceful protest in March 2021 with no place resolved and no fatalities."""
    return Event(
        id="protest", doc_id=doc_id, event_type="Protests", sub_event_type="Peaceful protest",
        plover=Plover("PROTEST"), actors1=(STUDENTS,),
        when=When(dt.date(2021, 3, 1), dt.date(2021, 3, 31), "month"))


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A store with the strike (from input "strike-story") and the protest (no input id)."""
    path = tmp_path / "fog.db"
    strike_doc = Document(id=content_hash(STRIKE_TEXT), text=STRIKE_TEXT, ref="strike-story")
    protest_doc = Document(id=content_hash(PROTEST_TEXT), text=PROTEST_TEXT)
    with Store.open(str(path)) as store:
        store.add(Extraction(strike_doc, events=(strike_event(strike_doc.id),)))
        store.add(Extraction(protest_doc, events=(protest_event(protest_doc.id),)))
    return path
