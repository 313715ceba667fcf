"""Property tests over every pipeline stage: for any Unicode text and any publication date, no
stage raises; every Span points at exactly its words; low <= best <= high; the Extraction
round-trips through JSON."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from fogwatch.contract import extraction_to_format
from fogwatch.nlp import parse
from fogwatch.pipeline import PIPELINE, Context, make_document
from fogwatch.records import Extraction, Fatalities, Figure, Span, When, from_json, to_json
from fuzz.strategies import any_text, published

QUICK = settings(max_examples=30, deadline=None, derandomize=True,
                 suppress_health_check=[HealthCheck.too_slow])
THOROUGH = settings(max_examples=1000, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


def _walk(value: Any) -> Iterator[Any]:
    """Every record, tuple item and field value inside `value`."""
    yield value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from _walk(getattr(value, f.name))
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _walk(item)


def _run_every_stage(text: str, day: dt.date | None) -> Extraction:
    """The pipeline, stage by stage, so that a failure names the stage that raised."""
    document = make_document(text, day)
    ctx = Context(document=document, doc=parse(text))
    for stage in PIPELINE:
        try:
            ctx = stage.run(ctx)
        except Exception as exc:
            raise AssertionError(f"stage {stage.name!r} raised {exc!r}") from exc
    return Extraction(document=ctx.document, events=ctx.events, places=ctx.places,
                      dates=ctx.dates, actors=ctx.actors, figures=ctx.figures,
                      claims=ctx.claims, errors=ctx.errors)


def _check(text: str, day: dt.date | None) -> None:
    extraction = _run_every_stage(text, day)
    for value in _walk(extraction):
        if isinstance(value, Span):
            assert 0 <= value.start <= value.end <= len(text), value
            assert text[value.start:value.end] == value.text, value
        elif isinstance(value, Figure | Fatalities):
            bounds = [b for b in (value.low, value.best, value.high) if b is not None]
            assert bounds == sorted(bounds), value
            assert all(b >= 0 for b in bounds), value
        elif isinstance(value, When) and value.start is not None and value.end is not None:
            assert value.start <= value.end, value
    assert from_json(Extraction, to_json(extraction)) == extraction
    wire = json.dumps(to_json(extraction), ensure_ascii=False)
    assert from_json(Extraction, json.loads(wire)) == extraction
    json.dumps(extraction_to_format(extraction), ensure_ascii=False, allow_nan=False)


@QUICK
@given(text=any_text, day=published)
def test_every_stage_takes_any_text_and_date(text: str, day: dt.date | None) -> None:
    _check(text, day)


@pytest.mark.slow
@THOROUGH
@given(text=any_text, day=published)
def test_every_stage_takes_any_text_and_date_thoroughly(text: str, day: dt.date | None) -> None:
    _check(text, day)
