"""What guards the server: headers, CORS off, no path traversal, escaping of stored text, the
body limit and the bearer token of the write route."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from fogwatch.store import Store
from fogwatch.web import create_app
from fogwatch.web.render import safe_href
from fogwatch.web.security import RateLimits

from .conftest import HOSTILE_ID, TOKEN

PAYLOADS = ("<script>alert(", "<img src=x onerror", "<b onmouseover", "javascript:alert")


@pytest.mark.parametrize("path", ["/", "/api/events", f"/documents/{HOSTILE_ID}",
                                  "/static/app.css", "/api/nothing", "/no-such-page"])
def test_every_response_carries_the_security_headers(client: TestClient, path: str) -> None:
    headers = client.get(path).headers
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert "script-src 'self';" in headers["content-security-policy"]


def test_the_content_security_policy_allows_no_inline_script_or_style(
        client: TestClient) -> None:
    policy = client.get("/").headers["content-security-policy"]
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def test_pages_carry_no_inline_script(client: TestClient) -> None:
    page = client.get("/").text
    assert "<script>" not in page and "<script src=" in page
    assert " style=" not in page


def test_cors_is_off(client: TestClient) -> None:
    response = client.get("/api/events", headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in response.headers


def test_a_cors_preflight_is_not_granted(client: TestClient) -> None:
    response = client.options("/api/documents", headers={
        "Origin": "https://elsewhere.example", "Access-Control-Request-Method": "POST"})
    assert response.status_code == 405
    assert "access-control-allow-origin" not in response.headers


@pytest.mark.parametrize("path", [
    "/static/../../../../etc/passwd",
    "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/static/..%2f..%2f..%2fpyproject.toml",
    "/static/%2e%2e%2fapp.py",
    "/static/..\\..\\app.py",
    "/static//etc/passwd",
])
def test_static_files_never_leave_their_folder(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert "root:" not in response.text and "create_app" not in response.text


def test_static_files_are_served(client: TestClient) -> None:
    response = client.get("/static/app.css")
    assert (response.status_code, response.headers["content-type"]) == (
        200, "text/css; charset=utf-8")


@pytest.mark.parametrize(("path", "shown"), [
    (f"/documents/{HOSTILE_ID}", "&lt;script&gt;alert(&#39;text&#39;)"),
    (f"/events/{HOSTILE_ID}/hostile", "&lt;img src=x onerror=alert(&#39;img&#39;)&gt;"),
    ("/?country=SYR", "&lt;b onmouseover=alert(&#39;place&#39;)&gt;Aleppo"),
])
def test_stored_html_is_shown_as_text(client: TestClient, path: str, shown: str) -> None:
    page = client.get(path).text
    for payload in PAYLOADS:
        assert payload not in page, payload
    assert shown in page


def test_the_hostile_text_is_escaped_inside_its_highlight(client: TestClient) -> None:
    page = client.get(f"/events/{HOSTILE_ID}/hostile").text
    assert ('>&lt;script&gt;alert(&#39;text&#39;)&lt;/script&gt;</mark>' in page)


def test_an_attribute_payload_stays_inside_its_attribute(client: TestClient) -> None:
    page = client.get(f"/events/{HOSTILE_ID}/hostile").text
    assert 'title="claim by &lt;script&gt;alert(&#39;claim&#39;)&lt;/script&gt;' in page


def test_a_javascript_url_is_never_linked(client: TestClient) -> None:
    assert "javascript:" not in client.get(f"/documents/{HOSTILE_ID}").text


@pytest.mark.parametrize(("url", "expected"), [
    ("https://example.org/a", "https://example.org/a"), ("http://x.example/", "http://x.example/"),
    ("javascript:alert(1)", None), (" JaVaScRiPt:alert(1)", None), ("data:text/html,x", None),
    ("//evil.example/x", None), (None, None)])
def test_only_http_urls_become_links(url: str | None, expected: str | None) -> None:
    assert safe_href(url) == expected


def test_the_api_returns_stored_html_verbatim_as_json(client: TestClient) -> None:
    response = client.get(f"/api/documents/{HOSTILE_ID}")
    assert response.headers["content-type"] == "application/json"
    assert "<script>alert('text')</script>" in response.json()["text"]


def test_a_body_over_the_limit_is_a_413_before_any_work(store: Store) -> None:
    with TestClient(create_app(store, token=TOKEN, max_body_bytes=1000)) as small:
        response = small.post("/api/documents", json={"text": "x" * 2000},
                              headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 413
    assert response.json() == {"detail": "the request body is over the limit of 1000 bytes"}


def test_a_streamed_body_over_the_limit_is_a_413(store: Store) -> None:
    def chunks() -> object:
        for _ in range(5):
            yield b"x" * 400

    with TestClient(create_app(store, token=TOKEN, max_body_bytes=1000)) as small:
        response = small.post("/api/documents", content=chunks(),  # type: ignore[arg-type]
                              headers={"Authorization": f"Bearer {TOKEN}",
                                       "Content-Type": "application/json"})
    assert response.status_code == 413


def test_without_a_server_token_writes_are_refused(read_only_client: TestClient) -> None:
    response = read_only_client.post("/api/documents", json={"text": "Jets struck Kansafra."},
                                     headers={"Authorization": "Bearer anything"})
    assert response.status_code == 403
    assert "read-only" in response.json()["detail"]


def test_a_write_without_a_token_is_a_401(client: TestClient) -> None:
    response = client.post("/api/documents", json={"text": "Jets struck Kansafra."})
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize("header", [f"Bearer {TOKEN}x", f"Bearer {TOKEN[:-1]}", "Bearer ",
                                    f"Basic {TOKEN}", TOKEN, "Bearer ünïcode".encode()])
def test_a_write_with_a_wrong_token_is_a_401(client: TestClient, header: str | bytes) -> None:
    response = client.post("/api/documents", json={"text": "Jets struck Kansafra."},
                           headers={"Authorization": header})
    assert response.status_code == 401


def test_a_refused_write_stores_nothing(client: TestClient) -> None:
    client.post("/api/documents", json={"text": "Jets struck Kansafra."},
                headers={"Authorization": "Bearer wrong"})
    assert client.get("/api/events").json()["total"] == 3


class _Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _limited(store: Store, clock: _Clock) -> TestClient:
    return TestClient(create_app(store, token=TOKEN, rate_limits=RateLimits(
        read_per_second=2.0, read_burst=3, write_per_second=0.5, write_burst=2, clock=clock)))


def test_a_client_over_its_read_rate_gets_a_429_with_retry_after(store: Store) -> None:
    clock = _Clock()
    with _limited(store, clock) as client:
        codes = [client.get("/api/events").status_code for _ in range(4)]
        refused = client.get("/api/events")
        clock.now = 0.5  # one token back at 2 per second
        again = client.get("/api/events")
    assert codes == [200, 200, 200, 429]
    assert (refused.status_code, refused.headers["retry-after"]) == (429, "1")
    assert "too many requests" in refused.json()["detail"]
    assert again.status_code == 200


def test_writes_have_their_own_smaller_limit_counted_before_the_token(store: Store) -> None:
    clock = _Clock()
    with _limited(store, clock) as client:
        wrong = {"Authorization": "Bearer not-the-token"}
        codes = [client.post("/api/documents", json={"text": "x"}, headers=wrong).status_code
                 for _ in range(3)]
        read = client.get("/api/events")
    assert codes == [401, 401, 429]  # guessing tokens is slow
    assert read.status_code == 200


def test_a_rate_of_zero_is_no_limit(store: Store) -> None:
    app = create_app(store, rate_limits=RateLimits(read_per_second=0, read_burst=1))
    with TestClient(app) as client:
        assert {client.get("/api/events").status_code for _ in range(20)} == {200}
