"""Linking time on synthetic reports: 1k, 10k and 100k events, and how it grows.

    python benchmarks/linking.py [--sizes 1000 10000 100000] [--per-day 60]

Generates incidents at a steady rate (`--per-day` reported events a day, so a bigger corpus
covers more days, as a real feed does) across 3,000 made-up towns worldwide; each incident is
told by one to six reports whose dates drift by a day, whose places are the town, a spot a few
km away or its province, and whose types vary within a family (an air strike told as "an
attack"), and which name people from a shared pool of 200 names. One report in ten has no
place, one in ten only a week. Times `fogwatch.linking.link`
(blocking, scoring, clustering, reconciliation) at each size, prints the time, the pairwise
precision/recall against the generated incidents, and the growth factor between sizes (of the
CPU time of this process, which other work on a shared machine does not inflate).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from collections import defaultdict
from itertools import combinations

from fogwatch.linking import Mention, link, mention_of
from fogwatch.records import Document, Event, Evidence, Fatalities, Place, Plover, Span, When

KINDS = [
    [("Explosions/Remote violence", "Air/drone strike", "ASSAULT"),
     ("Violence against civilians", "Attack", "ASSAULT")],
    [("Battles", "Armed clash", "FIGHT")],
    [("Protests", "Peaceful protest", "PROTEST")],
    [("Explosions/Remote violence", "Shelling/artillery/missile attack", "ASSAULT"),
     ("Battles", "Armed clash", "FIGHT")],
]
START = dt.date(2015, 1, 1)
GIVEN = ["Ama", "Bilal", "Chen", "Dara", "Elif", "Faris", "Gul", "Hana", "Idris", "Jana",
         "Kemal", "Lina", "Musa", "Nadia", "Omar", "Petra", "Rami", "Sara", "Tariq", "Umut"]
FAMILY = ["son", "ova", "ani", "ez", "ic", "oglu", "berg", "ian", "ski", "ari"]


def towns(rng: random.Random, count: int = 3000) -> list[Place]:
    found = []
    for n in range(count):
        lat, lon = rng.uniform(-40, 60), rng.uniform(-120, 140)
        found.append(Place(f"Town{n}", f"Province{n // 20}", None, f"C{n // 200:02d}",
                           round(lat, 4), round(lon, 4), 100000 + n, "PPL", 1))
    return found


def province(town: Place) -> Place:
    return Place(town.admin1 or "", town.admin1, None, town.country, town.lat, town.lon, None,
                 "ADM1", 3)


def reports(size: int, per_day: int, seed: int = 11) -> tuple[list[Mention], dict[str, int]]:
    """`size` synthetic mentions and the generated incident of each document."""
    rng = random.Random(seed)
    places = towns(rng)
    days = max(1, size // per_day)
    mentions: list[Mention] = []
    truth: dict[str, int] = {}
    incident = 0
    while len(mentions) < size:
        incident += 1
        day = START + dt.timedelta(days=rng.randrange(days))
        town, family = rng.choice(places), rng.choice(KINDS)
        killed = rng.choice([0, 1, 2, 3, 5, 8, 12])
        # The people and street the incident's reports name: drawn from a pool, so unrelated
        # incidents sometimes share a name.
        names = [rng.choice(GIVEN) + rng.choice(FAMILY) for _ in range(4)]
        for n in range(min(rng.randint(1, 6), size - len(mentions))):
            doc_id = f"d{incident}-{n}"
            truth[doc_id] = incident
            event_type, sub_type, plover = rng.choice(family)
            told = day + dt.timedelta(days=rng.choice([0, 0, 0, 1, -1]))
            roll = rng.random()
            place: Place | None = town
            if roll < 0.1:
                place = None
            elif roll < 0.2:
                place = province(town)
            elif roll < 0.3 and town.lat is not None and town.lon is not None:
                place = Place(f"near {town.name}", town.admin1, None, town.country,
                              town.lat + 0.02, town.lon + 0.02, None, None, 2)
            when = When(told, told, "day")
            if rng.random() < 0.1:
                monday = told - dt.timedelta(days=told.weekday())
                when = When(monday, monday + dt.timedelta(days=6), "week")
            text = (f"Report {n} of the attack. Witnesses named {names[0]} and "
                    f"{names[rng.randrange(1, len(names))]} among those on {names[-1]} Road.")
            document = Document(id=doc_id, text=text,
                                published=told + dt.timedelta(days=rng.randint(0, 2)))
            trigger = text.index("attack")
            event = Event(id=f"{doc_id}-e", doc_id=doc_id, event_type=event_type,
                          sub_event_type=sub_type, plover=Plover(plover), place=place,
                          when=when,
                          fatalities=Fatalities(killed, killed, killed) if killed else None,
                          evidence=(Evidence("event", Span(trigger, trigger + 6, "attack")),))
            mentions.append(mention_of(event, document))
    return mentions, truth


def pairwise(predicted: dict[str, int], truth: dict[str, int]) -> tuple[float, float]:
    def pairs(assignment: dict[str, int]) -> set[tuple[str, str]]:
        groups: dict[int, list[str]] = defaultdict(list)
        for doc, group in assignment.items():
            groups[group].append(doc)
        return {p for members in groups.values() for p in combinations(sorted(members), 2)}
    gold, found = pairs(truth), pairs(predicted)
    hits = len(gold & found)
    return hits / max(1, len(found)), hits / max(1, len(gold))


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--per-day", type=int, default=60)
    args = parser.parse_args(argv)
    timings: list[tuple[int, float]] = []
    for size in args.sizes:
        mentions, truth = reports(size, args.per_day)
        started, cpu = time.perf_counter(), time.process_time()
        incidents = link(mentions)
        wall, seconds = time.perf_counter() - started, time.process_time() - cpu
        predicted = {r.doc_id: n for n, i in enumerate(incidents) for r in i.reports}
        precision, recall = pairwise(predicted, truth)
        print(f"{size:>7} events: {seconds:8.2f} s CPU ({wall:.2f} s wall), "
              f"{len(incidents):>6} incidents "
              f"({len(set(truth.values()))} generated), pairwise precision {precision:.3f} "
              f"recall {recall:.3f}", flush=True)
        timings.append((size, seconds))
    for (small, t_small), (big, t_big) in zip(timings, timings[1:], strict=False):
        print(f"growth {small} -> {big} events ({big / small:.0f}x): "
              f"{t_big / t_small:.1f}x the CPU time")


if __name__ == "__main__":
    main(sys.argv[1:])
