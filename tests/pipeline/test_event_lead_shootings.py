"""Stories of a shooting lead with the shooting: what is told around it (a gun recovered, a
suspect who surrendered, a victim who fell to the ground, a street address, a reader told to
visit a website) does not take the lead or make an event of its own."""

from __future__ import annotations

import datetime as dt

from fogwatch.nlp import parse
from fogwatch.pipeline import extract_document, make_document
from fogwatch.pipeline.actors import find_actors
from fogwatch.pipeline.context import Context
from fogwatch.pipeline.events import find_events
from fogwatch.pipeline.non_acled import fires_gun
from fogwatch.pipeline.sources import find_claims


def readings(text: str) -> list[tuple[str | None, str | None, str | None]]:
    ctx = Context(document=make_document(text, None), doc=parse(text))
    return [(e.event_type, e.sub_event_type, e.plover.event if e.plover else None)
            for e in find_events(find_actors(find_claims(ctx))).events]


def test_gun_recovered_after_a_shooting_follows_the_shooting() -> None:
    assert readings("A girl was shot in the arm on Sunday. Police said they recovered a "
                    "handgun at the scene.") == [
        ("Violence against civilians", "Attack", "ASSAULT"),
        ("Strategic developments", "Disrupted weapons use", "COERCE")]


def test_gun_recovered_after_a_robbery_shooting_follows_the_typeless_shooting() -> None:
    assert readings("Two men robbed a store and shot the clerk. Officers later recovered the "
                    "gun in a trash can.") == [
        (None, None, "ASSAULT"), ("Strategic developments", "Disrupted weapons use", "COERCE")]


def test_weapons_seized_with_no_violence_told_stay_the_main_event() -> None:
    assert readings("Soldiers found a cache of rifles in the village.") == [
        ("Strategic developments", "Disrupted weapons use", "COERCE")]


def test_suspect_surrendering_after_a_shooting_follows_the_shooting() -> None:
    assert readings("A man was shot dead outside a bar on Friday. The suspect surrendered to "
                    "officers on Saturday.") == [
        ("Violence against civilians", "Attack", "ASSAULT"),
        ("Strategic developments", "Agreement", "AGREE")]


def test_pulling_out_a_pistol_is_no_withdrawal() -> None:
    assert readings("A man walked up to the car, pulled out a pistol and fired twice at the "
                    "driver.") == [(None, None, "ASSAULT")]


def test_troops_pulling_out_of_a_town_is_still_a_withdrawal() -> None:
    assert readings("Government troops pulled out of the town on Friday.") == [
        ("Strategic developments", "Non-violent transfer of territory", "RETREAT")]


def test_falling_to_the_ground_is_no_town_falling() -> None:
    assert readings("The man fell to the ground.") == []


def test_street_block_address_is_no_road_block() -> None:
    assert readings("Officers were called to the 200 block of Elm Road.") == []


def test_sitting_in_a_room_is_no_sit_in() -> None:
    assert readings("A boy was sitting in the living room.") == []


def test_detectives_gathering_evidence_is_no_gathering() -> None:
    assert readings("Detectives were gathering evidence at the house.") == []


def test_rallying_around_a_family_is_no_rally() -> None:
    assert readings("Neighbors rallied around the family.") == []


def test_imperative_to_the_reader_is_no_event() -> None:
    assert readings("Visit our website for the latest stories.") == []


def test_a_visit_told_as_done_stays_a_consultation() -> None:
    assert readings("The minister visited Kabul for talks.") == [(None, None, "CONSULT")]


def test_vandalism_away_from_a_protest_is_property_destruction() -> None:
    assert readings("The council offices were vandalized and looted on Monday.") == [
        ("Strategic developments", "Looting/property destruction", "SEIZE")]


def test_gun_found_in_the_sentence_that_tells_it_was_fired_is_no_seizure() -> None:
    assert readings("The boy accidentally shot himself in the leg with his uncle's gun "
                    "after he found it in a closet.") == [(None, None, "ASSAULT")]


def test_street_name_holding_a_cue_word_tells_no_diplomacy() -> None:
    assert readings("Police found a man unresponsive on Diplomat Drive. He had died of gunshot "
                    "wounds.") == [(None, None, "ASSAULT")]


def test_vigil_for_a_shooting_victim_tells_the_shooting_not_a_protest() -> None:
    assert readings("Emotions ran high at a vigil in Denver on Saturday night as friends "
                    "remembered a teen who was shot last week.") == [
        ("Violence against civilians", "Attack", "ASSAULT")]


def test_vigil_that_says_what_it_demands_stays_a_protest() -> None:
    assert readings("About 200 people held a vigil outside the city hall to demand justice for "
                    "the slain boy.") == [("Protests", "Peaceful protest", "PROTEST")]


def test_vigil_with_no_purpose_is_no_event() -> None:
    assert readings("Friends held a candlelight vigil on Sunday for the girl.") == []


def test_trigger_word_inside_a_town_name_is_no_event() -> None:
    text = "A teenager was shot in McKees Rocks on Tuesday and detectives are looking into it."
    (event,) = extract_document(make_document(text, dt.date(2016, 1, 5))).events
    assert (event.event_type, event.sub_event_type, event.typed_by) == (
        "Violence against civilians", "Attack", "attack: no armed victim")


def test_shotgun_blast_is_gunfire_not_a_bomb() -> None:
    assert readings("A gunman fired a shotgun blast into the crowd, wounding two women.") == [
        ("Violence against civilians", "Attack", "ASSAULT")]


def test_rockets_fired_from_helicopters_stay_an_air_strike() -> None:
    assert readings("Military helicopters fired rockets at the village, killing four.") == [
        ("Explosions/Remote violence", "Air/drone strike", "ASSAULT")]


def test_shell_casings_are_no_shelling() -> None:
    assert readings("Police collected more than 20 shell casings at the corner.") == []


def test_victim_flown_by_helicopter_is_no_air_strike() -> None:
    assert readings("The woman was taken by helicopter to a hospital.") == []


def test_trigger_inside_an_instruction_to_the_reader_is_no_event() -> None:
    assert readings("Click the link to go back to the site you were visiting.") == []


def test_aircraft_shot_down_is_no_gunfire() -> None:
    doc = parse("Soldiers shot down two helicopters near the town.")
    assert fires_gun(doc, next(iter(doc.sents))) is False


def test_a_clerk_shot_with_a_pistol_is_gunfire() -> None:
    doc = parse("A man shot the clerk with a pistol.")
    assert fires_gun(doc, next(iter(doc.sents))) is True
