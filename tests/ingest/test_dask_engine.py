"""The Dask engine on a real LocalCluster (2 worker processes): the same stored result as the
in-process engine, one model load per worker, and a failed partition retried without storing
anything twice."""

from __future__ import annotations

import functools
import importlib.util
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import cloudpickle
import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from fogwatch.cli.main import app
from fogwatch.ingest import pool
from fogwatch.ingest.dask_engine import DaskEngine
from fogwatch.ingest.pool import ExtractionPool, extract_batch
from fogwatch.ingest.readers import read_paths
from fogwatch.ingest.run import ingest_items
from fogwatch.pipeline import make_document
from fogwatch.records import Document, Extraction
from fogwatch.store import Store, schema

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
TEXTS = [f"Gunmen attacked checkpoint {n} near Mosul on Tuesday; two soldiers were killed."
         for n in range(24)]

# The partition functions below live in this test module, which the workers cannot import:
# send them by value.
cloudpickle.register_pickle_by_value(sys.modules[__name__])


@pytest.fixture(scope="module")
def engine() -> Iterator[DaskEngine]:
    with DaskEngine(workers=2, partition_size=8) as started:
        yield started


def stored_rows(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table of the store, row by row in key order, less the time of ingest and the
    store's own counters (store_state: its incidents generation starts at a random number)."""
    engine = sa.create_engine(f"sqlite:///{db}")
    rows: dict[str, list[tuple[Any, ...]]] = {}
    with engine.connect() as conn:
        for table in schema.metadata.sorted_tables:
            if table is schema.store_state:
                continue
            columns = [c for c in table.columns if c.name != "ingested_at"]
            query = sa.select(*columns).order_by(*table.primary_key.columns)
            rows[table.name] = [tuple(row) for row in conn.execute(query)]
    engine.dispose()
    return rows


def _fails_first_time(marks: Path, documents: list[Document]) -> list[Extraction | str]:
    """The pipeline, after raising once per partition (a marker file remembers the attempt)."""
    mark = marks / documents[0].id
    if not mark.exists():
        mark.touch()
        raise RuntimeError("a flaky partition")
    return extract_batch(documents)


def _dies_first_time(marks: Path, documents: list[Document]) -> list[Extraction | str]:
    """The pipeline, after killing its worker process once (as the OOM killer would)."""
    mark = marks / "died"
    if not mark.exists():
        mark.touch()
        os._exit(1)
    return extract_batch(documents)


def test_each_dask_worker_loads_the_model_once(engine: DaskEngine) -> None:
    results = list(engine.extract([make_document(text) for text in TEXTS]))
    assert all(isinstance(r, Extraction) for r in results)
    loads = engine.client.run(pool.model_loads)
    assert len({pid for pid, _ in loads.values()}) == 2
    assert {count for _, count in loads.values()} == {1}


def _worker_settings() -> tuple[str | None, str | None, bool]:
    import dask
    return (os.environ.get("MALLOC_TRIM_THRESHOLD_"), os.environ.get("OMP_NUM_THREADS"),
            bool(dask.config.get("distributed.worker.profile.enabled")))


def test_local_workers_run_without_the_profiler_and_the_eager_malloc_trim(
        engine: DaskEngine) -> None:
    # both cost the pipeline CPU (benchmarks/README.md); Dask's other worker settings stay
    assert set(engine.client.run(_worker_settings).values()) == {(None, "1", False)}


def test_dask_results_come_back_in_input_order(engine: DaskEngine) -> None:
    documents = [make_document(text) for text in TEXTS]
    results = list(engine.extract(documents))
    assert [r.document.id for r in results if isinstance(r, Extraction)] == [
        d.id for d in documents]


def test_a_partition_that_raises_is_retried_and_stored_once(
        engine: DaskEngine, tmp_path: Path) -> None:
    documents = [make_document(text) for text in TEXTS[:20]]
    results = list(engine.submit(documents, functools.partial(_fails_first_time, tmp_path))())
    assert [r.document.id for r in results if isinstance(r, Extraction)] == [
        d.id for d in documents]
    assert len(list(tmp_path.iterdir())) == 3  # three partitions of 8, 8 and 4, each failed once


@pytest.mark.slow
def test_a_partition_whose_worker_dies_is_rerun_and_nothing_is_stored_twice(
        engine: DaskEngine, tmp_path: Path) -> None:
    items = list(read_paths([str(_jsonl(tmp_path / "in.jsonl", TEXTS[:16]))]))
    marks = tmp_path / "marks"
    marks.mkdir()

    class Dying:
        workers = 2

        def submit(self, documents: list[Document]) -> Any:
            return engine.submit(documents, functools.partial(_dies_first_time, marks))

    with Store.open(str(tmp_path / "fog.db")) as store:
        outcomes = [o.status for o in ingest_items(items, store, pool=Dying(), batch_size=16)]
        again = [o.status for o in ingest_items(items, store, pool=engine, batch_size=16)]
    assert (outcomes, again) == (["new"] * 16, ["already stored"] * 16)
    assert len(stored_rows(tmp_path / "fog.db")["documents"]) == 16


def test_the_dask_engine_stores_what_the_in_process_engine_stores_on_the_examples(
        engine: DaskEngine, tmp_path: Path) -> None:
    items = list(read_paths([str(EXAMPLES)]))
    for name, engine_used in (("local", ExtractionPool(1)), ("dask", engine)):
        with Store.open(str(tmp_path / f"{name}.db")) as store:
            statuses = [o.status for o in ingest_items(items, store, pool=engine_used)]
        assert statuses == ["new"] * 8
    assert stored_rows(tmp_path / "dask.db") == stored_rows(tmp_path / "local.db")


@pytest.mark.slow
def test_fogwatch_ingest_engine_dask_stores_what_the_local_engine_stores(
        tmp_path: Path) -> None:
    runner = CliRunner()
    local = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", str(tmp_path / "local.db")])
    dask = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", str(tmp_path / "dask.db"),
                               "--engine", "dask"])
    assert (local.exit_code, dask.exit_code) == (0, 0), dask.output
    assert dask.output == local.output
    assert dask.output.startswith("8 new, 0 already stored\n")
    assert stored_rows(tmp_path / "dask.db") == stored_rows(tmp_path / "local.db")


def test_a_scheduler_needs_the_dask_engine(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["ingest", str(EXAMPLES), "--scheduler",
                                      "tcp://127.0.0.1:8786", "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 2
    assert "--scheduler needs --engine dask" in result.output


def _jsonl(path: Path, texts: list[str]) -> Path:
    path.write_text("".join(f'{{"text": "{text}"}}\n' for text in texts), encoding="utf-8")
    return path


def _synthetic() -> Any:
    spec = importlib.util.spec_from_file_location("synthetic", ROOT / "benchmarks" /
                                                  "synthetic.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_the_dask_engine_stores_what_the_in_process_engine_stores_on_2000_documents(
        engine: DaskEngine, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    _synthetic().write_corpus(corpus, 2000, off_topic=0.2)
    items = list(read_paths([str(corpus)]))
    for name, engine_used in (("local", ExtractionPool(1)), ("dask", engine)):
        with Store.open(str(tmp_path / f"{name}.db")) as store:
            statuses = {o.status for o in ingest_items(items, store, pool=engine_used,
                                                       batch_size=128)}
        assert statuses == {"new"}
    assert stored_rows(tmp_path / "dask.db") == stored_rows(tmp_path / "local.db")
