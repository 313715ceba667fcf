"""Relinking new reports into stored incidents gives what linking everything gives."""

from __future__ import annotations

import datetime as dt
import random

from fogwatch.linking import Mention, link, mention_of, pool_window, relink
from fogwatch.records import Document, Event, Evidence, Place, Plover, Span, When

NAMES = ["Adams", "Baker", "Costa", "Diaz", "Evans", "Fox", "Garcia", "Hill", "Ito", "Jones"]


def generated(count: int, seed: int) -> list[Mention]:
    """Reports of incidents in 30 towns over 200 days, naming people from a small pool."""
    rng = random.Random(seed)
    mentions: list[Mention] = []
    for n in range(count):
        incident = rng.randrange(count // 3)
        town = incident % 30
        day = dt.date(2021, 1, 1) + dt.timedelta(days=incident % 200 + rng.choice([0, 0, 1]))
        place = Place(f"Town{town}", "Region", None, "XXA", 10 + town * 0.5, 20.0, town, "PPL",
                      rng.choice([1, 1, 2, 3]))
        text = (f"Gunmen attacked the market. {rng.choice(NAMES)} {NAMES[incident % 10]} and "
                f"{NAMES[(incident // 10) % 10]} Street were named.")
        document = Document(id=f"doc{n:04d}", text=text, published=day + dt.timedelta(days=1))
        event = Event(id=f"e{n}", doc_id=document.id, event_type="Battles",
                      sub_event_type="Armed clash", plover=Plover("FIGHT"),
                      place=place if rng.random() > 0.1 else None,
                      when=When(day, day, "day") if rng.random() > 0.1 else None,
                      evidence=(Evidence("event", Span(7, 15, "attacked")),))
        mentions.append(mention_of(event, document))
    return mentions


def test_relinking_a_fifth_of_the_reports_later_equals_linking_all_at_once() -> None:
    mentions = generated(600, seed=3)
    rng = random.Random(5)
    new = [m for m in mentions if rng.random() < 0.2]
    new_keys = {m.key for m in new}
    stored = [m for m in mentions if m.key not in new_keys]
    before = link(stored)
    memberships = {(r.doc_id, r.event_id): i.id for i in before for r in i.reports}
    first = min(m.first for m in new if m.dated)
    last = max(m.last for m in new if m.dated)
    low, high = pool_window(first, last)
    nearby = [m for m in stored if m.dated and low <= m.first and m.last <= high]
    change = relink(new, nearby, memberships)
    assert change.covered(low, high)
    after = [i for i in before if i.id not in change.removed] + list(change.incidents)
    assert sorted(after, key=lambda i: i.id) == sorted(link(mentions), key=lambda i: i.id)
    assert change.removed  # some new reports joined stored incidents
