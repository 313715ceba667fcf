"""Where the pipeline runs: the engine an ingest hands its batches to.

`local` is this process or a local process pool (`pool.ExtractionPool`); `dask` is a Dask
cluster (`dask_engine.DaskEngine`), a LocalCluster unless a scheduler address is given. Both
run the same partition function and return results in input order, so the rest of the ingest
(reading, near-duplicates, storing) is one code path. `Prefiltered` puts the relevance
prefilter in front of either.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Literal, Protocol

from fogwatch.records import Document, Extraction

__all__ = ["ENGINES", "Engine", "EngineKind", "Prefiltered", "open_engine"]

EngineKind = Literal["local", "dask"]
ENGINES: tuple[EngineKind, ...] = ("local", "dask")
Results = Callable[[], Iterator[Extraction | str]]


class Engine(Protocol):
    """Starts extracting a batch at `submit`; the returned function yields the results (an
    Extraction, or a one-line error) in input order."""

    @property
    def workers(self) -> int: ...

    def submit(self, documents: list[Document]) -> Results: ...

    def close(self) -> None: ...


class Prefiltered:
    """An engine that sends on only the documents the relevance prefilter keeps; each skipped
    document's result is its Extraction with nothing found (no events, places or dates)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self.skipped = 0

    @property
    def workers(self) -> int:
        return self._engine.workers

    def submit(self, documents: list[Document]) -> Results:
        from fogwatch.pipeline.prefilter import looks_relevant  # loads the pipeline package

        keep = [looks_relevant(document.text) for document in documents]
        self.skipped += keep.count(False)
        inner = self._engine.submit([d for d, kept in zip(documents, keep, strict=True) if kept])

        def results() -> Iterator[Extraction | str]:
            found = inner()
            for document, kept in zip(documents, keep, strict=True):
                yield next(found) if kept else Extraction(document)

        return results

    def close(self) -> None:
        self._engine.close()


@contextmanager
def open_engine(kind: EngineKind, *, workers: int | None = None, scheduler: str | None = None,
                prefilter: bool = False) -> Iterator[Engine]:
    """The engine `kind`, closed on exit. `workers`: local processes (default 1) or the
    LocalCluster's workers (default 2); a cluster behind `scheduler` has its own."""
    engine: Engine
    if kind == "local":
        if scheduler is not None:
            raise ValueError("a scheduler address needs the dask engine")
        from fogwatch.ingest.pool import ExtractionPool
        engine = ExtractionPool(workers or 1)
    else:
        if scheduler is not None and workers is not None:
            raise ValueError("the cluster behind the scheduler has its own workers; "
                             "leave out the number of workers")
        # Imported here: dask is only loaded when it is asked for.
        from fogwatch.ingest.dask_engine import LOCAL_WORKERS, DaskEngine
        engine = DaskEngine(scheduler, workers=workers or LOCAL_WORKERS)
    if prefilter:
        engine = Prefiltered(engine)
    try:
        yield engine
    finally:
        engine.close()
