"""Crash safety: `fogwatch ingest` over 2,000 documents is killed with SIGKILL at random points
(while starting and migrating, mid-ingest, while linking), rerun, and the store must equal a
clean run's: no document, event or incident lost, duplicated or half-written."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from reliability.cli_runs import (
    child_env,
    run_ingest,
    spawn_ingest,
    sqlite_documents,
    sqlite_dump,
    sqlite_health,
    wait_until,
)
from reliability.corpus import write_corpus

DOCUMENTS = 2000
# A kill while the process starts, five while it stores, one after the last document (linking).
MID_INGEST_KILLS = 5


@pytest.fixture
def scratch(tmp_path: Path) -> Iterator[Path]:
    # The stores live in memory when the machine has a tmpfs: a SIGKILL tests the process, not
    # the disk, and 2,000 fsyncs a run would make the test minutes longer.
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK):
        with tempfile.TemporaryDirectory(dir=shm, prefix="fogwatch-crash-") as where:
            yield Path(where)
    else:
        yield tmp_path


def _kill(process: subprocess.Popen[bytes]) -> bool:
    """SIGKILL; False if the run had already finished by itself."""
    if process.poll() is not None:
        return False
    process.send_signal(signal.SIGKILL)
    process.wait()
    return True


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_sigkill_at_random_points_then_rerun_equals_a_clean_run(
        tmp_path: Path, scratch: Path) -> None:
    seed = int(os.environ.get("FOGWATCH_CRASH_SEED", time.time_ns() % 10**6))
    pick = random.Random(seed)
    corpus = write_corpus(tmp_path / "news.jsonl", DOCUMENTS)
    env, log = child_env(tmp_path / "pycache"), tmp_path / "killed-runs.log"
    clean, crashed = scratch / "clean.db", scratch / "crashed.db"

    done = run_ingest(corpus, str(clean), env)
    assert done.returncode == 0, done.stderr
    assert f"{DOCUMENTS} new, 0 already stored" in done.stdout

    kills: list[str] = []
    process = spawn_ingest(corpus, str(crashed), env, log)  # killed while starting up
    time.sleep(pick.uniform(0.2, 3.0))
    if _kill(process):
        kills.append("at start")
    targets = sorted(pick.sample(range(1, DOCUMENTS - 100), MID_INGEST_KILLS))
    for target in [*targets, DOCUMENTS]:
        goal = max(target, sqlite_documents(crashed) + 1)
        process = spawn_ingest(corpus, str(crashed), env, log)
        reached = wait_until(lambda goal=goal: sqlite_documents(crashed) >= goal,
                             timeout=300, every=0.1)
        assert reached or process.poll() is not None, f"no progress towards {target} documents"
        if target == DOCUMENTS:
            time.sleep(pick.uniform(0.0, 2.0))  # somewhere in the linking that follows
        if _kill(process):
            kills.append(f"at {sqlite_documents(crashed)} documents")
        integrity, half_written, orphans = sqlite_health(crashed)
        assert (integrity, half_written, orphans) == ("ok", 0, 0), (seed, kills)

    rerun = run_ingest(corpus, str(crashed), env)
    assert rerun.returncode == 0, rerun.stderr
    print(f"seed {seed}: {len(kills)} SIGKILLs survived ({'; '.join(kills)}); rerun: "
          f"{rerun.stdout.strip()}")
    assert len(kills) >= MID_INGEST_KILLS
    clean_dump, crashed_dump = sqlite_dump(clean), sqlite_dump(crashed)
    assert crashed_dump.keys() == clean_dump.keys()
    for table in clean_dump:
        assert crashed_dump[table] == clean_dump[table], (table, seed, kills)
