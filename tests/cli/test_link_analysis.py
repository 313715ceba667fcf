"""`fogwatch trends` and `fogwatch alerts` over linked incidents."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from fogwatch.cli.main import app
from fogwatch.records import (
    Actor,
    Claim,
    Document,
    Event,
    Extraction,
    Fatalities,
    Figure,
    Place,
    Plover,
    Source,
    Span,
    When,
    content_hash,
)
from fogwatch.store import Store

runner = CliRunner(env={"COLUMNS": "200"})
KANSAFRA = Place("Kansafra", "Idlib", None, "SYR", 35.66, 36.48, 169304, "PPL", 1)
RUS_MIL = Actor("Military Forces of Russia", "RUS-MIL", "RUS", "military")
TUR_MIL = Actor("Military Forces of Turkey", "TUR-MIL", "TUR", "military")
DAY = dt.date(2020, 2, 3)


def _story(store: Store, ref: str, text: str, published: dt.date, killed: int) -> None:
    doc = Document(id=content_hash(text), text=text, published=published, ref=ref)
    claim = Claim(id=f"claim-{ref}", source=Source("Anadolu", "state_media"), via=("Anadolu",),
                  certainty="reported", span=Span(0, len(text), text))
    event = Event(id=f"event-{ref}", doc_id=doc.id, event_type="Explosions/Remote violence",
                  sub_event_type="Air/drone strike", plover=Plover("ASSAULT", "aerial"),
                  actors1=(RUS_MIL,), actors2=(TUR_MIL,), place=KANSAFRA,
                  when=When(DAY, DAY, "day"), claims=(claim,),
                  fatalities=Fatalities(killed, killed, killed))
    tally = Figure("killed", "Turkish soldiers", 16, 16, 16, cumulative=True,
                   since=dt.date(2019, 12, 1), span=Span(0, 5, text[:5]))
    store.add(Extraction(doc, events=(event,), figures=(tally,)))


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "fog.db"
    with Store.open(str(path)) as store:
        _story(store, "one", "Russian jets struck Turkish troops in Kansafra.", DAY, 2)
        _story(store, "two", "Two Turkish soldiers died in a strike on Kansafra.",
               DAY + dt.timedelta(days=1), 2)
    assert runner.invoke(app, ["link", "--db", str(path)]).exit_code == 0
    return path


def test_trends_json_gives_the_dyads_daily_series(db: Path) -> None:
    result = runner.invoke(app, ["trends", "--dyad", "RUS:TUR", "--json", "--db", str(db)])
    assert result.exit_code == 0, result.output
    series = json.loads(result.output)
    assert series["dyad"] == "RUS:TUR"
    [day] = series["days"]
    assert day["date"] == "2020-02-03"
    assert day["events_by_type"] == {"Explosions/Remote violence": 1}
    assert day["fatalities"] == {"low": 2, "best": 2, "high": 2}


def test_trends_plot_writes_a_png(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "rus-tur.png"
    result = runner.invoke(app, ["trends", "--dyad", "RUS:TUR", "--plot", str(out),
                                 "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_trends_without_a_dyad_lists_the_dyads(db: Path) -> None:
    result = runner.invoke(app, ["trends", "--db", str(db)])
    assert result.output.split() == ["RUS:TUR", "1"]


def test_a_badly_written_dyad_is_a_usage_error(db: Path) -> None:
    result = runner.invoke(app, ["trends", "--dyad", "RUS-TUR", "--db", str(db)])
    assert result.exit_code == 2
    assert "RUS:TUR" in result.output


def test_alerts_json_gives_the_first_direct_clash_with_its_evidence(db: Path) -> None:
    result = runner.invoke(app, ["alerts", "--json", "--db", str(db)])
    assert result.exit_code == 0, result.output
    [alert] = json.loads(result.output)
    assert (alert["kind"], alert["dyad"], alert["date"]) == ("first_direct_clash", "RUS:TUR",
                                                             "2020-02-03")
    assert len(alert["incident_ids"]) == 1 and alert["why"]
    assert {e["doc_id"] for e in alert["evidence"]} == {"one", "two"}


def test_trends_tallies_sets_each_tally_beside_the_linked_incidents(db: Path) -> None:
    result = runner.invoke(app, ["trends", "--tallies", "--json", "--db", str(db)])
    assert result.exit_code == 0, result.output
    [gap] = json.loads(result.output)
    assert (gap["country"], gap["since"], gap["as_of"]) == ("TUR", "2019-12-01", "2020-02-04")
    assert (gap["told"], gap["linked"], gap["gap"]) == (16, 2, 14)
    assert gap["doc_id"] == "two"
