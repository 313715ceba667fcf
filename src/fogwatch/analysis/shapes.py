"""The JSON shapes of a dyad series and of an alert (CLI `--json` and the web API)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fogwatch.analysis.alerts import Alert
from fogwatch.analysis.dyads import DyadSeries
from fogwatch.analysis.tallies import TallyGap

__all__ = ["alert_record", "series_record", "tally_record"]


def series_record(series: DyadSeries) -> dict[str, Any]:
    """A dyad's series: its label, whether its sides are countries or actor ids, and a row a
    day from its first incident to its last."""
    return {
        "dyad": series.label,
        "side": series.side,
        "days": [{
            "date": day.day.isoformat(),
            "events_by_type": dict(day.events_by_type),
            "fatalities": {"low": day.fatalities_low, "best": day.fatalities_best,
                           "high": day.fatalities_high},
            "verbal_conflict": day.verbal_conflict,
            "cooperation": day.cooperation,
            "incident_ids": list(day.incident_ids),
        } for day in series.days],
    }


def alert_record(alert: Alert, refs: Mapping[str, str | None]) -> dict[str, Any]:
    """An alert with its kind, dyad ("RUS:TUR" or null), date, incident ids, the sentence
    saying why, and its evidence (each quote with its document's own id)."""
    return {
        "kind": alert.kind,
        "dyad": f"{alert.dyad[0]}:{alert.dyad[1]}" if alert.dyad else None,
        "date": alert.date.isoformat(),
        "incident_ids": list(alert.incident_ids),
        "why": alert.why,
        "evidence": [{"doc_id": refs.get(doc_id) or doc_id, "text": text}
                     for doc_id, text in alert.evidence],
    }


def tally_record(gap: TallyGap, refs: Mapping[str, str | None]) -> dict[str, Any]:
    """A tally beside the linked incidents: what it told, what they add up to, the gap."""
    return {
        "country": gap.country, "kind": gap.kind,
        "since": gap.since.isoformat() if gap.since else None, "as_of": gap.as_of.isoformat(),
        "told": gap.told, "linked": gap.linked, "gap": gap.gap,
        "incident_ids": list(gap.incident_ids),
        "doc_id": refs.get(gap.doc_id) or gap.doc_id, "text": gap.text,
    }
