"""A dyad's series as a chart (matplotlib): incidents by kind above, people killed below.

Builds a `matplotlib.figure.Figure` without pyplot (no global state, no display needed); the
caller saves it (`figure.savefig("out.png")`, or .svg).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from fogwatch.analysis.alerts import Alert
from fogwatch.analysis.dyads import DyadSeries

if TYPE_CHECKING:  # matplotlib is imported when a chart is drawn, not at CLI start-up
    from matplotlib.figure import Figure

__all__ = ["dyad_chart"]


def dyad_chart(series: DyadSeries, alerts: tuple[Alert, ...] = ()) -> Figure:
    """The chart of `series`, with a marker on each alert's day."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(9, 5), layout="constrained")
    top, bottom = figure.subplots(2, 1, sharex=True)
    days = [d.day for d in series.days]
    material = [d.material for d in series.days]
    verbal = [d.verbal_conflict for d in series.days]
    cooperation = [d.cooperation for d in series.days]
    top.bar(days, material, color="#b2182b", label="violence and other acts")
    top.bar(days, verbal, bottom=material, color="#ef8a62", label="threats, demands, accusations")
    top.bar(days, cooperation, bottom=[m + v for m, v in zip(material, verbal, strict=True)],
            color="#67a9cf", label="talks and agreements")
    top.set_ylabel("incidents")
    top.legend(loc="upper left", fontsize="small", frameon=False)
    top.set_title(f"{series.label}: incidents per day" if days else
                  f"{series.label}: no incidents")
    bottom.fill_between(days, [d.fatalities_low for d in series.days],
                        [d.fatalities_high for d in series.days], step="mid", alpha=0.3,
                        color="#404040", label="low-high")
    bottom.step(days, [d.fatalities_best for d in series.days], where="mid", color="black",
                label="best")
    bottom.set_ylabel("killed")
    bottom.legend(loc="upper left", fontsize="small", frameon=False)
    for alert in alerts:
        for axes in (top, bottom):
            axes.axvline(alert.date, color="#7b3294", linestyle=":", linewidth=1)
    bottom.tick_params(axis="x", labelrotation=30)
    return figure
