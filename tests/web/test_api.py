"""The JSON API: every route, its filters, pagination and page-size limits, and malformed input
answered with a clear 4xx (never a 500)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from fogwatch.store import Store
from fogwatch.web import create_app

from .conftest import CLASH_ID, HOSTILE_ID, STRIKE_ID, STRIKE_TEXT


def _ids(client: TestClient, **params: Any) -> list[str]:
    response = client.get("/api/events", params=params)
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["items"]]


def test_events_are_listed_oldest_first(client: TestClient) -> None:
    assert _ids(client) == ["strike", "clash", "hostile"]


def test_an_event_carries_its_document_ids_and_format_fields(client: TestClient) -> None:
    strike = client.get("/api/events").json()["items"][0]
    assert (strike["doc_id"], strike["content_hash"]) == ("strike-story", STRIKE_ID)
    assert strike["location"]["name"] == "Kansafra"
    assert strike["fatalities"] == {"low": 4, "best": 4, "high": 4}
    assert strike["evidence"][0] == {"field": "event", "start": STRIKE_TEXT.index("struck"),
                                     "end": STRIKE_TEXT.index("struck") + len("struck")}


def test_since_keeps_events_on_or_after_the_day(client: TestClient) -> None:
    assert _ids(client, since="2024-05-01") == ["clash", "hostile"]


def test_until_keeps_events_on_or_before_the_day(client: TestClient) -> None:
    assert _ids(client, until="2024-05-01") == ["strike", "clash"]


def test_since_and_until_together_keep_the_range(client: TestClient) -> None:
    assert _ids(client, since="2024-04-01", until="2024-05-31") == ["clash"]


def test_country_filter_ignores_case(client: TestClient) -> None:
    assert _ids(client, country="irq") == ["clash"]


def test_type_filter_matches_a_sub_event_type(client: TestClient) -> None:
    assert _ids(client, type="air/drone strike") == ["strike"]


def test_type_filter_matches_an_event_type(client: TestClient) -> None:
    assert _ids(client, type="Battles") == ["clash", "hostile"]


def test_bbox_keeps_events_inside_it(client: TestClient) -> None:
    # Around north-west Syria: Kansafra (36.48 E) and Aleppo (37.16 E), not Mosul (43.13 E).
    assert _ids(client, bbox="35.5,35.0,38.0,37.0") == ["strike", "hostile"]


def test_bbox_across_the_antimeridian_wraps(client: TestClient) -> None:
    # west 40 > east -170: from 40 E eastwards over 180 to 170 W, so Mosul only.
    assert _ids(client, bbox="40,30,-170,40") == ["clash"]


def test_filters_combine(client: TestClient) -> None:
    assert _ids(client, country="SYR", type="Battles") == ["hostile"]


def test_no_match_is_an_empty_page(client: TestClient) -> None:
    body = client.get("/api/events", params={"country": "UKR"}).json()
    assert (body["items"], body["total"], body["next"]) == ([], 0, None)


def test_pages_follow_each_other_without_gaps_or_repeats(client: TestClient) -> None:
    first = client.get("/api/events", params={"limit": 2}).json()
    assert ([i["id"] for i in first["items"]], first["total"]) == (["strike", "clash"], 3)
    second = client.get(first["next"]).json()
    assert ([i["id"] for i in second["items"]], second["offset"], second["next"]) == (
        ["hostile"], 2, None)


def test_next_keeps_the_filters(client: TestClient) -> None:
    first = client.get("/api/events", params={"type": "Battles", "limit": 1}).json()
    assert "type=Battles" in first["next"]
    assert [i["id"] for i in client.get(first["next"]).json()["items"]] == ["hostile"]


def test_an_offset_past_the_end_is_an_empty_page(client: TestClient) -> None:
    body = client.get("/api/events", params={"offset": 50}).json()
    assert (body["items"], body["total"]) == ([], 3)


def test_the_largest_page_size_is_accepted(client: TestClient) -> None:
    assert client.get("/api/events", params={"limit": 500}).json()["limit"] == 500


@pytest.mark.parametrize(("params", "name"), [
    ({"limit": 501}, "limit"),
    ({"limit": 0}, "limit"),
    ({"offset": -1}, "offset"),
    ({"limit": "ten"}, "limit"),
    ({"since": "2024-13-01"}, "since"),
    ({"until": "yesterday"}, "until"),
    ({"country": "Syria"}, "country"),
    ({"country": "S1R"}, "country"),
    ({"bbox": "1,2,3"}, "bbox"),
    ({"bbox": "a,b,c,d"}, "bbox"),
    ({"bbox": "0,50,10,40"}, "bbox"),
    ({"bbox": "0,-95,10,40"}, "bbox"),
    ({"bbox": "nan,0,10,10"}, "bbox"),
    ({"bbox": "200,0,10,10"}, "bbox"),
    ({"since": "2024-05-02", "until": "2024-05-01"}, "until"),
    ({"type": "x" * 101}, "type"),
])
def test_a_malformed_parameter_is_a_422_naming_it(client: TestClient, params: dict[str, Any],
                                                   name: str) -> None:
    response = client.get("/api/events", params=params)
    assert response.status_code == 422
    assert [e["loc"] for e in response.json()["detail"]] == [["query", name]]


def test_event_detail_has_the_event_and_its_document_text(client: TestClient) -> None:
    body = client.get(f"/api/events/{STRIKE_ID}/strike").json()
    assert (body["event"]["id"], body["document"]["text"]) == ("strike", STRIKE_TEXT)


def test_an_event_says_what_decided_its_type(client: TestClient) -> None:
    listed = client.get("/api/events", params={"type": "Air/drone strike"}).json()["items"]
    detail = client.get(f"/api/events/{STRIKE_ID}/strike").json()["event"]
    assert listed[0]["typed_by"] == detail["typed_by"] == "events_triggers.csv: struck"


def test_event_detail_takes_the_documents_own_id(client: TestClient) -> None:
    assert client.get("/api/events/strike-story/strike").json()["event"]["content_hash"] == (
        STRIKE_ID)


def test_an_unknown_event_is_a_404_saying_which(client: TestClient) -> None:
    response = client.get(f"/api/events/{STRIKE_ID}/nope")
    assert response.status_code == 404
    assert response.json() == {"detail": f"no stored event 'nope' in document '{STRIKE_ID}'"}


def test_an_event_of_another_document_is_a_404(client: TestClient) -> None:
    assert client.get(f"/api/events/{CLASH_ID}/strike").status_code == 404


def test_document_by_content_hash(client: TestClient) -> None:
    body = client.get(f"/api/documents/{STRIKE_ID}").json()
    assert (body["content_hash"], body["doc_id"], body["title"], body["published"]) == (
        STRIKE_ID, "strike-story", "Market struck", "2024-03-05")
    assert [e["id"] for e in body["events"]] == ["strike"]
    assert body["events"][0]["content_hash"] == STRIKE_ID


def test_document_by_its_own_id(client: TestClient) -> None:
    assert client.get("/api/documents/hostile").json()["content_hash"] == HOSTILE_ID


def test_an_unknown_document_is_a_404(client: TestClient) -> None:
    response = client.get("/api/documents/missing-story")
    assert response.status_code == 404
    assert "no stored document 'missing-story'" in response.json()["detail"]


def test_an_overlong_key_is_a_422(client: TestClient) -> None:
    assert client.get("/api/documents/" + "a" * 501).status_code == 422


def test_the_openapi_schema_lists_every_route(client: TestClient) -> None:
    paths = client.get("/api/openapi.json").json()["paths"]
    assert {"/api/events", "/api/events/{doc_id}/{event_id}", "/api/documents/{doc_id}",
            "/api/documents"} <= set(paths)


def test_the_openapi_schema_declares_the_bearer_token(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    assert schema["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"
    assert schema["paths"]["/api/documents"]["post"]["security"] == [{"HTTPBearer": []}]


def test_an_unknown_api_route_is_a_json_404(client: TestClient) -> None:
    response = client.get("/api/nothing-here")
    assert (response.status_code, response.json()) == (404, {"detail": "Not Found"})


def test_a_write_method_on_a_read_route_is_a_405(client: TestClient) -> None:
    assert client.delete("/api/events").status_code == 405


def test_a_store_that_breaks_under_the_server_is_a_503_saying_so(tmp_path: Path) -> None:
    path = tmp_path / "broken.db"
    with Store.open(str(path)) as store:
        client = TestClient(create_app(store), raise_server_exceptions=False)
        store.close()
        path.write_bytes(b"not a database " * 500)
        api, page = client.get("/api/events"), client.get("/")
    assert api.status_code == 503
    assert "not a fogwatch database" in api.json()["detail"]
    assert page.status_code == 503 and "not a fogwatch database" in page.text
