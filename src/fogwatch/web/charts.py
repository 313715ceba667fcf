"""The geometry of a dyad's chart, drawn as SVG by templates/dyad.html (no script needed):
incidents a day stacked by event type, and the killed a day (best, with low-high whiskers)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from fogwatch.web.render import type_class

__all__ = ["Bar", "Chart", "dyad_chart"]

DAY_WIDTH = 10  # SVG units per day
HEIGHT = 100  # SVG units for the tallest value of each panel


@dataclass(frozen=True, slots=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    css: str
    title: str


@dataclass(frozen=True, slots=True)
class Chart:
    """Two panels over the same days: `incidents` and `killed` bars, `whiskers` as bars too."""

    width: int
    incidents: tuple[Bar, ...]
    killed: tuple[Bar, ...]
    whiskers: tuple[Bar, ...]
    peak_incidents: int
    peak_killed: int
    first: str | None
    last: str | None


def dyad_chart(days: Sequence[Mapping[str, Any]]) -> Chart:
    """The chart of a page of a dyad's days (the API's `days` rows)."""
    peak_incidents = max((sum(d["events_by_type"].values()) for d in days), default=0) or 1
    peak_killed = max((max(d["fatalities"]["best"], d["fatalities"]["high"]) for d in days),
                      default=0) or 1
    incidents: list[Bar] = []
    killed: list[Bar] = []
    whiskers: list[Bar] = []
    for n, day in enumerate(days):
        x = n * DAY_WIDTH + 1
        below = 0
        for label, count in sorted(day["events_by_type"].items()):
            height = HEIGHT * count / peak_incidents
            incidents.append(Bar(x, HEIGHT - below - height, DAY_WIDTH - 2, height,
                                 type_class(label), f"{day['date']}: {count} {label}"))
            below += height
        f = day["fatalities"]
        if f["best"]:
            height = HEIGHT * f["best"] / peak_killed
            killed.append(Bar(x, HEIGHT - height, DAY_WIDTH - 2, height, "killed",
                              f"{day['date']}: {f['best']} killed ({f['low']}–{f['high']})"))
        if f["high"] > f["low"]:
            top, bottom = HEIGHT * f["high"] / peak_killed, HEIGHT * f["low"] / peak_killed
            whiskers.append(Bar(x + DAY_WIDTH / 2 - 1.5, HEIGHT - top, 1, top - bottom,
                                "whisker", f"{day['date']}: low {f['low']}, high {f['high']}"))
    return Chart(width=max(1, len(days)) * DAY_WIDTH, incidents=tuple(incidents),
                 killed=tuple(killed), whiskers=tuple(whiskers),
                 peak_incidents=peak_incidents, peak_killed=peak_killed,
                 first=days[0]["date"] if days else None, last=days[-1]["date"] if days else None)
