"""The HTML pages: the same data as the API, evidence highlighted, errors as pages."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from fogwatch.records import ACLED_TAXONOMY
from fogwatch.web.render import TYPE_CLASSES

from .conftest import CLASH_ID, STRIKE_ID


def _marks(page: str, kind: str) -> list[str]:
    """The texts of the article's marks of this kind, in order."""
    text = page[page.index('<div class="article-text"'):]
    return re.findall(rf'<mark class="[^"]*\b{kind}\b[^"]*"[^>]*>([^<]*)</mark>', text)


def test_the_map_page_lists_the_events_the_api_lists(client: TestClient) -> None:
    page = client.get("/").text
    assert page.count("<tr>") == 1 + client.get("/api/events").json()["total"]
    assert f'href="/events/{STRIKE_ID}/strike"' in page


def test_the_map_page_applies_the_same_filters_as_the_api(client: TestClient) -> None:
    page = client.get("/", params={"country": "IRQ"}).text
    assert f'href="/events/{CLASH_ID}/clash"' in page
    assert f'href="/events/{STRIKE_ID}/strike"' not in page


def test_the_map_element_points_the_script_at_the_filtered_api(client: TestClient) -> None:
    page = client.get("/", params={"country": "IRQ", "limit": 2}).text
    assert 'data-api="/api/events?country=IRQ&amp;limit=500"' in page


def test_the_map_page_pages_with_links(client: TestClient) -> None:
    page = client.get("/", params={"limit": 1, "offset": 1}).text
    assert 'rel="prev" href="http://testserver/?limit=1&amp;offset=0"' in page
    assert 'rel="next" href="http://testserver/?offset=2&amp;limit=1"' in page


def test_the_event_page_highlights_each_evidence_span(client: TestClient) -> None:
    page = client.get(f"/events/{STRIKE_ID}/strike").text
    assert _marks(page, "evidence") == ["struck", "Kansafra", "Monday"]


def test_the_event_page_highlights_the_claim_and_links_to_it(client: TestClient) -> None:
    page = client.get(f"/events/{STRIKE_ID}/strike").text
    assert 'id="claim-c1"' in page and 'href="#claim-c1"' in page
    assert "Local media" in page and "Local Wire ← Local media" in page


def test_the_event_page_highlights_the_figure(client: TestClient) -> None:
    assert _marks(client.get(f"/events/{STRIKE_ID}/strike").text, "figure") == [
        "killing 4 people"]


def test_the_event_page_shows_the_fields(client: TestClient) -> None:
    page = client.get(f"/events/{STRIKE_ID}/strike").text
    assert "<h1>" in page and "Air/drone strike in Kansafra" in page
    assert "2024-03-04 (day)" in page and "35.6600, 36.4800" in page


def test_the_document_page_highlights_every_event(client: TestClient) -> None:
    page = client.get(f"/documents/{CLASH_ID}").text
    assert _marks(page, "evidence") == ["clashed"]


def test_an_unknown_event_is_a_404_page(client: TestClient) -> None:
    response = client.get(f"/events/{STRIKE_ID}/nope")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "no stored event &#39;nope&#39;" in response.text


def test_a_malformed_filter_is_a_422_page_naming_it(client: TestClient) -> None:
    response = client.get("/", params={"since": "soon"})
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("text/html")
    assert "since:" in response.text


def test_an_unknown_page_is_a_404_page(client: TestClient) -> None:
    response = client.get("/nothing/here")
    assert response.status_code == 404 and "<h1>Not found" in response.text


def test_pages_have_a_language_a_skip_link_and_landmarks(client: TestClient) -> None:
    page = client.get("/").text
    assert '<html lang="en">' in page
    assert '<a class="skip" href="#main">' in page and '<main id="main"' in page
    assert '<nav aria-label="Main">' in page


def test_every_form_field_on_the_map_page_has_a_label(client: TestClient) -> None:
    page = client.get("/").text
    inputs = re.findall(r"<input [^>]*>", page)
    labelled = re.findall(r"<label>[^<]*<input ", page) + re.findall(
        r'<label for="([^"]+)"', page)
    hidden = [i for i in inputs if 'type="hidden"' in i]
    assert len(inputs) - len(hidden) == len(labelled)


def test_every_acled_type_has_a_colour_class() -> None:
    assert set(TYPE_CLASSES) == set(ACLED_TAXONOMY)


@pytest.mark.parametrize(("path", "status"), [
    ("/?limit=abc", 422), ("/?show=everything", 422), ("/?bbox=1,2", 422),
    ("/alerts?kind=panic", 422), ("/dyads/S:TUR", 422), ("/dyads?offset=-3", 422),
    ("/incidents/" + "x" * 501, 422), ("/incidents/inc-none", 404),
    ("/documents/none", 404), ("/events/none/none", 404), ("/dyads/SYR:TUR?until=never", 422),
])
def test_malformed_page_requests_are_4xx_pages(client: TestClient, path: str,
                                               status: int) -> None:
    response = client.get(path)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
