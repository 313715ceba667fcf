"""`fogwatch link` and `fogwatch incidents`: stored events grouped into incidents, as JSON."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from fogwatch.cli.main import app
from fogwatch.records import (
    Certainty,
    Claim,
    Document,
    Event,
    Extraction,
    Fatalities,
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
MOSUL = Place("Mosul", "Nineveh", None, "IRQ", 36.34, 43.13, 99072, "PPLA", 1)
DAY = dt.date(2024, 3, 4)


def _add(store: Store, ref: str, text: str, published: dt.date, place: Place, killed: int,
         certainty: Certainty = "reported") -> None:
    doc = Document(id=content_hash(text), text=text, published=published, ref=ref)
    claim = Claim(id=f"claim-{ref}", source=Source("Defence Ministry", "official"),
                  via=("Defence Ministry",), certainty=certainty,
                  span=Span(0, len(text), text))
    event = Event(id=f"event-{ref}", doc_id=doc.id, event_type="Explosions/Remote violence",
                  sub_event_type="Air/drone strike", plover=Plover("ASSAULT", "aerial"),
                  place=place, when=When(DAY, DAY, "day"), claims=(claim,),
                  certainty=certainty,
                  fatalities=Fatalities(killed, killed, killed))
    store.add(Extraction(doc, events=(event,)))


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "fog.db"
    with Store.open(str(path)) as store:
        _add(store, "first", "Jets struck Kansafra on Monday, killing two.", DAY, KANSAFRA, 2)
        _add(store, "second", "The ministry confirmed three dead in Kansafra.",
             DAY + dt.timedelta(days=1), KANSAFRA, 3, certainty="confirmed")
        _add(store, "mosul", "A drone struck Mosul on Monday.", DAY, MOSUL, 1)
    return path


def _incidents(db: Path) -> list[dict[str, Any]]:
    result = runner.invoke(app, ["incidents", "--json", "--db", str(db)])
    assert result.exit_code == 0, result.output
    found: list[dict[str, Any]] = json.loads(result.output)
    return found


def test_link_then_incidents_json_gives_each_incident_with_its_reports(db: Path) -> None:
    result = runner.invoke(app, ["link", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "linked 3 events: 2 incidents stored" in result.output
    kansafra, mosul = sorted(_incidents(db), key=lambda i: i["place"]["name"])
    assert sorted(e["doc_id"] for e in kansafra["events"]) == ["first", "second"]
    assert kansafra["fatalities"] == {"low": 2, "best": 3, "high": 3}
    assert kansafra["certainty"] == "confirmed"
    assert (kansafra["first_reported"], kansafra["confirmed_at"]) == ("2024-03-04",
                                                                      "2024-03-05")
    assert {c["doc_id"] for c in kansafra["claims"]} == {"first", "second"}
    assert [e["doc_id"] for e in mosul["events"]] == ["mosul"]


def test_linking_again_without_new_events_changes_nothing(db: Path) -> None:
    runner.invoke(app, ["link", "--db", str(db)])
    before = _incidents(db)
    result = runner.invoke(app, ["link", "--db", str(db)])
    assert "no new events to link" in result.output
    assert _incidents(db) == before


def test_linking_a_new_story_incrementally_equals_a_rebuild(db: Path) -> None:
    runner.invoke(app, ["link", "--db", str(db)])
    with Store.open(str(db)) as store:
        _add(store, "third", "Five were killed in Kansafra, the ministry said.",
             DAY + dt.timedelta(days=2), KANSAFRA, 5)
    assert runner.invoke(app, ["link", "--db", str(db)]).exit_code == 0
    incremental = _incidents(db)
    assert runner.invoke(app, ["link", "--rebuild", "--db", str(db)]).exit_code == 0
    assert _incidents(db) == incremental
    [kansafra] = [i for i in incremental if i["place"]["name"] == "Kansafra"]
    assert sorted(e["doc_id"] for e in kansafra["events"]) == ["first", "second", "third"]


def test_incidents_table_lists_each_incident(db: Path) -> None:
    runner.invoke(app, ["link", "--db", str(db)])
    result = runner.invoke(app, ["incidents", "--db", str(db)])
    assert result.exit_code == 0
    assert "2 incidents" in result.output and "Kansafra" in result.output


def test_incidents_of_a_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["incidents", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert "no fogwatch database here" in result.output


def test_ingest_links_the_new_stories_into_incidents(tmp_path: Path) -> None:
    stories = tmp_path / "stories.jsonl"
    lines = [{"id": "one", "published": "2024-03-04",
              "text": "Russian jets struck the town of Kansafra in Idlib on Monday."},
             {"id": "two", "published": "2024-03-05",
              "text": "An air strike hit Kansafra in Idlib province on Monday."}]
    stories.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    db = tmp_path / "fog.db"
    result = runner.invoke(app, ["ingest", str(stories), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "linked" in result.output
    with Store.open(str(db)) as store:
        keys = [(e.doc_id, e.id) for e in store.events()]
        assert keys and set(store.incident_memberships(keys)) == set(keys)
