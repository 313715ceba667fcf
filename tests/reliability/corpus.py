"""A synthetic news corpus from our own templates: short, varied, deterministic, all distinct."""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

TOWNS = [("Kansafra", "Idlib"), ("Marib", "Marib"), ("Sirte", "Sirte"), ("Kidal", "Kidal"),
         ("Mosul", "Nineveh"), ("Gao", "Gao"), ("Hodeidah", "Al Hudaydah"), ("Aleppo", "Aleppo"),
         ("Kherson", "Kherson"), ("Goma", "North Kivu")]
ACTORS = ["Gunmen", "Government forces", "Rebel fighters", "Militants", "Unidentified attackers",
          "Police", "Soldiers", "Armed men"]
VERBS = ["attacked a checkpoint", "shelled a market", "ambushed a convoy", "raided a village",
         "clashed with a patrol", "fired rockets at a base"]
VICTIMS = ["civilians", "soldiers", "police officers", "fighters", "people"]
OUTCOMES = ["were killed", "were wounded", "were killed or wounded", "died", "were abducted"]
SOURCES = ["local officials said", "a military spokesman said", "residents reported",
           "a monitoring group said", "state media reported"]


def story(number: int) -> dict[str, str]:
    """Story `number`: a one- or two-sentence report; the number makes every text distinct."""
    pick = random.Random(number)
    town, province = pick.choice(TOWNS)
    day = dt.date(2020, 1, 1) + dt.timedelta(days=number % 900)
    text = (f"{pick.choice(ACTORS)} {pick.choice(VERBS)} near {town} in {province} on "
            f"{day:%A}, and {number % 97 + 2} {pick.choice(VICTIMS)} {pick.choice(OUTCOMES)}, "
            f"{pick.choice(SOURCES)}.")
    if number % 3 == 0:
        text += f" Report {number} of the day."
    return {"id": f"story-{number}", "text": text, "published": day.isoformat(),
            "source": "Test Wire"}


def write_corpus(path: Path, count: int) -> Path:
    """`count` stories as JSONL at `path`."""
    with path.open("w", encoding="utf-8") as out:
        for number in range(count):
            out.write(json.dumps(story(number)) + "\n")
    return path
