"""The events stage on sentences of our own: type, participants, attributes, salience."""

from __future__ import annotations

import dataclasses
import datetime as dt

from fogwatch.nlp import parse
from fogwatch.pipeline import extract_document, make_document
from fogwatch.pipeline.actors import find_actors
from fogwatch.pipeline.context import Context
from fogwatch.pipeline.events import event_id, find_events
from fogwatch.pipeline.sources import find_claims
from fogwatch.records import Event, Fatalities, Figure, Place, Plover, Span, When


def context(text: str, published: dt.date | None = None) -> Context:
    ctx = Context(document=make_document(text, published), doc=parse(text))
    return find_actors(find_claims(ctx))


def events(text: str) -> tuple[Event, ...]:
    return find_events(context(text)).events


def main_type(text: str) -> tuple[str | None, str | None]:
    found = events(text)
    return (found[0].event_type, found[0].sub_event_type) if found else (None, None)


def place(name: str, country: str, start: int) -> Place:
    return Place(name=name, admin1=None, admin2=None, country=country, lat=None, lon=None,
                 geonameid=None, feature_code=None, precision=1,
                 span=Span(start, start + len(name), name))


def test_airstrike_is_an_air_strike_with_aerial_assault() -> None:
    (event,) = events("Warplanes bombed the market in the afternoon.")
    assert (event.event_type, event.sub_event_type, event.plover) == (
        "Explosions/Remote violence", "Air/drone strike", Plover("ASSAULT", "aerial"))


def test_roadside_bomb_is_a_remote_explosive() -> None:
    assert main_type("A roadside bomb hit a minibus near the bridge.") == (
        "Explosions/Remote violence", "Remote explosive/landmine/IED")


def test_suicide_bomber_outranks_the_bomb_it_carried() -> None:
    assert main_type("A suicide bomber detonated a car bomb at the gate.")[1] == "Suicide bomb"


def test_gunmen_shooting_a_civilian_is_an_attack() -> None:
    assert main_type("Gunmen shot dead a civilian in the village.") == (
        "Violence against civilians", "Attack")


def test_attack_on_soldiers_is_an_armed_clash() -> None:
    assert main_type("Militants attacked soldiers at the checkpoint.") == (
        "Battles", "Armed clash")


def test_villagers_beating_a_man_is_mob_violence() -> None:
    assert main_type("Villagers beat a farmer to death after accusing him of witchcraft.")[1] == "Mob violence"


def test_rally_is_a_peaceful_protest() -> None:
    assert main_type("Hundreds of teachers rallied outside the ministry.") == (
        "Protests", "Peaceful protest")


def test_tear_gas_on_protesters_is_a_protest_with_intervention() -> None:
    assert main_type("Police fired tear gas to disperse protesters.")[1] == (
        "Protest with intervention")


def test_protest_about_a_killing_stays_a_peaceful_protest() -> None:
    text = "Students marched in the capital to denounce the killing of a shopkeeper."
    assert main_type(text)[1] == "Peaceful protest"


def test_protesters_torching_cars_is_a_violent_demonstration() -> None:
    assert main_type("Protesters torched cars outside the court.") == (
        "Riots", "Violent demonstration")


def test_government_recapture_is_government_regains_territory() -> None:
    assert main_type("Government forces recaptured the town from the rebels.")[1] == (
        "Government regains territory")


def test_rebels_seizing_a_town_is_non_state_overtakes_territory() -> None:
    assert main_type("Rebels seized control of the town.")[1] == (
        "Non-state actor overtakes territory")


def test_seized_weapons_are_disrupted_weapons_use() -> None:
    assert main_type("Soldiers seized a cache of rifles and ammunition in the forest.") == (
        "Strategic developments", "Disrupted weapons use")


def test_ceasefire_is_an_agreement() -> None:
    assert main_type("The two militias agreed a ceasefire on Sunday.")[1] == "Agreement"


def test_earthquake_deaths_are_no_event() -> None:
    assert events("An earthquake killed twelve people in the valley.") == ()


def test_robbery_shooting_is_no_acled_event_but_an_assault() -> None:
    found = events("Two robbers shot a cashier during a robbery at a fuel station.")
    assert [(e.event_type, e.sub_event_type, e.plover) for e in found] == [
        (None, None, Plover("ASSAULT", "firearms"))]


def test_claim_of_responsibility_is_no_event() -> None:
    assert events("The group claimed responsibility for the bombing that killed six.") == ()


def test_talks_alone_are_a_consultation_of_no_acled_type() -> None:
    found = events("The two foreign ministers held talks in Geneva.")
    assert [(e.event_type, e.plover) for e in found] == [(None, Plover("CONSULT", None))]


def test_verbal_event_follows_the_violent_one() -> None:
    found = events("Artillery shelled the port. The minister threatened retaliation.")
    assert [(e.sub_event_type, e.plover) for e in found] == [
        ("Shelling/artillery/missile attack", Plover("ASSAULT", "artillery")),
        (None, Plover("THREATEN", "violence"))]


def test_perpetrator_and_target_come_from_the_dependency_roles() -> None:
    (event,) = events("Turkish soldiers were killed in Russian airstrikes.")
    assert [a.id for a in event.actors1] == ["RUS-MIL"]
    assert [a.id for a in event.actors2] == ["TUR-MIL"]


def test_actor_without_country_takes_the_event_place_country() -> None:
    text = "Police dispersed protesters in Nairobi."
    ctx = context(text)
    ctx = dataclasses.replace(ctx, places=(place("Nairobi", "KEN", 31),))
    (event,) = find_events(ctx).events
    assert [(a.name, a.id) for a in event.actors1] == [("Police Forces of Kenya", "KEN-POL")]


def test_place_date_and_fatalities_come_from_the_trigger_sentence() -> None:
    text = "Shelling killed five people in Aleppo on Monday."
    killed = Figure(kind="killed", who="people", low=5, best=5, high=5,
                    span=Span(16, 27, "five people"))
    monday = When(dt.date(2024, 3, 4), dt.date(2024, 3, 4), "day", Span(38, 47, "on Monday"))
    ctx = dataclasses.replace(context(text), places=(place("Aleppo", "SYR", 31),),
                              dates=(monday,), figures=(killed,))
    (event,) = find_events(ctx).events
    assert event.place is not None and event.place.name == "Aleppo"
    assert event.when == monday
    assert event.fatalities == Fatalities(low=5, best=5, high=5)


def test_cumulative_tally_is_not_the_event_toll() -> None:
    text = "An air strike hit the camp, raising the toll to 40 since May."
    tally = Figure(kind="killed", who=None, low=40, best=40, high=40, cumulative=True,
                   span=Span(48, 50, "40"))
    ctx = dataclasses.replace(context(text), figures=(tally,))
    (event,) = find_events(ctx).events
    assert (event.fatalities, event.figures) == (None, ())


def test_published_date_stands_in_with_week_precision_when_the_text_has_none() -> None:
    ctx = context("Rebels ambushed a patrol.", dt.date(2024, 5, 1))
    (event,) = find_events(ctx).events
    assert event.when == When(dt.date(2024, 5, 1), dt.date(2024, 5, 1), "week")


def test_event_certainty_follows_its_claims() -> None:
    (event,) = events("Activists said the depot was reportedly hit by a drone strike.")
    assert event.certainty == "unconfirmed"
    assert len(event.claims) == 1


def test_event_id_and_trigger_evidence_are_stable() -> None:
    text = "Rebels ambushed a patrol."
    (event,) = events(text)
    trigger = Span(7, 15, "ambushed")
    assert event.id == event_id(make_document(text).id, trigger)
    assert event.evidence[0].field == "event" and event.evidence[0].span == trigger


def test_note_opening_with_a_tag_takes_the_tagged_sub_type() -> None:
    text = "Property destruction: unknown persons burned a house near the school."
    assert main_type(text) == ("Strategic developments", "Looting/property destruction")


def test_two_triggers_in_one_sentence_make_one_event() -> None:
    found = events("Fighters clashed and exchanged fire for hours near the dam.")
    assert [e.sub_event_type for e in found] == ["Armed clash"]


def test_villagers_clashing_without_arms_is_mob_violence() -> None:
    assert main_type("Villagers clashed with residents of a nearby hamlet over a well.") == (
        "Riots", "Mob violence")


def test_detentions_after_a_protest_make_it_a_protest_with_intervention() -> None:
    text = "Teachers protested outside parliament. Police detained six of them."
    assert main_type(text)[1] == "Protest with intervention"


def test_story_led_by_sanctions_has_only_what_was_decided() -> None:
    text = "The union imposed sanctions over the missile strike on the port."
    assert [(e.event_type, e.plover) for e in events(text)] == [
        (None, Plover("SANCTION", None))]


def test_crowd_of_a_protest_is_named_from_its_trigger() -> None:
    (event,) = events("Hundreds rallied in the square.")
    assert [(a.name, a.sector) for a in event.actors1] == [("Protesters", "protesters")]


def test_village_beats_the_country_named_beside_it() -> None:
    text = "Syrian jets bombed Kansafra."
    syria = dataclasses.replace(place("Syria", "SYR", 0), precision=3,
                                span=Span(0, 6, "Syrian"))
    ctx = dataclasses.replace(context(text), places=(syria, place("Kansafra", "SYR", 19)))
    (event,) = find_events(ctx).events
    assert event.place is not None and event.place.name == "Kansafra"


def test_doubt_in_the_next_sentence_makes_the_event_unconfirmed() -> None:
    (event,) = events("Media said a drone strike hit the base. The army has not confirmed it.")
    assert event.certainty == "unconfirmed"


def test_event_date_is_the_expression_nearest_its_trigger() -> None:
    text = ("The ministry confirmed on Thursday that three soldiers were killed in a drone strike "
            "near Mosul on Tuesday.")
    [event, *_] = extract_document(make_document(text, dt.date(2021, 6, 10))).events
    assert event.when is not None and event.when.start == dt.date(2021, 6, 8)


def test_event_date_is_the_one_attached_to_its_clause_over_a_nearer_one() -> None:
    text = ("The ministry said on Thursday that a drone strike killed three soldiers near Mosul "
            "on Tuesday.")
    [event, *_] = extract_document(make_document(text, dt.date(2021, 6, 10))).events
    assert event.when is not None and event.when.start == dt.date(2021, 6, 8)


def test_a_reference_like_now_is_never_an_event_date() -> None:
    text = "Rebels now hold the town after shelling killed two people."
    [event, *_] = extract_document(make_document(text, dt.date(2021, 6, 10))).events
    assert event.when == When(dt.date(2021, 6, 10), dt.date(2021, 6, 10), "week")


def test_a_figure_counts_for_one_event_only() -> None:
    text = ("Gunmen attacked a police checkpoint in Kandahar on Monday. "
            "Four officers were killed in the clashes that followed.")
    events = extract_document(make_document(text, dt.date(2021, 6, 10))).events
    counted = [f for e in events for f in e.figures if f.kind == "killed"]
    assert [f.best for f in counted] == [4]


def test_a_cumulative_tally_is_not_an_event_of_its_own() -> None:
    text = "The ministry said 40 police officers have been killed in total since January."
    assert extract_document(make_document(text, dt.date(2021, 6, 10))).events == ()


def test_an_event_told_only_with_nationalities_takes_the_storys_town() -> None:
    text = ("Rebels shelled the town of Kidal on Monday. "
            "Malian artillery responded by shelling French positions.")
    events = extract_document(make_document(text, dt.date(2021, 6, 10))).events
    assert [e.place.name if e.place else None for e in events] == ["Kidal", "Kidal"]
