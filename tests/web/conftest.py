"""A store built by hand for the web tests, and a client of the app over it.

Three documents: an air strike in Kansafra (SYR, 2024-03-04) with evidence, a claim and a
figure; a clash near Mosul (IRQ, 2024-05-01); and a hostile document whose text, title, source,
URL and place name carry HTML and script payloads.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

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
    Report,
    Source,
    Span,
    When,
    content_hash,
)
from fogwatch.store import Store
from fogwatch.web import create_app

TOKEN = "test-token-7f3a"

STRIKE_TEXT = ("Local media said jets struck a market in Kansafra on Monday, killing 4 people. "
               "The army denied it.")
CLASH_TEXT = "Rebels and soldiers clashed near Mosul on Wednesday."
HOSTILE_TEXT = ("Attackers <script>alert('text')</script> hit Aleppo; "
                "<img src=x onerror=alert('img')> was posted.")


def _span(text: str, part: str) -> Span:
    start = text.index(part)
    return Span(start, start + len(part), part)


def _strike() -> Extraction:
    doc = Document(id=content_hash(STRIKE_TEXT), text=STRIKE_TEXT, published=dt.date(2024, 3, 5),
                   source="Local Wire", url="https://example.org/strike", title="Market struck",
                   ref="strike-story")
    kansafra = Place("Kansafra", "Idlib", None, "SYR", 35.66, 36.48, None, "PPL", 1,
                     _span(STRIKE_TEXT, "Kansafra"))
    claim = Claim("c1", Source("Local media", "media", "SYR"), ("Local Wire", "Local media"),
                  "reported", _span(STRIKE_TEXT, "Local media said jets struck a market"))
    figure = Figure("killed", "people", 4, 4, 4, span=_span(STRIKE_TEXT, "killing 4 people"))
    event = Event(
        id="strike", doc_id=doc.id, event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike", plover=Plover("ASSAULT", "aerial"),
        actors1=(Actor("jets", None, None, "military", _span(STRIKE_TEXT, "jets")),),
        place=kansafra, when=When(dt.date(2024, 3, 4), dt.date(2024, 3, 4), "day",
                                  _span(STRIKE_TEXT, "Monday")),
        figures=(figure,), claims=(claim,), certainty="reported",
        fatalities=Fatalities(4, 4, 4), typed_by="events_triggers.csv: struck",
        evidence=(Evidence("event", _span(STRIKE_TEXT, "struck")),
                  Evidence("location", _span(STRIKE_TEXT, "Kansafra")),
                  Evidence("date", _span(STRIKE_TEXT, "Monday"))))
    return Extraction(doc, events=(event,), places=(kansafra,), claims=(claim,),
                      figures=(figure,))


def _clash() -> Extraction:
    doc = Document(id=content_hash(CLASH_TEXT), text=CLASH_TEXT, published=dt.date(2024, 5, 2))
    mosul = Place("Mosul", "Nineveh", None, "IRQ", 36.34, 43.13, 99072, "PPLA", 2)
    event = Event(id="clash", doc_id=doc.id, event_type="Battles", sub_event_type="Armed clash",
                  plover=Plover("FIGHT"), place=mosul,
                  when=When(dt.date(2024, 5, 1), dt.date(2024, 5, 1), "day"),
                  evidence=(Evidence("event", _span(CLASH_TEXT, "clashed")),))
    return Extraction(doc, events=(event,))


def _hostile() -> Extraction:
    doc = Document(id=content_hash(HOSTILE_TEXT), text=HOSTILE_TEXT,
                   published=dt.date(2024, 6, 1), source="<script>alert('source')</script>",
                   url="javascript:alert('url')", title="<img src=x onerror=alert('title')>",
                   ref="hostile")
    aleppo = Place("<b onmouseover=alert('place')>Aleppo</b>", None, None, "SYR", 36.2, 37.16,
                   None, "PPLA", 1)
    claim = Claim("c1", Source("<script>alert('claim')</script>", "anonymous"), (),
                  "unconfirmed", _span(HOSTILE_TEXT, "<img src=x onerror=alert('img')>"))
    event = Event(id="hostile", doc_id=doc.id, event_type="Battles",
                  sub_event_type="Armed clash", plover=Plover("FIGHT"), place=aleppo,
                  when=When(dt.date(2024, 6, 1), dt.date(2024, 6, 1), "day"), claims=(claim,),
                  evidence=(Evidence("event", _span(HOSTILE_TEXT,
                                                    "<script>alert('text')</script>")),))
    return Extraction(doc, events=(event,))


STRIKE_ID = content_hash(STRIKE_TEXT)
CLASH_ID = content_hash(CLASH_TEXT)
HOSTILE_ID = content_hash(HOSTILE_TEXT)

SYRIAN_ARMY = Actor("Military Forces of Syria", "SYR-MIL", "SYR", "military")
TURKISH_ARMY = Actor("Military Forces of Turkey", "TUR-MIL", "TUR", "military")
IRAQI_ARMY = Actor("Military Forces of Iraq", "IRQ-MIL", "IRQ", "military")
REBELS = Actor("rebels", None, "IRQ", "rebel")


def _incidents() -> tuple[Incident, ...]:
    """The strike as an incident of Syrian forces on Turkish ones (so a first direct clash of
    two states' forces), and the Mosul clash as an incident of Iraqi forces and rebels."""
    strike = _strike().events[0]
    clash = _clash().events[0]
    return (
        Incident(id="inc-strike", events=("strike",), event_type=strike.event_type,
                 sub_event_type=strike.sub_event_type, plover=strike.plover,
                 place=strike.place, when=strike.when, fatalities=Fatalities(4, 4, 4),
                 certainty="reported", first_reported=dt.date(2024, 3, 5), confirmed_at=None,
                 claims=strike.claims, actors1=(SYRIAN_ARMY,), actors2=(TURKISH_ARMY,),
                 reports=(Report("strike", STRIKE_ID, dt.date(2024, 3, 5), "Local Wire",
                                 "reported", Fatalities(4, 4, 4), strike.claims),)),
        Incident(id="inc-clash", events=("clash",), event_type="Battles",
                 sub_event_type="Armed clash", plover=clash.plover, place=clash.place,
                 when=clash.when, fatalities=None, certainty="reported",
                 first_reported=dt.date(2024, 5, 2), confirmed_at=None,
                 actors1=(IRAQI_ARMY,), actors2=(REBELS,),
                 reports=(Report("clash", CLASH_ID, dt.date(2024, 5, 2), None, "reported"),)),
    )


@pytest.fixture(scope="session")
def filled_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The store, built (and migrated) once; each test gets its own copy of the file."""
    path = tmp_path_factory.mktemp("web") / "web.db"
    with Store.open(str(path)) as opened:
        for extraction in (_strike(), _clash(), _hostile()):
            opened.add(extraction)
        opened.replace_incidents((), _incidents())
    return path


@pytest.fixture
def store(filled_db: Path, tmp_path: Path) -> Iterator[Store]:
    copy = tmp_path / "web.db"
    shutil.copyfile(filled_db, copy)
    with Store.open(str(copy)) as opened:
        yield opened


@pytest.fixture
def client(store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(store, token=TOKEN)) as test_client:
        yield test_client


@pytest.fixture
def read_only_client(store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(store)) as test_client:
        yield test_client
