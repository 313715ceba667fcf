"""An event of no ACLED type (a shooting in a robbery) on the web pages: the analyst sees that it
is not an ACLED event, and the API gives its type as null with its PLOVER event."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from fogwatch.records import (
    Document,
    Event,
    Evidence,
    Extraction,
    Fatalities,
    Figure,
    Plover,
    Span,
    When,
    content_hash,
)
from fogwatch.store import Store
from fogwatch.web import create_app

ROBBERY_TEXT = "A cashier was shot dead during a robbery at a fuel station on Friday."
ROBBERY_ID = content_hash(ROBBERY_TEXT)


@pytest.fixture
def robbery_client(store: Store) -> Iterator[TestClient]:
    doc = Document(id=ROBBERY_ID, text=ROBBERY_TEXT, published=dt.date(2024, 3, 2))
    start = ROBBERY_TEXT.index("shot dead")
    day = dt.date(2024, 3, 1)
    event = Event(id="robbery", doc_id=doc.id, event_type=None, sub_event_type=None,
                  plover=Plover("ASSAULT", "firearms"), when=When(day, day, "day"),
                  figures=(Figure("killed", "cashier", 1, 1, 1),),
                  fatalities=Fatalities(1, 1, 1),
                  evidence=(Evidence("event", Span(start, start + 9, "shot dead")),))
    store.add(Extraction(doc, events=(event,)))
    with TestClient(create_app(store)) as test_client:
        yield test_client


def test_the_event_page_says_it_is_not_an_acled_event(robbery_client: TestClient) -> None:
    page = robbery_client.get(f"/events/{ROBBERY_ID}/robbery").text
    assert "not an ACLED event" in page
    assert "ASSAULT (mode firearms)" in page


def test_the_events_list_marks_the_event_as_not_acled(robbery_client: TestClient) -> None:
    page = robbery_client.get("/").text
    row = next(r for r in page.split("<tr>") if f"/events/{ROBBERY_ID}/robbery" in r)
    assert "(not ACLED)" in row
    acled_rows = [r for r in page.split("<tr>")[2:] if f"/events/{ROBBERY_ID}/" not in r]
    assert acled_rows and all("(not ACLED)" not in r for r in acled_rows)


def test_the_api_gives_the_event_no_type_and_its_plover(robbery_client: TestClient) -> None:
    found = robbery_client.get("/api/events").json()
    (item,) = [e for e in found["items"] if e["id"] == "robbery"]
    assert (item["event_type"], item["sub_event_type"], item["plover"]["event"]) == (
        None, None, "ASSAULT")


def test_the_api_type_none_lists_only_the_events_of_no_acled_type(
        robbery_client: TestClient) -> None:
    found = robbery_client.get("/api/events", params={"type": "none"}).json()
    assert [e["id"] for e in found["items"]] == ["robbery"]
