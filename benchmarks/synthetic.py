"""A synthetic news corpus for the benchmarks and the scale tests: our own template sentences,
no evaluation text. Deterministic for a seed.

    python benchmarks/synthetic.py OUT.jsonl [--docs 2000] [--off-topic 0.0] [--seed 7]

Each conflict story is four to six sentences: an attack or clash with actors, a town and a day,
a casualty figure with a hedge, an attribution, sometimes a denial or a cumulative tally. With
`--off-topic F`, that fraction of the stories are about sport, markets, weather or culture
instead (what the relevance prefilter should skip).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ACTORS = ["Gunmen", "Militia fighters", "Government soldiers", "Police officers", "Rebels",
          "Security forces", "Unidentified attackers", "Insurgents", "Army troops"]
VERBS = ["attacked", "shelled", "raided", "stormed", "fired on", "ambushed", "bombed"]
TARGETS = ["a checkpoint", "a market", "a police station", "a village", "an army base",
           "a convoy", "a school", "a military post", "a fuel depot"]
TOWNS = ["Mosul", "Sirte", "Gao", "Kidal", "Marib", "Idlib", "Bunia", "Goma", "Tessalit",
         "Erbil", "Basra", "Aleppo", "Kansafra", "Maiduguri", "Beni", "Kramatorsk"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
HEDGES = ["at least", "as many as", "more than", "nearly", "about"]
VICTIMS = ["civilians", "soldiers", "police officers", "fighters", "villagers", "people"]
SOURCES = ["a local official said", "witnesses told reporters", "the army said in a statement",
           "according to a hospital source", "a rebel spokesman claimed", "state media reported"]
FOLLOW_UPS = [
    "The government has not confirmed the figure.",
    "A spokesman for the group denied any involvement.",
    "No group has claimed responsibility for the attack.",
    "Residents said the fighting lasted for several hours.",
    "At least {total} people have been killed in the region since January.",
    "Talks between the two sides are due to resume next week.",
]
OFF_TOPIC = [
    "The city's football club won its third match in a row on {day}, beating its rivals "
    "{a} to {b} in front of a home crowd.",
    "Shares in the largest retailer rose {a} percent on {day} after the company reported "
    "higher sales over the holiday season.",
    "Forecasters expect light rain over {town} on {day}, with temperatures around {a} degrees "
    "and clearer skies by the weekend.",
    "The museum in {town} opened a new exhibition of textiles on {day}, with more than {a} "
    "pieces lent by private collectors.",
    "The central bank kept its main interest rate at {a} percent, saying inflation was close "
    "to its target.",
    "A new bakery on the main square of {town} sold out of bread within {a} hours of opening.",
    "The orchestra announced a season of {a} concerts, starting with a programme of piano "
    "music on {day}.",
]


def conflict_story(rng: random.Random) -> str:
    town, day = rng.choice(TOWNS), rng.choice(DAYS)
    killed, wounded = rng.randint(1, 40), rng.randint(0, 60)
    sentences = [
        f"{rng.choice(ACTORS)} {rng.choice(VERBS)} {rng.choice(TARGETS)} near {town} on {day}, "
        f"{rng.choice(SOURCES)}.",
        f"{rng.choice(HEDGES).capitalize()} {killed} {rng.choice(VICTIMS)} were killed and "
        f"{wounded} wounded in the attack.",
    ]
    for template in rng.sample(FOLLOW_UPS, rng.randint(2, 4)):
        sentences.append(template.format(total=killed + rng.randint(10, 300)))
    return " ".join(sentences)


def off_topic_story(rng: random.Random) -> str:
    return " ".join(
        template.format(day=rng.choice(DAYS), town=rng.choice(TOWNS), a=rng.randint(2, 90),
                        b=rng.randint(0, 3))
        for template in rng.sample(OFF_TOPIC, rng.randint(3, 5)))


def records(count: int, *, off_topic: float = 0.0, seed: int = 7) -> Iterator[dict[str, Any]]:
    """`count` JSONL records {"id", "text", "published", "source", "title"}; every text is
    distinct (a story number closes it), so each is its own document."""
    rng = random.Random(seed)
    start = dt.date(2024, 1, 1)
    for n in range(count):
        story = off_topic_story(rng) if rng.random() < off_topic else conflict_story(rng)
        yield {"id": f"syn-{n:06d}", "text": f"{story} (Story {n}.)",
               "published": (start + dt.timedelta(days=n % 365)).isoformat(),
               "source": "Synthetic Wire", "title": f"Report {n}"}


def write_corpus(path: Path, count: int, *, off_topic: float = 0.0, seed: int = 7) -> int:
    """Write the corpus as JSONL; returns its number of words."""
    words = 0
    with path.open("w", encoding="utf-8") as out:
        for record in records(count, off_topic=off_topic, seed=seed):
            words += len(record["text"].split())
            out.write(json.dumps(record) + "\n")
    return words


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--off-topic", type=float, default=0.0)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    words = write_corpus(args.out, args.docs, off_topic=args.off_topic, seed=args.seed)
    print(f"{args.out}: {args.docs} documents, {words} words")


if __name__ == "__main__":
    main()
