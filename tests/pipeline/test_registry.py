"""The stage registry is one explicit, checked order."""

from __future__ import annotations

import pytest

from fogwatch.errors import PipelineOrderError
from fogwatch.pipeline import PIPELINE, Stage, check_order


def test_pipeline_runs_the_six_stages_in_design_order() -> None:
    assert [s.name for s in PIPELINE] == ["sources", "actors", "places", "dates", "figures",
                                          "events"]


def test_registered_order_passes_the_check() -> None:
    check_order(PIPELINE)


def test_a_stage_reading_what_comes_later_is_refused() -> None:
    events = PIPELINE[-1]
    with pytest.raises(PipelineOrderError, match="'events' reads"):
        check_order([events, *PIPELINE[:-1]])


def test_a_stage_reading_an_unknown_field_is_refused() -> None:
    stage = Stage("odd", lambda ctx: ctx, reads=frozenset({"weather"}), adds=frozenset())
    with pytest.raises(PipelineOrderError, match="weather"):
        check_order([stage])
