"""Relinking new reports into stored incidents gives what linking everything gives."""

from __future__ import annotations

import datetime as dt
import random

from fogwatch.linking import Mention, link, mention_of, pool_window, relink
from fogwatch.linking.clustering import NAME_POSTINGS
from fogwatch.records import Document, Event, Evidence, Place, Plover, Span, When

# 36 made-up family names, so that some are told often enough in a season to stop finding
# candidates once the later reports arrive (clustering.NAME_POSTINGS).
NAMES = [a + b for a in ("Kal", "Mor", "Nev", "Rud", "Tas", "Vol") for b in ("an", "ek", "is",
                                                                          "od", "um", "yr")]


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
        text = (f"Gunmen attacked the market. {rng.choice(NAMES)} {NAMES[incident % 36]} and "
                f"{NAMES[(incident // 36) % 36]} Street were named.")
        document = Document(id=f"doc{n:04d}", text=text, published=day + dt.timedelta(days=1))
        event = Event(id=f"e{n}", doc_id=document.id, event_type="Battles",
                      sub_event_type="Armed clash", plover=Plover("FIGHT"),
                      place=place if rng.random() > 0.1 else None,
                      when=When(day, day, "day") if rng.random() > 0.1 else None,
                      evidence=(Evidence("event", Span(7, 15, "attacked")),))
        mentions.append(mention_of(event, document))
    return mentions


def test_relinking_a_fifth_of_the_reports_later_equals_linking_all_at_once() -> None:
    mentions = generated(900, seed=3)
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


def _told(doc: str, place: Place) -> Mention:
    text = "Witnesses named Kaldor, Morvan and Tessik after the man was shot."
    document = Document(id=doc, text=text, published=dt.date(2021, 3, 1))
    start = text.index("shot")
    event = Event(id=f"{doc}-e", doc_id=doc, event_type="Violence against civilians",
                  sub_event_type="Attack", plover=Plover("ASSAULT"), place=place,
                  when=When(dt.date(2021, 3, 1), dt.date(2021, 3, 1), "day"),
                  evidence=(Evidence("event", Span(start, start + 4, "shot")),))
    return mention_of(event, document)


def test_names_that_new_reports_make_too_common_stop_linking_the_stored_ones() -> None:
    far = [Place(f"Town{n}", None, None, f"X{n:02d}", 10.0 + 3 * n, 20.0, n, "PPL", 1)
           for n in range(3)]
    stored = [_told("a", far[0]), _told("b", far[1])]
    [before] = link(stored)  # two places far apart, three names in common
    crowd = [_told(f"c{n:02d}", far[2]) for n in range(NAME_POSTINGS + 1)]
    memberships = {(r.doc_id, r.event_id): before.id for r in before.reports}
    change = relink(crowd, stored, memberships)
    assert change.removed == (before.id,)
    after = sorted(change.incidents, key=lambda i: i.id)
    assert after == sorted(link([*stored, *crowd]), key=lambda i: i.id)
    assert len(after) == 3  # a, b, and the crowd: the names are too common to link a and b
