"""The real `fogwatch ingest` into PostgreSQL while the server is stopped under it: it waits with
backoff and goes on when the server is back, or stops with a clear error when it stays away; what
it had committed is kept, and the rerun stores the rest."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
import sqlalchemy as sa

from reliability.cli_runs import child_env, run_ingest, spawn_ingest, wait_until
from reliability.corpus import write_corpus
from reliability.postgres import PostgresServer

DOCUMENTS = 300


def _documents(url: str) -> int:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            count: int = conn.exec_driver_sql("SELECT count(*) FROM documents").scalar_one()
            return count
    except sa.exc.DBAPIError:  # no table yet, or the server is away
        return 0
    finally:
        engine.dispose()


@pytest.mark.slow
def test_ingest_outlasts_a_postgres_restart(postgres: PostgresServer, tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "news.jsonl", DOCUMENTS)
    env = child_env(tmp_path / "pycache", FOGWATCH_DB_RETRY_SECONDS="60")
    log = tmp_path / "ingest.log"
    process = spawn_ingest(corpus, postgres.url, env, log)
    try:
        assert wait_until(lambda: _documents(postgres.url) >= 20, timeout=300)
        postgres.stop()
        restart = threading.Timer(3.0, postgres.start)
        restart.start()
        assert process.wait(timeout=600) == 0, log.read_text()
        restart.join()
    finally:
        process.kill()
    output = log.read_text()
    assert "the database server is not answering" in output
    assert f"{DOCUMENTS} new, 0 already stored" in output
    assert _documents(postgres.url) == DOCUMENTS


@pytest.mark.slow
def test_ingest_stops_clearly_when_postgres_stays_down_and_the_rerun_completes(
        postgres: PostgresServer, tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "news.jsonl", DOCUMENTS)
    env = child_env(tmp_path / "pycache", FOGWATCH_DB_RETRY_SECONDS="3")
    log = tmp_path / "ingest.log"
    process = spawn_ingest(corpus, postgres.url, env, log)
    try:
        assert wait_until(lambda: _documents(postgres.url) >= 20, timeout=300)
        postgres.stop()
        assert process.wait(timeout=120) == 1
    finally:
        process.kill()
    output = " ".join(log.read_text().split())
    assert "the database server stopped answering and did not come back (2 retries over 1.5 s" \
           in output
    assert "(stopped here: the documents not yet stored were left out)" in output
    postgres.start()
    kept = _documents(postgres.url)
    assert 20 <= kept < DOCUMENTS
    rerun = run_ingest(corpus, postgres.url, env)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{DOCUMENTS - kept} new, {kept} already stored" in rerun.stdout
    assert _documents(postgres.url) == DOCUMENTS
