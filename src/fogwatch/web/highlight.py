"""Cutting an article's text into runs for display, each run marked with the evidence spans
that cover it. The template escapes every run; nothing here produces HTML."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["Mark", "Run", "event_marks", "runs"]


@dataclass(frozen=True, slots=True)
class Mark:
    """A span to highlight: `kind` is its CSS class (evidence, claim, figure), `label` what it
    is evidence of, `anchor` an element id to link to (or None)."""

    start: int
    end: int
    kind: str
    label: str
    anchor: str | None = None


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of text and the marks covering all of it (none: plain text)."""

    text: str
    kinds: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    anchors: tuple[str, ...] = ()


def runs(text: str, marks: Iterable[Mark]) -> list[Run]:
    """The text as consecutive runs split wherever a mark starts or ends; marks outside the
    text are clipped, empty ones dropped. The runs' texts join back into `text`."""
    kept = [m for m in (_clip(m, len(text)) for m in marks) if m is not None]
    cuts = sorted({0, len(text), *(m.start for m in kept), *(m.end for m in kept)})
    out: list[Run] = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        covering = [m for m in kept if m.start <= start and end <= m.end]
        out.append(Run(
            text=text[start:end],
            kinds=tuple(dict.fromkeys(m.kind for m in covering)),
            labels=tuple(dict.fromkeys(m.label for m in covering)),
            anchors=tuple(m.anchor for m in covering if m.start == start and m.anchor)))
    return out


def event_marks(event: Mapping[str, Any], prefix: str = "") -> list[Mark]:
    """The marks of one event record (FORMAT.md's shape): its evidence by field, its claims
    (anchored `claim-<id>`) and its casualty figures."""
    marks = [Mark(e["start"], e["end"], "evidence", e["field"], f"{prefix}evidence-{i}")
             for i, e in enumerate(event["evidence"])]
    for claim in event["claims"]:
        if claim["start"] is not None and claim["end"] is not None:
            source = claim["source"] or "unnamed source"
            marks.append(Mark(claim["start"], claim["end"], "claim",
                              f"claim by {source} ({claim['certainty']})",
                              f"{prefix}claim-{claim['id']}"))
    for figure in event["casualties"]:
        if figure["start"] is not None and figure["end"] is not None:
            marks.append(Mark(figure["start"], figure["end"], "figure",
                              f"figure: {figure['kind']}"))
    return marks


def _clip(mark: Mark, length: int) -> Mark | None:
    start, end = max(0, mark.start), min(length, mark.end)
    if start >= end:
        return None
    return Mark(start, end, mark.kind, mark.label, mark.anchor)
