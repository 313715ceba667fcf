"""A person told again as 'also' hit ('the man was also hit in the leg') is the same person,
not one more (`event_figures.covers`), on sentences of our own."""

from __future__ import annotations

import datetime as dt

from fogwatch.nlp import parse
from fogwatch.pipeline import make_document
from fogwatch.pipeline.context import Context
from fogwatch.pipeline.dates import find_dates
from fogwatch.pipeline.event_figures import counted_figures
from fogwatch.pipeline.figures import find_figures


def counted(text: str) -> list[tuple[str, int | None]]:
    ctx = Context(document=make_document(text, dt.date(2020, 2, 11)), doc=parse(text))
    figures = [f for f in find_figures(find_dates(ctx)).figures if not f.cumulative]
    return sorted((f.kind, f.best) for f in counted_figures(figures))


def test_the_person_also_hit_is_the_one_told_before() -> None:
    assert counted("A girl was killed and her uncle was injured in the drive-by. Police said "
                   "the man was also hit in the arm.") == [("killed", 1), ("wounded", 1)]


def test_a_person_also_shot_is_one_more() -> None:
    assert counted("A man was shot on Pine Street on Monday. A woman was also shot.") == [
        ("wounded", 1), ("wounded", 1)]
