"""Analysis: incidents -> dyad series and escalation alerts (pure functions over records).

    series = dyad_series(incidents, ("RUS", "TUR"))          # daily rows for one dyad
    found = alerts(incidents)                                 # every alert, oldest first

`tally_gaps(tallies, incidents)` sets cumulative tallies beside the incidents linked;
`chart.dyad_chart(series)` draws a series with matplotlib; the caller saves it.
"""

from __future__ import annotations

from fogwatch.analysis.alerts import BASELINE_DAYS, WINDOW_DAYS, Alert, alerts
from fogwatch.analysis.dyads import (
    DyadDay,
    DyadSeries,
    dyad_series,
    dyads_of,
    incident_day,
    known_dyads,
    parse_dyad,
)
from fogwatch.analysis.tallies import Tally, TallyGap, tally_gaps

__all__ = [
    "BASELINE_DAYS",
    "WINDOW_DAYS",
    "Alert",
    "DyadDay",
    "DyadSeries",
    "Tally",
    "TallyGap",
    "alerts",
    "dyad_series",
    "dyads_of",
    "incident_day",
    "known_dyads",
    "parse_dyad",
    "tally_gaps",
]
