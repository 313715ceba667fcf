"""Throughput of `extract` against spaCy alone, on the acled-notes evaluation set.

    python benchmarks/throughput.py [--limit N] [--set PATH_TO_SET_DIR] [--longest]

Prints documents/s and words/s per core for fogwatch's whole pipeline (one process = one core),
the same for spaCy's own `nlp.pipe` with the same model on the same texts, and the ratio
fogwatch/spaCy, the figure we track. Model loading and warm-up are excluded from both timings.
Each figure is given twice: by wall-clock time, and by this process's CPU time (per CPU-second),
which stays meaningful when other programs share the cores; the load average is printed too.
`--longest` takes the set's N longest documents instead of its first N: a stage whose cost grows
faster than a story's length (work per place per event, say) shows there and hides among short
notes.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

from fogwatch.ingest.documents import document_from_record
from fogwatch.nlp import load_model
from fogwatch.pipeline import extract_documents

DEFAULT_SET = Path(__file__).resolve().parents[2] / "shared" / "eval" / "acled-notes"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", type=Path, default=DEFAULT_SET)
    parser.add_argument("--limit", type=int, default=1000)
    parser.add_argument("--longest", action="store_true",
                        help="the N longest documents rather than the first N")
    args = parser.parse_args()
    lines = args.set.joinpath("docs.jsonl").read_text(encoding="utf-8").split("\n")
    lines = [line for line in lines if line.strip()]
    records = [json.loads(line) for line in lines]
    if args.longest:
        records.sort(key=lambda record: -len(record.get("text", "")))
    documents = [document_from_record(record) for record in records[: args.limit]]
    texts = [d.text for d in documents]
    words = sum(len(t.split()) for t in texts)

    nlp = load_model()
    list(extract_documents(documents[:20]))  # warm-up: gazetteer, lexicons, caches

    load = os.getloadavg()[0]
    start, cpu_start = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    spacy_seconds, spacy_cpu = time.perf_counter() - start, time.process_time() - cpu_start

    start, cpu_start = time.perf_counter(), time.process_time()
    for _ in extract_documents(documents):
        pass
    fogwatch_seconds, fogwatch_cpu = (time.perf_counter() - start,
                                      time.process_time() - cpu_start)

    chosen = " (longest)" if args.longest else ""
    print(f"set: {args.set.name}{chosen}, documents: {len(documents)}, words: {words}; "
          f"{os.cpu_count()} cores, load average {load:.2f} -> {os.getloadavg()[0]:.2f}")
    timings = (("spacy nlp.pipe", spacy_seconds, spacy_cpu),
               ("fogwatch extract", fogwatch_seconds, fogwatch_cpu))
    for name, seconds, cpu in timings:
        print(f"{name:>17}: {len(documents) / seconds:8.1f} docs/s  "
              f"{words / seconds:9.0f} words/s per core  ({seconds:.1f} s wall); per CPU-second: "
              f"{len(documents) / cpu:8.1f} docs  {words / cpu:9.0f} words  ({cpu:.1f} s CPU)")
    print(f"ratio fogwatch/spacy (throughput): {spacy_seconds / fogwatch_seconds:.2f} by wall "
          f"clock, {spacy_cpu / fogwatch_cpu:.2f} by CPU time")


if __name__ == "__main__":
    main()
