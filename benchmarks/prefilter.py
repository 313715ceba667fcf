"""The relevance prefilter, measured: recall on the evaluation sets' relevant documents, how
much it skips of the irrelevant ones, and the time that saves.

    python benchmarks/prefilter.py [--eval ../shared/eval] [--pipeline-sample 300]

Relevant, per set (as each set's README marks it): acled-notes, gva: every document;
case-dev: an ACLED sub-type label (not one of the five look-alike classes); plover-gsr: an ACLED
reading (`event_type`), and separately every sentence, since each carries a PLOVER event
(verbal ones included); muc-dev: `relevant` with an incident that is not optional. The
irrelevant ones: case-dev's look-alikes, plover-gsr's non-ACLED sentences, muc-dev's
irrelevant reports. gwn, lgl and tempeval3 (general and local news, no event gold) show how
much ordinary news it lets through.

With --synthetic N it times the whole pipeline on N synthetic stories (benchmarks/synthetic.py),
half of them off-topic (sport, markets, weather, culture), with and without the prefilter.

With --pipeline-sample N it also runs the full pipeline on N documents of each set and reports
the recall against the pipeline's own output (documents where it found an event) and the
seconds the pipeline spends on the documents the prefilter skips.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fogwatch.ingest.documents import document_from_record
from fogwatch.pipeline import extract_document, extract_documents
from fogwatch.pipeline.prefilter import looks_relevant

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import records  # noqa: E402

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
Gold = dict[str, Any]
RELEVANT: dict[str, Callable[[Gold], bool | None]] = {
    "acled-notes": lambda gold: True,
    "case-dev": lambda gold: gold["label"] not in {
        "Natural disaster", "Man-made disaster", "Organized crime", "Diplomatic event",
        "Attribution of responsibility"},
    "plover-gsr": lambda gold: (True if gold.get("event_type") else
                                False if gold.get("label") == "non-ACLED" else None),
    "plover-gsr (any PLOVER event)": lambda gold: True,
    "muc-dev": lambda gold: (None if gold["all_optional"] and gold["relevant"]
                             else bool(gold["relevant"])),
    "gva": lambda gold: True,
    "gwn": lambda gold: None,
    "lgl": lambda gold: None,
    "tempeval3": lambda gold: None,
}


def load(folder: Path) -> list[tuple[dict[str, Any], Gold]]:
    docs = [json.loads(line) for line in folder.joinpath("docs.jsonl").open(encoding="utf-8")
            if line.strip()]
    gold = {g["id"]: g for g in (json.loads(line) for line in
                                 folder.joinpath("gold.jsonl").open(encoding="utf-8"))}
    return [(doc, gold.get(doc["id"], {})) for doc in docs]


def pipeline_figures(records: list[dict[str, Any]]) -> tuple[int, int, float, float]:
    """(docs with events, of those kept by the prefilter, s on all, s on the skipped)."""
    documents = [document_from_record(record) for record in records]
    with_events = kept = 0
    total = skipped_seconds = 0.0
    for document in documents:
        start = time.perf_counter()
        extraction = extract_document(document)
        seconds = time.perf_counter() - start
        total += seconds
        relevant = looks_relevant(document.text)
        if not relevant:
            skipped_seconds += seconds
        if extraction.events:
            with_events += 1
            kept += relevant
    return with_events, kept, total, skipped_seconds


def synthetic_saving(count: int) -> None:
    documents = [document_from_record(r) for r in records(count, off_topic=0.5, seed=11)]
    start = time.perf_counter()
    list(extract_documents(documents))
    everything = time.perf_counter() - start
    start = time.perf_counter()
    kept = [d for d in documents if looks_relevant(d.text)]
    list(extract_documents(kept))
    filtered = time.perf_counter() - start
    print(f"\nsynthetic, {count} stories, half off-topic: prefilter keeps {len(kept)}; pipeline "
          f"{everything:.1f} s on all, {filtered:.1f} s with the prefilter "
          f"({1 - filtered / everything:.0%} saved)")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--eval", type=Path, default=EVAL)
    parser.add_argument("--pipeline-sample", type=int, default=0)
    parser.add_argument("--synthetic", type=int, default=0)
    args = parser.parse_args()
    list(extract_documents([document_from_record({"text": "Warm-up: troops clashed."})]))
    print(f"{'set':<31}{'relevant kept':>17}{'recall':>8}{'irrelevant skipped':>20}"
          f"{'prefilter µs/doc':>18}")
    for name, relevant_of in RELEVANT.items():
        rows = load(args.eval / name.split(" ")[0])
        start = time.perf_counter()
        kept = [looks_relevant(doc["text"]) for doc, _ in rows]
        micro = (time.perf_counter() - start) / len(rows) * 1e6
        labels = [relevant_of(gold) for _, gold in rows]
        hits = sum(k for k, lab in zip(kept, labels, strict=True) if lab)
        positives = sum(1 for lab in labels if lab)
        negatives = [k for k, lab in zip(kept, labels, strict=True) if lab is not True]
        recall = f"{hits / positives:.3f}" if positives else "–"
        skipped = sum(not k for k in negatives)
        print(f"{name:<31}{f'{hits}/{positives}':>17}{recall:>8}"
              f"{f'{skipped}/{len(negatives)}':>20}{micro:>18.0f}")
    if args.synthetic:
        synthetic_saving(args.synthetic)
    if args.pipeline_sample:
        print(f"\nfull pipeline on the first {args.pipeline_sample} documents of each set:")
        for name in ("acled-notes", "case-dev", "plover-gsr", "muc-dev", "gva", "gwn", "lgl",
                     "tempeval3"):
            records = [doc for doc, _ in load(args.eval / name)[: args.pipeline_sample]]
            with_events, kept, total, skipped_s = pipeline_figures(records)
            print(f"{name:<12} docs with events kept {kept}/{with_events}; pipeline "
                  f"{total:.1f} s, of it {skipped_s:.1f} s on the skipped documents "
                  f"({skipped_s / total:.0%} saved)")


if __name__ == "__main__":
    main()
