"""The web UI in real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright):
`fogwatch serve` runs on a free loopback port over a store filled from examples/; the tests open
the map, click a place, follow an event to its page and check that its evidence is highlighted.
Screenshots go to tests/artifacts/."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from typer.testing import CliRunner

from fogwatch.cli.main import app
from fogwatch.store import Store
from fogwatch.web.app import STATIC

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
HOSTILE = ("Gunmen <script>alert('x')</script> attacked a checkpoint on Monday "
           "<img src=x onerror=alert('y')> and killed two police officers.")

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason=f"{CHROMIUM} is absent (scripts/system.sh installs it)")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _ingest_examples(db: Path, folder: Path) -> None:
    (folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", str(ROOT / "examples"),
                                      str(folder / "hostile.txt"), "--db", str(db)])
    assert result.exit_code == 0, result.output
    linked = CliRunner().invoke(app, ["link", "--db", str(db)])  # a no-op when ingest linked
    assert linked.exit_code == 0, linked.output


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`fogwatch serve` (read-only, as by default) over a store filled from examples/ while
    the server starts; its base URL."""
    assert (STATIC / "vendor" / "leaflet" / "leaflet.js").exists(), (
        "the map assets are not built: run scripts/build_assets.sh")
    folder = tmp_path_factory.mktemp("browser")
    db = folder / "examples.db"
    Store.open(str(db)).close()
    port = _free_port()
    script = Path(sys.executable).with_name("fogwatch")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "fogwatch"]
    log = folder / "serve.log"
    env = {k: v for k, v in os.environ.items() if k != "FOGWATCH_TOKEN"}
    with log.open("w") as out:
        process = subprocess.Popen([*command, "serve", "--db", str(db), "--host",
                                    "127.0.0.1", "--port", str(port)], env=env, stdout=out,
                                   stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        _ingest_examples(db, folder)
        deadline = time.monotonic() + 90
        while True:
            try:
                if httpx.get(f"{base}/api/events", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert process.poll() is None, log.read_text()
            assert time.monotonic() < deadline, f"the server did not start: {log.read_text()}"
            time.sleep(0.3)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    opened.errors = []
    opened.on("console", lambda m: opened.errors.append(m.text) if m.type == "error" else None)
    opened.on("pageerror", lambda e: opened.errors.append(str(e)))
    opened.on("dialog", lambda d: (opened.errors.append(f"dialog: {d.message}"), d.dismiss()))
    yield opened
    context.close()


def _events(base: str) -> list[dict[str, Any]]:
    body = httpx.get(f"{base}/api/events", params={"limit": 500}).json()
    items: list[dict[str, Any]] = body["items"]
    return items


def _open_map(page: Any, base: str, show: str = "events") -> None:
    page.goto(f"{base}/?show={show}")
    page.wait_for_selector("#map[data-ready=true]", timeout=20_000)


def _screenshot(page: Any, name: str, *, full_page: bool = True) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.wait_for_timeout(300)  # let the map's pan and fade animations finish
    page.screenshot(path=str(ARTIFACTS / name), full_page=full_page)


def test_the_map_draws_one_circle_per_place_over_the_basemap(server: str, page: Any) -> None:
    places = {(e["location"]["lat"], e["location"]["lon"]) for e in _events(server)
              if e["location"] and e["location"]["lat"] is not None}
    _open_map(page, server)
    assert page.locator("path.event-marker").count() == len(places) > 0
    assert page.locator("path.country").count() > 100
    assert page.locator("#timeline rect").count() > 0
    _screenshot(page, "map.png", full_page=False)
    assert page.errors == []


def test_clicking_a_place_then_an_event_shows_its_evidence_highlighted(server: str,
                                                                        page: Any) -> None:
    event = next(e for e in _events(server) if e["location"] and e["evidence"])
    detail = httpx.get(f"{server}/api/events/{event['content_hash']}/{event['id']}").json()
    text = detail["document"]["text"]
    expected = [text[e["start"]:e["end"]] for e in event["evidence"]]

    _open_map(page, server)
    page.locator(f"path.event-marker[aria-label*='{event['location']['name']}']").click()
    popup = page.locator(".leaflet-popup")
    popup.wait_for()
    _screenshot(page, "map-popup.png", full_page=False)
    link = popup.locator(f"a.event-link[href='/events/{event['content_hash']}/{event['id']}']")
    link.click()
    page.wait_for_url(f"**/events/{event['content_hash']}/{event['id']}")

    marks = page.locator(".article-text mark.evidence")
    assert marks.count() >= 1
    shown = " ".join(marks.all_inner_texts())
    for words in expected:
        assert words in shown
    background = marks.first.evaluate("m => getComputedStyle(m).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    _screenshot(page, "event.png")
    assert page.errors == []


def test_clicking_an_incident_shows_every_report_with_its_evidence(server: str,
                                                                    page: Any) -> None:
    body = httpx.get(f"{server}/api/incidents", params={"limit": 500}).json()
    incident = max((i for i in body["items"] if i["place"] and i["place"]["lat"] is not None),
                   key=lambda i: len(i["events"]))
    _open_map(page, server, "incidents")
    page.locator(f"path.event-marker[aria-label*='{incident['place']['name']}']").click()
    page.locator(f".leaflet-popup a.event-link[href='/incidents/{incident['id']}']").click()
    page.wait_for_url(f"**/incidents/{incident['id']}")

    reports = page.locator("article.report")
    assert reports.count() == len(incident["events"])
    claims = page.locator("table.claims tbody tr")
    assert claims.count() == len(incident["claims"])
    with_evidence = [n for n, member in enumerate(incident["events"]) if member.get("evidence")]
    assert with_evidence
    for n in with_evidence:
        assert reports.nth(n).locator("mark.evidence").count() >= 1
    _screenshot(page, "incident.png")
    assert page.errors == []


def test_the_evidence_marks_cover_exactly_the_evidence_offsets(server: str, page: Any) -> None:
    event = next(e for e in _events(server) if e["evidence"])
    page.goto(f"{server}/events/{event['content_hash']}/{event['id']}")
    covered = page.evaluate("""() => {
        const box = document.querySelector('.article-text');
        const spans = []; let offset = 0;
        const walk = node => {
            if (node.nodeType === Node.TEXT_NODE) {
                const inside = node.parentElement.matches('mark.evidence');
                if (inside) spans.push([offset, offset + node.textContent.length]);
                offset += node.textContent.length;
            } else { node.childNodes.forEach(walk); }
        };
        walk(box);
        return spans;
    }""")
    marked = {i for start, end in covered for i in range(start, end)}
    expected = {i for e in event["evidence"] for i in range(e["start"], e["end"])}
    assert marked == expected


def test_the_date_slider_hides_later_events(server: str, page: Any) -> None:
    events = _events(server)
    days = sorted({e["date"]["start"] for e in events if e["date"] and e["date"]["start"]})
    first_places = {(e["location"]["lat"], e["location"]["lon"]) for e in events
                    if e["location"] and e["location"]["lat"] is not None and e["date"]
                    and e["date"]["start"] == days[0]}
    _open_map(page, server)
    slider = page.locator("#date-slider")
    slider.focus()
    page.keyboard.press("Home")
    assert page.locator("#date-shown").inner_text().startswith(days[0])
    assert page.locator("path.event-marker").count() == len(first_places)
    page.keyboard.press("End")
    assert page.locator("#date-shown").inner_text().startswith("all dates")
    assert page.locator("#timeline-range").inner_text() == f"{days[0]} to {days[-1]}"
    page.locator("#timeline rect").first.click()  # the first day's bar
    assert page.locator("#date-shown").inner_text().startswith(days[0])


def test_the_view_button_filters_to_the_maps_bounds(server: str, page: Any) -> None:
    _open_map(page, server)
    page.locator("#to-view").click()
    page.wait_for_url("**bbox=*")
    page.wait_for_selector("#map[data-ready=true]")
    bbox = page.evaluate("new URLSearchParams(location.search).get('bbox')")
    inside = httpx.get(f"{server}/api/events", params={"bbox": bbox}).json()["total"]
    assert page.locator("table.events tbody tr").count() == inside > 0


def test_the_live_server_sends_the_security_headers_and_no_banner(server: str) -> None:
    headers = httpx.get(f"{server}/").headers
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    assert "server" not in headers


def test_the_server_is_read_only_without_a_token(server: str) -> None:
    response = httpx.post(f"{server}/api/documents", json={"text": "Jets struck Kansafra."})
    assert response.status_code == 403


def test_a_place_opens_from_the_keyboard(server: str, page: Any) -> None:
    _open_map(page, server)
    page.locator("path.event-marker").first.focus()
    page.keyboard.press("Enter")
    page.locator(".leaflet-popup a.event-link").first.wait_for()


def test_a_document_with_script_payloads_shows_as_text(server: str, page: Any) -> None:
    page.goto(f"{server}/documents/hostile")
    assert "<script>alert('x')</script>" in page.locator(".article-text").inner_text()
    assert page.locator(".article-text script, .article-text img").count() == 0
    _screenshot(page, "document-escaped.png")
    assert page.errors == []


def _first_event_and_incident(base: str) -> list[str]:
    event = next(e for e in _events(base) if e["evidence"])
    incident = httpx.get(f"{base}/api/incidents").json()["items"][0]
    dyad = httpx.get(f"{base}/api/dyads").json()["items"][0]["dyad"]
    return [f"/events/{event['content_hash']}/{event['id']}", f"/incidents/{incident['id']}",
            f"/documents/{event['content_hash']}", f"/dyads/{dyad}"]


def test_every_page_passes_the_axe_accessibility_rules(server: str, browser: Any) -> None:
    # axe-core (pinned in frontend/package-lock.json, a test tool only) is injected as an
    # inline script, which the pages' CSP rightly forbids: this context bypasses the CSP.
    assert AXE.exists(), "axe-core is not installed: run scripts/build_assets.sh"
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    found = {}
    for path in ["/", "/?show=incidents", "/alerts", "/dyads", *_first_event_and_incident(server)]:
        page.goto(f"{server}{path}")
        if page.locator("#map").count():
            page.wait_for_selector("#map[data-ready=true]")
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        found[path] = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
                       for v in result["violations"]]
    context.close()
    assert found == {path: [] for path in found}
