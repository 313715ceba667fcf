"""The figures stage run on one sentence of ours, as the figures tests read it: every figure,
those found (cumulative ones left out), those counted once per person (`counted_figures`), and
rows of (kind, who, best, cumulative)."""

from __future__ import annotations

import datetime as dt

from fogwatch.nlp import parse
from fogwatch.pipeline import make_document
from fogwatch.pipeline.context import Context
from fogwatch.pipeline.dates import find_dates
from fogwatch.pipeline.event_figures import counted_figures
from fogwatch.pipeline.figures import find_figures
from fogwatch.records import Figure

NEWS_DAY = dt.date(2020, 2, 11)  # a day of local shooting news
WIRE_DAY = dt.date(1990, 5, 4)  # a day of the ALL-CAPS wire stories
Row = tuple[str, str | None, int | None, bool]


def figures(text: str, published: dt.date = NEWS_DAY) -> tuple[Figure, ...]:
    ctx = Context(document=make_document(text, published), doc=parse(text))
    return find_figures(find_dates(ctx)).figures


def found(text: str) -> list[tuple[str, int | None]]:
    return [(f.kind, f.best) for f in figures(text) if not f.cumulative]


def counted(text: str) -> list[tuple[str, int | None]]:
    kept = counted_figures([f for f in figures(text) if not f.cumulative])
    return sorted((f.kind, f.best) for f in kept)


def figures_of(text: str) -> list[Row]:
    return [(f.kind, f.who, f.best, f.cumulative) for f in figures(text, WIRE_DAY)]
