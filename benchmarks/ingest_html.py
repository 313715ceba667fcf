"""Ingest throughput on generated HTML pages, in one process and with `--workers N`.

    python benchmarks/ingest_html.py [--pages 10000] [--workers 2]

Writes N small synthetic news pages (our own generated sentences) into a temporary folder, then
times `fogwatch ingest` on them into a fresh SQLite store, once with one process and once with
`--workers N`, and prints documents/s for each. The first run also warms the gazetteer cache.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ACTORS = ["Gunmen", "Militia fighters", "Soldiers", "Police", "Protesters", "Rebels",
          "Security forces", "Unidentified attackers"]
VERBS = ["attacked", "shelled", "raided", "surrounded", "stormed", "fired on", "besieged"]
TARGETS = ["a checkpoint", "a market", "a police station", "a village", "an army base",
           "a convoy", "a school"]
TOWNS = ["Mosul", "Sirte", "Gao", "Kidal", "Marib", "Idlib", "Bunia", "Goma", "Tessalit",
         "Erbil", "Basra", "Aleppo"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
FILLER = ("local officials residents witnesses said reported according to the after before "
          "during fighting hours night morning clashes casualties wounded killed at least "
          "several dozens no group claimed responsibility").split()


def write_pages(folder: Path, count: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    for n in range(count):
        sentences = [
            f"{rng.choice(ACTORS)} {rng.choice(VERBS)} {rng.choice(TARGETS)} near "
            f"{rng.choice(TOWNS)} on {rng.choice(DAYS)}, "
            + " ".join(rng.choice(FILLER) for _ in range(12))
            + f", with {rng.randint(1, 40)} reported."
            for _ in range(4)
        ]
        body = "".join(f"<p>{s}</p>" for s in sentences)
        folder.joinpath(f"p{n:05d}.html").write_text(
            f"<html><head><title>Report {n}</title><meta property='og:site_name' "
            f"content='Bench News'></head><body><nav>Home World</nav><article><h1>Report {n}"
            f"</h1>{body}</article><footer>Copyright</footer></body></html>", encoding="utf-8")


def timed_ingest(pages: Path, db: Path, workers: int) -> float:
    command = [sys.executable, "-m", "fogwatch", "ingest", str(pages), "--db", str(db)]
    if workers > 1:
        command += ["--workers", str(workers)]
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        pages = Path(tmp, "pages")
        pages.mkdir()
        write_pages(pages, args.pages)
        for workers in (1, args.workers):
            seconds = timed_ingest(pages, Path(tmp, f"w{workers}.db"), workers)
            print(f"workers={workers}: {args.pages} pages in {seconds:.1f} s = "
                  f"{args.pages / seconds:.1f} documents/s")


if __name__ == "__main__":
    main()
