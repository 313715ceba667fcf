"""Stage 'actors' (placeholder until its implementation lands in this session)."""

from __future__ import annotations

from fogwatch.pipeline.context import Context


def find_actors(ctx: Context) -> Context:
    return ctx
