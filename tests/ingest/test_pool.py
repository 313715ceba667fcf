"""The extraction pool: results in input order, a failing document isolated, one model load per
worker process."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pytest

from fogwatch import pipeline
from fogwatch.ingest import pool
from fogwatch.ingest.pool import ExtractionPool, extract_batch
from fogwatch.pipeline import make_document
from fogwatch.records import Document, Extraction

TEXTS = [f"Gunmen attacked checkpoint {n} near Mosul on Tuesday." for n in range(6)]


def test_two_workers_return_extractions_in_input_order() -> None:
    documents = [make_document(text) for text in TEXTS]
    with ExtractionPool(2) as workers:
        results = list(workers.extract(documents))
    assert [r.document.id for r in results if isinstance(r, Extraction)] == [
        d.id for d in documents]


def test_each_worker_loads_the_model_once() -> None:
    with ExtractionPool(2) as workers:
        list(workers.extract([make_document(text) for text in TEXTS]))
        assert workers._executor is not None
        loads = {workers._executor.submit(pool.model_loads).result() for _ in range(20)}
    assert {count for _, count in loads} == {1}


def test_a_document_that_breaks_the_pipeline_is_isolated(monkeypatch: pytest.MonkeyPatch) -> None:
    real_many, real_one = pipeline.extract_documents, pipeline.extract_document

    def many(documents: Iterable[Document], batch_size: int = 64) -> Iterator[Extraction]:
        for extraction in real_many(documents, batch_size):
            if "BREAK" in extraction.document.text:
                raise RuntimeError("stage broke")
            yield extraction

    def one(document: Document) -> Extraction:
        if "BREAK" in document.text:
            raise RuntimeError("stage broke")
        return real_one(document)

    monkeypatch.setattr(pipeline, "extract_documents", many)
    monkeypatch.setattr(pipeline, "extract_document", one)
    results = extract_batch([make_document(t) for t in ("One.", "A BREAK here.", "Three.")])
    assert [r if isinstance(r, str) else "ok" for r in results] == [
        "ok", "RuntimeError: stage broke", "ok"]


def test_fewer_than_one_worker_is_refused() -> None:
    with pytest.raises(ValueError, match="workers must be at least 1, not 0"):
        ExtractionPool(0)
