"""Running the pipeline over batches of documents, in this process or in a local process pool.

Each worker process loads the spaCy model once, when it starts (`nlp.load_model` is cached per
process), and then parses every batch it is sent. Results come back in input order. Only the
extraction runs in the workers: reading and storing stay in the calling process, so the store
keeps a single writer.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from types import TracebackType

from fogwatch.nlp import load_model
from fogwatch.records import Document, Extraction

__all__ = ["ExtractionPool", "extract_batch", "model_loads"]


def extract_batch(documents: list[Document]) -> list[Extraction | str]:
    """Each document's Extraction, or a description of the exception that stopped it.

    Documents are parsed together; when the batch fails, the failing document is retried on its
    own (so the blame lands on the right one) and the rest go one by one.
    """
    from fogwatch import pipeline  # spaCy loads with the first batch, not at CLI start-up

    results: list[Extraction | str] = []
    batch = pipeline.extract_documents(documents)
    for index in range(len(documents)):
        try:
            results.append(next(batch))
        except Exception:  # a bug on one document must not lose the others
            results.extend(_extract_one(rest) for rest in documents[index:])
            break
    return results


def _extract_one(document: Document) -> Extraction | str:
    from fogwatch import pipeline

    try:
        return pipeline.extract_document(document)
    except Exception as exc:
        return describe(exc)


def describe(exc: Exception) -> str:
    """An exception as one line: its type and message."""
    return f"{type(exc).__name__}: {' '.join(str(exc).split())}"


def model_loads() -> tuple[int, int]:
    """This process's id and how many times it has loaded the spaCy model (for tests)."""
    return os.getpid(), load_model.cache_info().misses


class ExtractionPool:
    """`extract(documents)` in `workers` processes (1: in this process, no pool)."""

    def __init__(self, workers: int = 1) -> None:
        if workers < 1:
            raise ValueError(f"workers must be at least 1, not {workers}")
        self.workers = workers
        self._executor = (ProcessPoolExecutor(max_workers=workers, initializer=_start_worker)
                          if workers > 1 else None)

    def extract(self, documents: list[Document]) -> Iterator[Extraction | str]:
        """Results in input order; with a pool, the batch is split into one chunk per worker."""
        return self.submit(documents)()

    def submit(self, documents: list[Document]) -> Callable[[], Iterator[Extraction | str]]:
        """Start extracting now (with a pool); the returned function yields the results in
        input order, waiting for them. Without a pool, the work is done when they are asked."""
        executor = self._executor
        if executor is None:
            return lambda: iter(extract_batch(documents))
        size = max(1, -(-len(documents) // self.workers))
        chunks = [documents[i:i + size] for i in range(0, len(documents), size)]
        futures = [executor.submit(extract_batch, chunk) for chunk in chunks]

        def results() -> Iterator[Extraction | str]:
            for chunk, future in zip(chunks, futures, strict=True):
                try:
                    yield from future.result()
                except BrokenProcessPool as exc:  # a worker died (killed, out of memory)
                    yield from [f"a worker process died ({describe(exc)})"] * len(chunk)

        return results

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> ExtractionPool:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()


def _start_worker() -> None:
    load_model()
