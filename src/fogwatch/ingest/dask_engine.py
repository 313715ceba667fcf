"""Running the pipeline on a Dask cluster: a LocalCluster on this machine, or a real cluster.

The same partition function as the local pool (`pool.extract_batch`) runs on each partition of a
batch; every worker loads the spaCy model once, when it joins (a WorkerPlugin calling the cached
`nlp.load_model`). Reading and storing stay with the client: results come back in input order
and are written through the store in batches, keyed by content hash, so a partition that Dask
runs again (an exception, a worker that died) can never store a document twice.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable, Iterator
from types import TracebackType
from typing import Any

import dask
from distributed import Client, Future, LocalCluster, WorkerPlugin

from fogwatch.errors import FogwatchError
from fogwatch.ingest.pool import describe, extract_batch
from fogwatch.nlp import load_model
from fogwatch.records import Document, Extraction

__all__ = ["LOCAL_WORKERS", "PARTITION_SIZE", "RETRIES", "DaskEngine", "EngineError",
           "ModelLoader"]

LOCAL_WORKERS = 2
# Documents per task: small enough that a batch spreads over every worker, large enough that
# spaCy's nlp.pipe batches and the scheduler's per-task cost stays small.
PARTITION_SIZE = 32
# How often Dask reruns a partition whose task raised; a worker that dies is rerun by the
# scheduler itself (distributed.scheduler.allowed-failures).
RETRIES = 2
CONNECT_TIMEOUT = "15s"
# Dask's statistical profiler samples each worker's stack every 10 ms: about 8 % of a worker's
# CPU on our pipeline (measured with benchmarks/scale.py), for a dashboard we do not start.
# Dask's nannies also start workers with MALLOC_TRIM_THRESHOLD_=65536, so glibc hands freed
# memory back to the system almost at once; spaCy's many short-lived arrays then cost page
# faults and system calls, about 6 % of the ingest rate (benchmarks/scale.py: 127 -> 135
# docs/s with 2 workers on an idle machine) for a worker whose peak stays near 250 MiB.
_SPAWN_ENVIRONMENT = {
    name: value
    for name, value in dask.config.get("distributed.nanny.pre-spawn-environ", {}).items()
    if name != "MALLOC_TRIM_THRESHOLD_"}
LOCAL_CONFIG = {"distributed.worker.profile.enabled": False,
                "distributed.nanny.pre-spawn-environ": _SPAWN_ENVIRONMENT}

PartitionTask = Callable[[list[Document]], list[Extraction | str]]


class EngineError(FogwatchError):
    """The Dask engine cannot start or reach its scheduler."""


class ModelLoader(WorkerPlugin):
    """Loads the spaCy model once in each worker process, when the worker joins."""

    name = "fogwatch-model"

    def setup(self, worker: Any) -> None:
        load_model()


class DaskEngine:
    """`submit(documents)` as tasks on a Dask cluster; without `scheduler`, a LocalCluster.

    `task` is the partition function (the pipeline's `extract_batch`); `partition_size` the
    documents per task; `retries` how often a failed task is run again.
    """

    def __init__(self, scheduler: str | None = None, *, workers: int = LOCAL_WORKERS,
                 partition_size: int = PARTITION_SIZE, retries: int = RETRIES,
                 task: PartitionTask = extract_batch) -> None:
        if partition_size < 1:
            raise ValueError(f"partition_size must be at least 1, not {partition_size}")
        self.partition_size, self.retries, self._task = partition_size, retries, task
        self._cluster: LocalCluster | None = None
        self._scratch: tempfile.TemporaryDirectory[str] | None = None
        try:
            self._client = self._connect(scheduler, workers)
            self._load_models(scheduler)
        except BaseException:
            self.close()
            raise
        self.workers = max(1, len(self._client.scheduler_info(n_workers=-1)["workers"]))

    def _connect(self, scheduler: str | None, workers: int) -> Client:
        if scheduler is None:
            if workers < 1:
                raise ValueError(f"workers must be at least 1, not {workers}")
            self._scratch = tempfile.TemporaryDirectory(prefix="fogwatch-dask-")
            # The scheduler's HTTP server (health, metrics) on a free local port: several
            # clusters on one machine never collide on 8787.
            with dask.config.set(LOCAL_CONFIG):  # the workers' nannies take it with them
                self._cluster = LocalCluster(  # type: ignore[no-untyped-call]
                    n_workers=workers, threads_per_worker=1, processes=True,
                    local_directory=self._scratch.name, dashboard_address="127.0.0.1:0",
                    silence_logs=logging.ERROR)
            return Client(self._cluster)  # type: ignore[no-untyped-call]
        try:
            return Client(scheduler, timeout=CONNECT_TIMEOUT)  # type: ignore[no-untyped-call]
        except (OSError, TimeoutError, ValueError) as exc:
            raise EngineError(
                f"cannot reach the Dask scheduler at {scheduler} ({describe(exc)}); start one "
                "with `dask scheduler` and workers with `dask worker SCHEDULER` (fogwatch "
                "installed on each), or leave out --scheduler for a local cluster") from None

    def _load_models(self, scheduler: str | None) -> None:
        try:
            self._client.register_plugin(ModelLoader())
        except Exception as exc:  # e.g. fogwatch or its model missing on a remote worker
            where = f"the Dask workers of {scheduler}" if scheduler else "the Dask workers"
            raise EngineError(
                f"{where} cannot load fogwatch's pipeline ({describe(exc)}); install the same "
                "fogwatch version on every worker machine") from None

    @property
    def client(self) -> Client:
        return self._client

    def extract(self, documents: list[Document]) -> Iterator[Extraction | str]:
        """Results in input order."""
        return self.submit(documents)()

    def submit(self, documents: list[Document], task: PartitionTask | None = None
               ) -> Callable[[], Iterator[Extraction | str]]:
        """Send the documents to the cluster now, in partitions, each run by `task` (default:
        the engine's); the returned function yields the results in input order, waiting for
        them. A partition that still fails after its retries gives one error line per document
        instead of stopping the run."""
        size = self.partition_size
        partitions = [documents[i:i + size] for i in range(0, len(documents), size)]
        futures: list[Future[list[Extraction | str]]] = [
            self._client.submit(task or self._task, partition, retries=self.retries, pure=False)
            for partition in partitions]

        def results() -> Iterator[Extraction | str]:
            for partition, future in zip(partitions, futures, strict=True):
                try:
                    yield from future.result()
                except Exception as exc:  # retries spent, or workers kept dying
                    message = f"the Dask partition failed ({describe(exc)})"
                    yield from [message] * len(partition)
                finally:
                    future.release()  # type: ignore[no-untyped-call]

        return results

    def close(self) -> None:
        client = getattr(self, "_client", None)
        if client is not None:
            client.close()
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None
        if self._scratch is not None:
            self._scratch.cleanup()
            self._scratch = None

    def __enter__(self) -> DaskEngine:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()
