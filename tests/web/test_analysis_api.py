"""Incidents, dyads and alerts in the API and their pages, over hand-built incidents."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from .conftest import STRIKE_ID, STRIKE_TEXT


def _incident_ids(client: TestClient, **params: Any) -> list[str]:
    response = client.get("/api/incidents", params=params)
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["items"]]


def test_incidents_are_listed_oldest_first(client: TestClient) -> None:
    assert _incident_ids(client) == ["inc-strike", "inc-clash"]


@pytest.mark.parametrize(("params", "expected"), [
    ({"since": "2024-04-01"}, ["inc-clash"]),
    ({"until": "2024-04-01"}, ["inc-strike"]),
    ({"country": "irq"}, ["inc-clash"]),
    ({"type": "air/drone strike"}, ["inc-strike"]),
    ({"type": "Battles"}, ["inc-clash"]),
    ({"bbox": "35.5,35.0,38.0,37.0"}, ["inc-strike"]),
    ({"bbox": "40,30,-170,40"}, ["inc-clash"]),
    ({"country": "UKR"}, []),
])
def test_incident_filters(client: TestClient, params: dict[str, str],
                          expected: list[str]) -> None:
    assert _incident_ids(client, **params) == expected


def test_incident_pages_follow_each_other(client: TestClient) -> None:
    first = client.get("/api/incidents", params={"limit": 1}).json()
    assert ([i["id"] for i in first["items"]], first["total"]) == (["inc-strike"], 2)
    assert [i["id"] for i in client.get(first["next"]).json()["items"]] == ["inc-clash"]


def test_incident_pages_with_a_bbox_count_what_is_inside(client: TestClient) -> None:
    body = client.get("/api/incidents", params={"bbox": "30,30,50,40", "limit": 1}).json()
    assert ([i["id"] for i in body["items"]], body["total"]) == (["inc-strike"], 2)


def test_an_incident_carries_its_claims_and_member_events(client: TestClient) -> None:
    incident = client.get("/api/incidents").json()["items"][0]
    assert incident["fatalities"] == {"low": 4, "best": 4, "high": 4}
    assert [(c["source"]["name"], c["doc_id"], c["published"]) for c in incident["claims"]] == [
        ("Local media", "strike-story", "2024-03-05")]
    member = incident["events"][0]
    assert (member["id"], member["content_hash"], member["report_certainty"]) == (
        "strike", STRIKE_ID, "reported")
    assert member["evidence"][0]["field"] == "event"


def test_incident_detail_has_the_reports_texts(client: TestClient) -> None:
    body = client.get("/api/incidents/inc-strike").json()
    assert body["incident"]["id"] == "inc-strike"
    assert [(d["content_hash"], d["text"]) for d in body["documents"]] == [
        (STRIKE_ID, STRIKE_TEXT)]


def test_an_unknown_incident_is_a_404(client: TestClient) -> None:
    response = client.get("/api/incidents/inc-nope")
    assert response.status_code == 404
    assert "no incident 'inc-nope'" in response.json()["detail"]


def test_dyads_are_listed_busiest_first(client: TestClient) -> None:
    body = client.get("/api/dyads").json()
    assert (body["items"], body["total"]) == (
        [{"dyad": "IRQ:IRQ", "incidents": 1}, {"dyad": "SYR:TUR", "incidents": 1}], 2)


@pytest.mark.parametrize(("params", "dyads"), [
    ({"since": "2024-03-05"}, ["IRQ:IRQ"]), ({"until": "2024-03-04"}, ["SYR:TUR"]),
    ({"country": "SYR"}, ["SYR:TUR"]), ({"type": "Battles"}, ["IRQ:IRQ"]),
    ({"bbox": "40,30,50,40"}, ["IRQ:IRQ"]), ({"country": "UKR"}, [])])
def test_dyad_list_filters(client: TestClient, params: dict[str, str],
                           dyads: list[str]) -> None:
    items = client.get("/api/dyads", params=params).json()["items"]
    assert [item["dyad"] for item in items] == dyads


def test_the_dyads_page_links_each_dyad(client: TestClient) -> None:
    assert 'href="/dyads/SYR:TUR">SYR:TUR</a>' in client.get("/dyads").text


def test_a_dyad_has_its_daily_series(client: TestClient) -> None:
    body = client.get("/api/dyads/SYR:TUR").json()
    assert (body["dyad"], body["side"], body["total"]) == ("SYR:TUR", "country", 1)
    assert body["days"] == [{
        "date": "2024-03-04", "events_by_type": {"Explosions/Remote violence": 1},
        "fatalities": {"low": 4, "best": 4, "high": 4}, "verbal_conflict": 0, "cooperation": 0,
        "incident_ids": ["inc-strike"]}]


def test_a_dyad_takes_actor_ids_and_any_case(client: TestClient) -> None:
    body = client.get("/api/dyads/syr-mil:tur-mil").json()
    assert (body["dyad"], body["side"], body["total"]) == ("SYR-MIL:TUR-MIL", "id", 1)


def test_a_dyad_lists_its_alerts(client: TestClient) -> None:
    alerts = client.get("/api/dyads/SYR:TUR").json()["alerts"]
    assert [(a["kind"], a["dyad"], a["incident_ids"]) for a in alerts] == [
        ("first_direct_clash", "SYR:TUR", ["inc-strike"])]


def test_a_dyad_without_incidents_has_no_days(client: TestClient) -> None:
    body = client.get("/api/dyads/RUS:UKR").json()
    assert (body["days"], body["total"], body["alerts"]) == ([], 0, [])


def test_a_dyad_date_range_keeps_its_days(client: TestClient) -> None:
    assert client.get("/api/dyads/SYR:TUR", params={"since": "2024-03-05"}).json()["days"] == []


def test_a_dyad_type_filter_counts_only_those_incidents(client: TestClient) -> None:
    assert client.get("/api/dyads/SYR:TUR", params={"type": "Battles"}).json()["total"] == 0


@pytest.mark.parametrize("path", ["/api/dyads/SYR", "/api/dyads/SYR:", "/api/dyads/:TUR",
                                  "/api/dyads/S:TUR", "/api/dyads/SY%20R:TUR"])
def test_a_malformed_dyad_is_a_4xx(client: TestClient, path: str) -> None:
    assert client.get(path).status_code in (404, 422)


def test_alerts_are_listed(client: TestClient) -> None:
    body = client.get("/api/alerts").json()
    assert [(a["kind"], a["dyad"], a["date"]) for a in body["items"]] == [
        ("first_direct_clash", "SYR:TUR", "2024-03-04")]
    assert body["items"][0]["evidence"] == [
        {"doc_id": "strike-story", "text": "Local media said jets struck a market"}]


@pytest.mark.parametrize(("params", "count"), [
    ({"kind": "first_direct_clash"}, 1), ({"kind": "above_baseline"}, 0),
    ({"since": "2024-03-05"}, 0), ({"until": "2024-03-04"}, 1), ({"country": "TUR"}, 1),
    ({"country": "IRQ"}, 0), ({"type": "Battles"}, 0), ({"bbox": "35,35,37,36"}, 1),
])
def test_alert_filters(client: TestClient, params: dict[str, str], count: int) -> None:
    assert client.get("/api/alerts", params=params).json()["total"] == count


def test_an_unknown_alert_kind_is_a_422(client: TestClient) -> None:
    assert client.get("/api/alerts", params={"kind": "panic"}).status_code == 422


def test_the_incident_page_shows_every_claim_and_highlights_the_report(
        client: TestClient) -> None:
    page = client.get("/incidents/inc-strike").text
    assert "Local Wire ← Local media" in page and 'href="#r0-claim-c1"' in page
    text = page[page.index('<div class="article-text"'):]
    assert '<mark class="evidence claim" title="event; claim by Local media (reported)" ' \
        'id="r0-evidence-0">struck</mark>' in text
    assert 'href="/dyads/SYR:TUR"' in page


def test_the_incidents_map_lists_the_incidents(client: TestClient) -> None:
    page = client.get("/", params={"show": "incidents"}).text
    assert 'href="/incidents/inc-strike"' in page and 'data-kind="incidents"' in page
    assert 'data-api="/api/incidents?limit=500"' in page


def test_the_dyad_page_draws_its_chart_and_alerts(client: TestClient) -> None:
    page = client.get("/dyads/SYR:TUR").text
    assert page.count('<rect ') == 2  # one day: an incidents bar and a killed bar
    assert "first direct clash" in page and 'href="/incidents/inc-strike"' in page


def test_the_alerts_page_lists_the_alerts(client: TestClient) -> None:
    page = client.get("/alerts").text
    assert "first direct clash" in page and "Local media said jets struck a market" in page
