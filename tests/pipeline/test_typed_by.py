"""Each event records which table row or rule decided its type (`typed_by`) and the words it
rested on (`event_type` evidence); the record follows the event into FORMAT.md and the store."""

from __future__ import annotations

import json

from fogwatch.contract import event_to_format
from fogwatch.pipeline import extract_document, make_document
from fogwatch.records import Event, from_json, to_json


def _main(text: str) -> Event:
    events = extract_document(make_document(text)).events
    assert events, text
    return events[0]


def _rested_on(event: Event) -> list[str]:
    return [e.span.text for e in event.evidence if e.field == "event_type"]


def test_a_trigger_row_that_decides_alone_is_named_with_its_words() -> None:
    event = _main("Warplanes bombed the market in the afternoon.")
    assert event.sub_event_type == "Air/drone strike"
    assert event.typed_by == "events_triggers.csv: warplane*"
    assert _rested_on(event) == ["Warplanes"]


def test_an_attack_on_civilians_names_the_victims_it_rested_on() -> None:
    event = _main("Gunmen shot dead a civilian in the village.")
    assert event.sub_event_type == "Attack"
    assert event.typed_by == "attack: civilian victims"
    assert _rested_on(event) == ["Gunmen", "civilian"]


def test_the_same_attack_on_soldiers_is_decided_by_the_armed_victims_rule() -> None:
    event = _main("Gunmen shot dead two soldiers in the village.")
    assert event.sub_event_type == "Armed clash"
    assert event.typed_by == "attack: armed victims"
    assert _rested_on(event) == ["Gunmen", "soldiers"]


def test_shelling_during_clashes_is_decided_by_the_combination_table() -> None:
    event = _main("Soldiers shelled rebel positions during clashes near the town.")
    assert event.sub_event_type == "Armed clash"
    assert event.typed_by == ("events_combinations.csv: "
                              "Shelling/artillery/missile attack + clash")
    assert _rested_on(event) == ["shelled", "clashes"]


def test_a_rally_followed_by_detentions_is_escalated_by_the_story_rule() -> None:
    event = _main("Hundreds of teachers rallied outside the ministry. "
                  "Police detained ten of them.")
    assert event.sub_event_type == "Protest with intervention"
    assert event.typed_by == "story escalation: gravest handling"
    assert _rested_on(event) == ["rallied", "detained"]


def test_rebels_taking_a_town_rest_on_the_gaining_side() -> None:
    event = _main("Rebels seized control of the district headquarters after a night of "
                  "fighting.")
    assert event.sub_event_type == "Non-state actor overtakes territory"
    assert event.typed_by == "territory: armed group gains"
    assert "Rebels" in _rested_on(event)


def test_an_analysts_tag_is_named_as_the_tag_row() -> None:
    event = _main("Property destruction: militiamen burned houses in the village.")
    assert event.typed_by == "events_tags.csv: property destruction"
    assert _rested_on(event) == ["Property destruction"]


def test_the_rule_and_its_words_are_in_the_format_output_as_offsets() -> None:
    text = "Gunmen shot dead a civilian in the village."
    out = event_to_format(_main(text))
    assert out["typed_by"] == "attack: civilian victims"
    spans = [text[e["start"]:e["end"]] for e in out["evidence"] if e["field"] == "event_type"]
    assert spans == ["Gunmen", "civilian"]


def test_the_rule_survives_the_stores_json_round_trip() -> None:
    event = _main("Gunmen shot dead two soldiers in the village.")
    stored = json.loads(json.dumps(to_json(event)))
    assert from_json(Event, stored) == event
    assert stored["typed_by"] == "attack: armed victims"


def test_an_event_stored_before_the_rule_was_recorded_reads_back_without_one() -> None:
    event = _main("Warplanes bombed the market in the afternoon.")
    stored = to_json(event)
    del stored["typed_by"]
    assert from_json(Event, stored).typed_by is None
