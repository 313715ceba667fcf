"""Ingest throughput and memory by engine: one process, a local pool of N, and Dask with N workers.

    python benchmarks/scale.py [--docs 2000] [--workers 2] [--off-topic 0.0] [--prefilter]

Writes a synthetic corpus (benchmarks/synthetic.py: our own template stories), then for each
engine: starts it (workers load spaCy), warms every worker up on a few documents outside the
corpus, and times `ingest_items` (read, extract, store) over the corpus into a fresh SQLite
store. Prints documents/s, words/s, the speed-up over one process and the peak resident memory
(RSS) of every process that did extraction: this one for the single process, each pool or Dask
worker otherwise (Dask's nanny processes excluded). Start-up is reported apart, not timed in.

Other programs on the machine slow the wall clock down, so each run also adds up the CPU time
every process (this one, workers, nannies, the scheduler's thread) spent on the ingest, and
estimates the wall time on the same number of idle cores: the busiest process's CPU time or the
total over the cores, whichever is longer. "est. speed-up" compares those estimates.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psutil

from fogwatch.ingest.engines import EngineKind, open_engine
from fogwatch.ingest.readers import read_paths
from fogwatch.ingest.run import BATCH_SIZE, ingest_items
from fogwatch.pipeline import make_document
from fogwatch.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import write_corpus  # noqa: E402

WARM_UP = [f"Soldiers shelled a village near Gao on Tuesday; {n} people were killed."
           for n in range(16)]


class PeakMemory:
    """Polls this process and its descendants; the peak RSS of each, by pid."""

    def __init__(self, interval: float = 0.2) -> None:
        self.peaks: dict[int, tuple[str, int]] = {}
        self._interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._poll, daemon=True)

    def _poll(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            for process in [me, *me.children(recursive=True)]:
                try:
                    rss = process.memory_info().rss
                    role = _role(process)
                except psutil.Error:
                    continue
                _, peak = self.peaks.get(process.pid, (role, 0))
                self.peaks[process.pid] = (role, max(peak, rss))
            self._stop.wait(self._interval)

    @contextmanager
    def watching(self) -> Iterator[PeakMemory]:
        self._thread.start()
        try:
            yield self
        finally:
            self._stop.set()
            self._thread.join()


def _role(process: psutil.Process) -> str:
    if process.pid == os.getpid():
        return "main"
    command = " ".join(process.cmdline())
    if "multiprocessing.resource_tracker" in command or "forkserver" in command:
        return "helper"
    # A Dask nanny is the parent of a worker; the worker has no children of its own.
    return "nanny" if any(True for _ in process.children()) else "worker"


def cpu_seconds() -> dict[int, float]:
    """CPU time (user + system) so far of this process and each of its descendants, by pid."""
    me = psutil.Process()
    found = {}
    for process in [me, *me.children(recursive=True)]:
        try:
            times = process.cpu_times()
        except psutil.Error:
            continue
        found[process.pid] = times.user + times.system
    return found


def idle_estimate(before: dict[int, float], after: dict[int, float], cores: int) -> float:
    """The ingest's wall time on `cores` idle cores, from the CPU time each process spent."""
    spent = [after[pid] - before.get(pid, 0.0) for pid in after]
    return max(max(spent), sum(spent) / cores)


def run(kind: EngineKind, workers: int, corpus: Path, folder: Path, *,
        prefilter: bool) -> tuple[float, float, float, int, list[int]]:
    """(start-up s, ingest s, estimated ingest s on idle cores, documents stored, peak RSS of
    each extracting process)."""
    items = list(read_paths([str(corpus)]))
    memory = PeakMemory()
    with memory.watching():
        started = time.perf_counter()
        with open_engine(kind, workers=workers, prefilter=prefilter) as engine:
            list(engine.submit([make_document(text) for text in WARM_UP])())
            startup = time.perf_counter() - started
            db = folder / f"{kind}-{workers}.db"
            with Store.open(str(db)) as store:
                start, cpu_before = time.perf_counter(), cpu_seconds()
                stored = sum(outcome.status == "new" for outcome in ingest_items(
                    items, store, pool=engine, batch_size=BATCH_SIZE * engine.workers))
                seconds, cpu_after = time.perf_counter() - start, cpu_seconds()
    roles = {"main"} if kind == "local" and workers == 1 else {"worker"}
    peaks = sorted(rss for role, rss in memory.peaks.values() if role in roles)
    estimate = idle_estimate(cpu_before, cpu_after, os.cpu_count() or 1)
    return startup, seconds, estimate, stored, peaks


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--off-topic", type=float, default=0.0)
    parser.add_argument("--prefilter", action="store_true")
    args = parser.parse_args()
    load = os.getloadavg()
    print(f"machine: {os.cpu_count()} cores, load average {load[0]:.2f} {load[1]:.2f} "
          f"{load[2]:.2f} at start")
    with tempfile.TemporaryDirectory(prefix="fogwatch-bench-") as tmp:
        corpus = Path(tmp, "corpus.jsonl")
        words = write_corpus(corpus, args.docs, off_topic=args.off_topic)
        print(f"corpus: {args.docs} synthetic documents, {words} words"
              f"{f', {args.off_topic:.0%} off-topic' if args.off_topic else ''}"
              f"{', --prefilter' if args.prefilter else ''}")
        baseline = baseline_estimate = None
        for kind, workers in (("local", 1), ("local", args.workers), ("dask", args.workers)):
            startup, seconds, estimate, stored, peaks = run(kind, workers, corpus, Path(tmp),
                                                            prefilter=args.prefilter)
            rate = args.docs / seconds
            baseline, baseline_estimate = baseline or rate, baseline_estimate or estimate
            label = f"{kind} x{workers}"
            memory = ", ".join(f"{rss / 2**20:.0f}" for rss in peaks)
            print(f"{label:>9}: {rate:7.1f} docs/s {words / seconds:9.0f} words/s "
                  f"{rate / baseline:5.2f}x by wall clock; on idle cores (est.) "
                  f"{args.docs / estimate:7.1f} docs/s {baseline_estimate / estimate:5.2f}x  "
                  f"({stored} stored in {seconds:.1f} s; start-up {startup:.1f} s; peak RSS per "
                  f"extracting process, MiB: {memory})")
    load = os.getloadavg()
    print(f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} at the end")


if __name__ == "__main__":
    main()
