"""Stage 'places' (placeholder until its implementation lands in this session)."""

from __future__ import annotations

from fogwatch.pipeline.context import Context


def find_places(ctx: Context) -> Context:
    return ctx
