"""Throughput of `extract` against spaCy alone, on the acled-notes evaluation set.

    python benchmarks/throughput.py [--limit N] [--set PATH_TO_SET_DIR]

Prints documents/s and words/s per core for fogwatch's whole pipeline (one process = one core),
the same for spaCy's own `nlp.pipe` with the same model on the same texts, and the ratio
fogwatch/spaCy, the figure we track. Model loading and warm-up are excluded from both timings.
"""

from __future__ import annotations

import argparse
import json
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
    args = parser.parse_args()
    lines = args.set.joinpath("docs.jsonl").read_text(encoding="utf-8").split("\n")
    lines = [line for line in lines if line.strip()]
    documents = [document_from_record(json.loads(line)) for line in lines[: args.limit]]
    texts = [d.text for d in documents]
    words = sum(len(t.split()) for t in texts)

    nlp = load_model()
    list(extract_documents(documents[:20]))  # warm-up: gazetteer, lexicons, caches

    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    spacy_seconds = time.perf_counter() - start

    start = time.perf_counter()
    for _ in extract_documents(documents):
        pass
    fogwatch_seconds = time.perf_counter() - start

    print(f"set: {args.set.name}, documents: {len(documents)}, words: {words}")
    timings = (("spacy nlp.pipe", spacy_seconds), ("fogwatch extract", fogwatch_seconds))
    for name, seconds in timings:
        print(f"{name:>17}: {len(documents) / seconds:8.1f} docs/s  "
              f"{words / seconds:9.0f} words/s per core  ({seconds:.1f} s)")
    print(f"ratio fogwatch/spacy (throughput): {spacy_seconds / fogwatch_seconds:.2f}")


if __name__ == "__main__":
    main()
