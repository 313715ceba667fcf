"""Alerts: first direct clash, far above baseline, confirmed far above, denied then confirmed."""

from __future__ import annotations

import datetime as dt

from fogwatch.analysis import alerts
from fogwatch.analysis.alerts import baseline_alerts
from fogwatch.analysis.dyads import dyad_series

from .incidents import CLASH, HTS, RUS_MIL, STRIKE, SYR_MIL, TUR_MIL, incident, report


def test_the_first_clash_between_two_states_forces_raises_one_alert() -> None:
    found = alerts([
        incident("rebels", "2020-01-20", CLASH, (SYR_MIL,), (HTS,), killed=4),
        incident("first", "2020-02-03", STRIKE, (RUS_MIL,), (TUR_MIL,), killed=3),
        incident("second", "2020-02-10", STRIKE, (RUS_MIL,), (TUR_MIL,), killed=1),
    ])
    clashes = [a for a in found if a.kind == "first_direct_clash"]
    assert [(a.dyad, a.date, a.incident_ids) for a in clashes] == [
        (("RUS", "TUR"), dt.date(2020, 2, 3), ("inc-first",))]
    assert "RUS state forces acted on TUR state forces" in clashes[0].why
    assert clashes[0].evidence == (("doc-first", "Example Wire said"),)


def test_a_week_far_above_a_quiet_baseline_raises_an_alert_once() -> None:
    quiet = [incident(f"q{n}", f"2020-01-{n:02d}", CLASH, (SYR_MIL,), (HTS,))
             for n in (2, 12, 22)]
    burst = [incident(f"b{n}", f"2020-02-{n:02d}", CLASH, (SYR_MIL,), (HTS,))
             for n in (3, 4, 5, 6, 7)]
    found = baseline_alerts(dyad_series([*quiet, *burst], ("SYR-MIL", "HTS"), "id"),
                            [*quiet, *burst])
    # Expected from the 28 days before: 2 incidents * 7/28 = 0.5; 0.5 + 3 * sqrt(1.5) = 4.17.
    assert [(a.kind, a.date) for a in found] == [("above_baseline", dt.date(2020, 2, 7))]
    assert found[0].incident_ids == ("inc-b3", "inc-b4", "inc-b5", "inc-b6", "inc-b7")
    assert "5 incidents of violence in the 7 days to 2020-02-07" in found[0].why


def test_a_steady_dyad_raises_no_baseline_alert() -> None:
    steady = [incident(f"s{n}", (dt.date(2020, 1, 1) + dt.timedelta(days=n)).isoformat(),
                       CLASH, (SYR_MIL,), (HTS,)) for n in range(0, 60, 2)]
    assert baseline_alerts(dyad_series(steady, ("SYR-MIL", "HTS"), "id"), steady) == []


def test_a_confirmed_toll_far_above_the_first_reports_raises_an_alert() -> None:
    reports = (report("d1", "2020-02-03", killed=2), report("d2", "2020-02-04", killed=3),
               report("d3", "2020-02-06", certainty="confirmed", killed=12,
                      source="Ministry of Defence"))
    found = alerts([incident("toll", "2020-02-03", STRIKE, (RUS_MIL,), (TUR_MIL,),
                             killed=12, reports=reports, certainty="confirmed")])
    [far] = [a for a in found if a.kind == "confirmed_far_above"]
    assert far.date == dt.date(2020, 2, 6)
    assert far.why.startswith("confirmed 12 killed, against at most 3 in the reports before")


def test_a_denial_followed_by_a_confirmation_raises_an_alert() -> None:
    reports = (report("d1", "2020-02-03", killed=2),
               report("d2", "2020-02-04", certainty="denied", source="Kremlin"),
               report("d3", "2020-02-05", certainty="confirmed", killed=2))
    found = alerts([incident("denied", "2020-02-03", STRIKE, (RUS_MIL,), (TUR_MIL,),
                             killed=2, reports=reports, certainty="confirmed",
                             denied_by=("Kremlin",))])
    [flip] = [a for a in found if a.kind == "denied_then_confirmed"]
    assert (flip.dyad, flip.date) == (("RUS", "TUR"), dt.date(2020, 2, 5))
    assert flip.why.startswith("denied by Kremlin on 2020-02-04, then confirmed on 2020-02-05")
    assert not [a for a in found if a.kind == "confirmed_far_above"]
