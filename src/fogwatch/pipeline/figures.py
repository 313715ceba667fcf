"""Stage 'figures' (placeholder until its implementation lands in this session)."""

from __future__ import annotations

from fogwatch.pipeline.context import Context


def find_figures(ctx: Context) -> Context:
    return ctx
