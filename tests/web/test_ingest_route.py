"""POST /api/documents: a posted article goes through the real pipeline into the store."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from fogwatch.records import content_hash

from .conftest import TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}"}
ARTICLE = {"id": "posted-1", "published": "2024-03-05", "source": "Test Wire",
           "title": "Jets strike Kansafra",
           "text": "Syrian government jets struck a market in Kansafra on Monday, "
                   "killing four civilians, local medics said."}


@pytest.fixture
def posted(client: TestClient) -> Any:
    return client.post("/api/documents", json=ARTICLE, headers=AUTH)


def test_a_new_document_is_201_with_its_ids(posted: Any) -> None:
    assert posted.status_code == 201
    body = posted.json()
    assert (body["status"], body["doc_id"], body["content_hash"]) == (
        "new", "posted-1", content_hash(ARTICLE["text"]))
    assert body["url"] == f"/api/documents/{content_hash(ARTICLE['text'])}"


def test_the_posted_document_is_extracted_and_stored(client: TestClient, posted: Any) -> None:
    stored = client.get(posted.json()["url"]).json()
    assert (stored["title"], stored["published"], stored["source"]) == (
        "Jets strike Kansafra", "2024-03-05", "Test Wire")
    assert [e["location"]["name"] for e in stored["events"]] == ["Kansafra"]
    assert client.get("/api/events", params={"since": "2024-03-04", "until": "2024-03-04",
                                              "country": "SYR"}).json()["total"] == 2


def test_posting_the_same_text_again_is_200_already_stored(client: TestClient,
                                                           posted: Any) -> None:
    again = client.post("/api/documents", json=ARTICLE, headers=AUTH)
    assert (again.status_code, again.json()["status"]) == (200, "already stored")
    assert client.get("/api/events").json()["total"] == 4


@pytest.mark.parametrize(("body", "field"), [
    ({**ARTICLE, "published": "last spring"}, "published"),
    ({"text": "   \n "}, "text"),
    ({"text": "nul \x00 byte"}, "text"),
])
def test_an_unusable_document_is_a_422_naming_the_field(client: TestClient,
                                                        body: dict[str, Any],
                                                        field: str) -> None:
    response = client.post("/api/documents", json=body, headers=AUTH)
    assert response.status_code == 422
    assert {tuple(e["loc"][:2]) for e in response.json()["detail"]} == {("body", field)}


def test_a_date_time_is_taken_as_its_day(client: TestClient) -> None:
    response = client.post("/api/documents", headers=AUTH, json={
        **ARTICLE, "published": "2024-03-05T09:30:00+00:00"})
    stored = client.get(response.json()["url"]).json()
    assert stored["published"] == "2024-03-05"


@pytest.mark.parametrize("body", [{}, {"text": ""}, {"text": 5}, {"text": "x", "colour": "red"},
                                  {"text": "x", "id": "i" * 501}, [1, 2]])
def test_a_malformed_body_is_a_422(client: TestClient, body: Any) -> None:
    assert client.post("/api/documents", json=body, headers=AUTH).status_code == 422


def test_a_body_that_is_not_json_is_a_422(client: TestClient) -> None:
    response = client.post("/api/documents", content=b"text=hello",
                           headers={**AUTH, "Content-Type": "application/json"})
    assert response.status_code == 422


def test_the_posted_documents_events_are_linked_into_incidents(client: TestClient,
                                                               posted: Any) -> None:
    content_hash_ = posted.json()["content_hash"]
    members = [(m["content_hash"], m["id"])
               for i in client.get("/api/incidents").json()["items"] for m in i["events"]]
    assert any(doc == content_hash_ for doc, _ in members)


WIRE = ("Government jets struck a crowded market in the town of Kansafra on Monday morning, "
        "killing at least four civilians and wounding a dozen more, according to local medics "
        "and residents who spoke to reporters by telephone from the area.")


def test_a_republished_copy_is_marked_as_a_near_duplicate(client: TestClient) -> None:
    original = client.post("/api/documents", headers=AUTH, json={"text": WIRE, "id": "wire"})
    copy = client.post("/api/documents", headers=AUTH, json={
        "text": WIRE.replace("by telephone", "over the telephone"), "id": "copy"})
    assert copy.json()["near_duplicate_of"] == original.json()["content_hash"]
    assert client.get("/api/documents/copy").json()["near_duplicate_of"] == (
        original.json()["content_hash"])
