"""A bounded load test on loopback: `fogwatch serve` answers a mix of API and page requests from
several clients while `fogwatch ingest` writes into the same store; no request may fail, and
requests/s and p99 latency are printed."""

from __future__ import annotations

import http.client
import json
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

from reliability.cli_runs import child_env, run_ingest, spawn_ingest, sqlite_documents, wait_until
from reliability.corpus import story, write_corpus

CLIENTS = 4
SECONDS = 15.0
MAX_REQUESTS = 20_000


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _get(port: int, path: str) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def _client(port: int, paths: list[str], stop_at: float, latencies: list[float],
            statuses: Counter[str], lock: threading.Lock, budget: list[int]) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    number = 0
    while time.monotonic() < stop_at:
        with lock:
            if budget[0] <= 0:
                break
            budget[0] -= 1
        path = paths[number % len(paths)]
        number += 1
        started = time.perf_counter()
        try:
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            outcome = str(response.status)
        except (OSError, http.client.HTTPException) as exc:
            outcome = type(exc).__name__
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        elapsed = time.perf_counter() - started
        with lock:
            latencies.append(elapsed)
            statuses[outcome] += 1
    conn.close()


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_the_api_holds_its_load_with_no_error_while_an_ingest_writes(tmp_path: Path) -> None:
    env = child_env(tmp_path / "pycache")
    db = tmp_path / "fog.db"
    first = write_corpus(tmp_path / "first.jsonl", 200)
    assert run_ingest(first, str(db), env).returncode == 0
    # More stories, all new, for the ingest that writes during the load.
    more = tmp_path / "more.jsonl"
    more.write_text("".join(json.dumps(story(number)) + "\n" for number in range(5000, 5600)),
                    encoding="utf-8")

    port = _free_port()
    log = (tmp_path / "serve.log").open("wb")
    # All clients share one address: the per-client read limit is off (it has its own tests
    # in tests/web/test_security.py), the load is what is measured here.
    server = subprocess.Popen([sys.executable, "-m", "fogwatch", "serve", "--db", str(db),
                               "--port", str(port), "--read-rate", "0"],
                              stdout=log, stderr=subprocess.STDOUT,
                              env={**env, "FOGWATCH_TOKEN": "load-test-token"})
    writer = None
    try:
        assert wait_until(lambda: _probe(port), timeout=120), (tmp_path / "serve.log").read_text()
        status, body = _get(port, "/api/events?limit=50")
        assert status == 200
        events = json.loads(body)["items"]
        assert events
        paths = ["/api/events?limit=20", "/api/events?limit=20&offset=40&country=SYR", "/"]
        for event in events[:10]:
            paths += [f"/api/documents/{event['doc_id']}",
                      f"/api/events/{event['doc_id']}/{event['id']}",
                      f"/events/{event['doc_id']}/{event['id']}"]

        writer = spawn_ingest(more, str(db), env, tmp_path / "ingest.log")
        assert wait_until(lambda: sqlite_documents(db) > 200, timeout=300), \
            (tmp_path / "ingest.log").read_text()
        stored_before = sqlite_documents(db)
        latencies: list[float] = []
        statuses: Counter[str] = Counter()
        lock, budget = threading.Lock(), [MAX_REQUESTS]
        started = time.monotonic()
        clients = [threading.Thread(target=_client, args=(
            port, paths[i:] + paths[:i], started + SECONDS, latencies, statuses, lock, budget))
            for i in range(CLIENTS)]
        for client in clients:
            client.start()
        for client in clients:
            client.join()
        elapsed = time.monotonic() - started
        stored_during = sqlite_documents(db) - stored_before
    finally:
        if writer is not None:
            writer.kill()
            writer.wait()
        server.terminate()
        server.wait(timeout=30)
        log.close()

    latencies.sort()
    p50, p99 = latencies[len(latencies) // 2], latencies[int(len(latencies) * 0.99)]
    print(f"\nload: {len(latencies)} requests in {elapsed:.1f} s from {CLIENTS} clients = "
          f"{len(latencies) / elapsed:.1f} requests/s; p50 {p50 * 1000:.0f} ms, p99 "
          f"{p99 * 1000:.0f} ms; statuses {dict(statuses)}; the ingest stored {stored_during} "
          "documents meanwhile")
    assert set(statuses) == {"200"}, statuses
    assert stored_during > 0, "the ingest wrote nothing during the load"
    assert p99 < 5.0


def _probe(port: int) -> bool:
    try:
        return _get(port, "/api/events?limit=1")[0] == 200
    except OSError:
        return False
