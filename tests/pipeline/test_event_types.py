"""A hand-written set of news-style sentences, each with the ACLED sub-type (or no event) and
the PLOVER event its main event should get. Every sub-type is covered, with passives, joint
actors, look-alikes that are not ACLED events, and verbal events beside violent ones."""

from __future__ import annotations

import pytest

from fogwatch.pipeline import extract_document, make_document
from fogwatch.records import Event, Plover

NONE = None

# (sentence, expected ACLED sub-type of the main event or None)
SUB_TYPES: list[tuple[str, str | None]] = [
    # Battles
    ("Soldiers exchanged fire with insurgents near the border post for two hours.", "Armed clash"),
    ("Heavy fighting broke out between the army and rebels outside the town.", "Armed clash"),
    ("Militants ambushed a police patrol, and officers returned fire.", "Armed clash"),
    ("Soldiers shot dead two gunmen at a checkpoint near the border.", "Armed clash"),
    ("Two armed men shot and wounded a drug trafficker in the market.", "Armed clash"),
    ("Monitors heard several bursts of fire near the front line overnight.", "Armed clash"),
    ("The army recaptured the town of Kidal from the rebels on Sunday.",
     "Government regains territory"),
    ("The rebels were driven out of the village by the army.", "Government regains territory"),
    ("Rebels seized control of the district headquarters after a night of fighting.",
     "Non-state actor overtakes territory"),
    ("Al-Shabaab fighters overran the town and raised their flag.",
     "Non-state actor overtakes territory"),
    # Explosions/Remote violence
    ("Government forces used chlorine gas against the besieged suburb.", "Chemical weapon"),
    ("Warplanes bombed the market in the afternoon.", "Air/drone strike"),
    ("A drone strike hit a car carrying two commanders.", "Air/drone strike"),
    ("Joint Russian-Syrian air strikes hit the outskirts of the town.", "Air/drone strike"),
    ("Artillery shells landed on the outskirts of the city overnight.",
     "Shelling/artillery/missile attack"),
    ("Rebels fired mortars at the airport, damaging a runway.",
     "Shelling/artillery/missile attack"),
    ("A roadside bomb hit a minibus near the bridge.", "Remote explosive/landmine/IED"),
    ("Two children were wounded when a landmine exploded in a field.",
     "Remote explosive/landmine/IED"),
    ("A suicide bomber blew himself up at the entrance of a mosque.", "Suicide bomb"),
    ("An attacker threw a hand grenade into the crowded bus station.", "Grenade"),
    ("Police defused a bomb planted under a bridge.", "Disrupted weapons use"),
    ("Soldiers found three landmines buried near the road.", "Disrupted weapons use"),
    ("Troops seized a cache of rifles and ammunition in the forest.", "Disrupted weapons use"),
    # Violence against civilians
    ("Gunmen shot dead a civilian in the village.", "Attack"),
    ("Three farmers were killed by militiamen in their fields.", "Attack"),
    ("A man shot and wounded two people outside a bar on Saturday night.", "Attack"),
    ("A teenager was shot and killed at his home on Friday night.", "Attack"),
    ("Six people were shot at a party after an argument broke out in the yard.", "Attack"),
    ("An off-duty soldier was shot dead by two gunmen at a bus stop.", "Attack"),
    ("On Monday a grocer was shot dead by a pair of armed men outside his shop.", "Attack"),
    ("Gunmen kidnapped six aid workers on the road to the camp.",
     "Abduction/forced disappearance"),
    ("The journalist was abducted by unidentified armed men.",
     "Abduction/forced disappearance"),
    ("Soldiers raped two women during a raid on the village.", "Sexual violence"),
    # Protests
    ("Hundreds of teachers rallied outside the ministry.", "Peaceful protest"),
    ("Farmers marched to parliament to demand higher crop prices.", "Peaceful protest"),
    ("Taxi drivers blocked access to the airport over a new fuel levy.", "Peaceful protest"),
    ("Police fired tear gas to disperse protesters.", "Protest with intervention"),
    ("Police detained a dozen activists during a protest outside the court.",
     "Protest with intervention"),
    ("Security forces opened fire on protesters, killing four.",
     "Excessive force against protesters"),
    ("Four protesters died after police fired live ammunition at the crowd.",
     "Excessive force against protesters"),
    # Riots
    ("Protesters threw stones at police and set tyres on fire.", "Violent demonstration"),
    ("Demonstrators torched cars and smashed shop windows during the march.",
     "Violent demonstration"),
    ("Villagers beat a farmer to death after accusing him of witchcraft.", "Mob violence"),
    ("Residents caught a suspected thief at the market and beat him to death.", "Mob violence"),
    ("A man accused of theft was beaten and killed by villagers on Sunday.", "Mob violence"),
    # Strategic developments
    ("The government and the rebels signed a ceasefire agreement in the capital.", "Agreement"),
    ("Forty fighters surrendered to government forces in the north.", "Agreement"),
    ("The two sides agreed to a prisoner exchange.", "Agreement"),
    ("Police arrested a senior opposition leader at his home.", "Arrests"),
    ("The army deployed reinforcements to the border region.", "Change to group/activity"),
    ("The two armed groups merged to form a new alliance.", "Change to group/activity"),
    ("Turkish troops set up three new military bases in the hills north of Amadiya.",
     "Headquarters or base established"),
    ("Rebels pulled out of the town and government troops took control of it without a fight.",
     "Non-violent transfer of territory"),
    ("Several shops were looted in the township overnight.", "Looting/property destruction"),
    ("Militiamen burned down dozens of homes in the village.", "Looting/property destruction"),
    ("Authorities imposed a curfew on the city after the unrest.", "Other"),
    # not ACLED events: disasters, crime, diplomacy, claims, reports of the past
    ("An earthquake killed twelve people and destroyed hundreds of homes.", NONE),
    ("A fire broke out at a chemical factory, killing three workers.", NONE),
    ("Two people died when a bus collided with a truck on the highway.", NONE),
    ("Police seized two tonnes of cocaine hidden in a shipping container.", NONE),
    ("The foreign ministers met in Geneva to discuss trade.", NONE),
    ("The group claimed responsibility for the attack in a statement.", NONE),
    ("The ambassador was summoned over remarks by the prime minister.", NONE),
    ("A toddler accidentally shot himself with his father's handgun.", NONE),
    ("The rebels demanded a truce before any talks on the future of the valley.", NONE),
    ("The two parties failed to reach an agreement on the border dispute.", NONE),
    ("The council rejected a call for more troops to be deployed in the province.", NONE),
    ("The patient remains in stable condition and prices have stabilised.", NONE),
]

# verbal and cooperative events told beside a violent one: (text, PLOVER event expected among
# the story's events)
VERBAL: list[tuple[str, str]] = [
    ("Warplanes struck the town. Moscow announced new talks with Ankara on Tuesday.", "CONSULT"),
    ("Militants attacked a checkpoint. The president threatened to retaliate.", "THREATEN"),
    ("Rebels shelled the city. The governor demanded that the rebels withdraw.", "DEMAND"),
    ("Soldiers clashed with rebels. The ministry accused the rebels of using civilians as "
     "shields.", "ACCUSE"),
]


def main_event(text: str) -> Event | None:
    events = extract_document(make_document(text, None)).events
    return events[0] if events else None


@pytest.mark.parametrize(("text", "expected"), SUB_TYPES)
def test_main_event_sub_type(text: str, expected: str | None) -> None:
    event = main_event(text)
    assert (event.sub_event_type if event else None) == expected


def test_the_set_covers_every_sub_type() -> None:
    covered = {sub for _, sub in SUB_TYPES if sub}
    assert len(covered) == 25


@pytest.mark.parametrize(("text", "plover"), VERBAL)
def test_verbal_event_beside_a_violent_one(text: str, plover: str) -> None:
    events = extract_document(make_document(text, None)).events
    assert plover in [e.plover.event for e in events if e.plover]


def test_joint_strikes_have_two_initiators() -> None:
    event = main_event("Joint Russian-Syrian air strikes hit the outskirts of the town.")
    assert event is not None
    assert {a.country for a in event.actors1} == {"RUS", "SYR"}


def test_passive_victims_are_targets_and_the_agent_is_the_perpetrator() -> None:
    event = main_event("Three farmers were killed by militiamen in their fields.")
    assert event is not None
    assert [a.sector for a in event.actors1] == ["militia"]
    assert [a.sector for a in event.actors2] == ["civilians"]


def test_a_trigger_in_a_relative_clause_yields_to_the_main_clause() -> None:
    text = "Rebels seized the town, which an air strike had hit the year before."
    event = main_event(text)
    assert event is not None and event.sub_event_type == "Non-state actor overtakes territory"


def test_a_crowd_turning_violent_makes_the_protest_a_violent_demonstration() -> None:
    text = ("Thousands of students marched to the parliament. Police fired tear gas. "
            "Protesters threw stones at police and set tyres on fire.")
    event = main_event(text)
    assert event is not None and event.sub_event_type == "Violent demonstration"


def test_detentions_in_raids_are_arrests() -> None:
    event = main_event("Soldiers detained twelve men in overnight raids across the district.")
    assert event is not None and event.sub_event_type == "Arrests"


def test_an_explosion_at_a_refinery_is_no_event() -> None:
    assert main_event("An explosion ripped through an oil refinery, killing two workers.") is None


def test_weapons_seized_after_a_clash_leave_the_lead_to_the_clash() -> None:
    text = ("Troops clashed with rebels near the river, killing three of them. "
            "Rifles and ammunition were seized after the fighting.")
    event = main_event(text)
    assert event is not None and event.sub_event_type == "Armed clash"


def test_an_attack_with_mines_is_a_remote_explosive() -> None:
    event = main_event("Rebels attacked a military convoy with remote-controlled mines.")
    assert event is not None and event.sub_event_type == "Remote explosive/landmine/IED"


def test_grenade_launchers_fire_shells() -> None:
    event = main_event("Rebels fired mortars and grenade launchers at army positions.")
    assert event is not None and event.sub_event_type == "Shelling/artillery/missile attack"


def test_a_shooting_in_a_story_of_drug_crime_is_still_an_event() -> None:
    event = main_event("Two armed men shot and killed a drug dealer outside his home.")
    assert event is not None and event.sub_event_type == "Attack"


def test_violent_protests_are_not_a_topic_of_the_march() -> None:
    event = main_event("Violent protests erupted in the capital ahead of planned marches.")
    assert event is not None and event.sub_event_type == "Violent demonstration"


def test_protesters_pelting_police_who_fire_tear_gas_make_a_violent_demonstration() -> None:
    text = "Police fired tear gas at protesters who threw stones at them."
    event = main_event(text)
    assert event is not None and event.sub_event_type == "Violent demonstration"


def test_rockets_fired_during_a_wider_offensive_stay_shelling() -> None:
    text = "Rockets hit the market, as the army continues its offensive against the rebels."
    event = main_event(text)
    assert event is not None and event.sub_event_type == "Shelling/artillery/missile attack"


def test_the_group_named_in_a_compound_is_the_object_of_a_territorial_loss() -> None:
    event = main_event("Soldiers drove back the ISIL fighters from the village.")
    assert event is not None and event.sub_event_type == "Government regains territory"


def test_a_visit_is_a_consultation_in_visit_mode() -> None:
    events = extract_document(make_document(
        "Rebels shelled the town. The foreign minister visited Ankara on Monday.", None)).events
    assert [e.plover for e in events if e.plover and e.plover.event == "CONSULT"][0].mode == "visit"


def test_arrests_are_coercion_in_arrest_mode() -> None:
    event = main_event("Police arrested a senior opposition leader at his home.")
    assert event is not None and event.plover is not None
    assert (event.plover.event, event.plover.mode) == ("COERCE", "arrest")


def test_a_protest_about_a_flood_is_still_a_protest() -> None:
    event = main_event("Residents blocked the main road to protest against the slow response "
                       "to the floods.")
    assert event is not None and event.sub_event_type == "Peaceful protest"


def test_residents_clashing_with_police_is_mob_violence() -> None:
    event = main_event("Villagers clashed with police over a land dispute, injuring six.")
    assert event is not None and event.sub_event_type == "Mob violence"


def test_rebels_detaining_people_is_an_abduction() -> None:
    event = main_event("Rebels detained three traders at a checkpoint outside the town.")
    assert event is not None and event.sub_event_type == "Abduction/forced disappearance"


def test_abducting_policemen_is_a_clash_between_armed_sides() -> None:
    event = main_event("Militants abducted two policemen near the station.")
    assert event is not None and event.sub_event_type == "Armed clash"


def test_the_agent_of_a_modifying_verb_is_no_perpetrator() -> None:
    event = main_event("Police fired shots at a car driven by civilians at the checkpoint.")
    assert event is not None and event.sub_event_type == "Attack"
    assert [a.sector for a in event.actors1] == ["police"]


def test_a_group_of_gunmen_carries_out_the_attack() -> None:
    event = main_event("Two farmers were shot dead by a group of gunmen.")
    assert event is not None and [a.sector for a in event.actors1] == [
        "unidentified armed group"]


def test_an_attack_by_no_one_named_is_by_an_unidentified_armed_group() -> None:
    event = main_event("A shopkeeper was shot dead in his store on Friday.")
    assert event is not None
    assert [(a.name, a.sector) for a in event.actors1] == [
        ("Unidentified Armed Group", "unidentified armed group")]


def test_a_rally_against_gun_violence_is_peaceful() -> None:
    event = main_event("Hundreds of parents rallied outside the capitol to demand action on gun "
                       "violence.")
    assert event is not None and event.sub_event_type == "Peaceful protest"


def test_demonstrators_barricading_roads_make_a_violent_demonstration() -> None:
    event = main_event("Residents staged a demonstration and barricaded the roads with burning "
                       "branches.")
    assert event is not None and event.sub_event_type == "Violent demonstration"


@pytest.mark.parametrize("text", [
    "Insurgents attacked a base of the peacekeeping mission before dawn.",
    "Militants attacked the outpost of the UN mission at night.",
])
def test_an_attack_on_a_post_of_armed_men_is_a_clash(text: str) -> None:
    event = main_event(text)
    assert event is not None and event.sub_event_type == "Armed clash"


def test_an_attack_on_a_village_stays_an_attack() -> None:
    event = main_event("Insurgents attacked a village near the river before dawn.")
    assert event is not None and event.sub_event_type == "Attack"


def test_an_attack_with_no_victim_named_yields_to_the_battle_it_opened() -> None:
    text = ("Government troops launched an assault on the hills at dawn. "
            "Soldiers clashed with rebels for several hours on the slopes.")
    event = main_event(text)
    assert event is not None and event.sub_event_type == "Armed clash"


def test_a_later_mention_of_police_does_not_turn_a_shooting_into_a_battle() -> None:
    text = ("Gunmen opened fire on a crowd outside a bar, killing two people. "
            "According to police, the attack was a reprisal.")
    event = main_event(text)
    assert event is not None and event.sub_event_type == "Attack"


@pytest.mark.parametrize("text", [
    "Soldiers were engaged in a fire exchange with the insurgents since morning.",
    "The two militias traded fire across the valley for most of the night.",
])
def test_trading_fire_is_a_clash(text: str) -> None:
    event = main_event(text)
    assert event is not None and event.sub_event_type == "Armed clash"
    assert event.evidence[0].span.text in ("fire exchange", "traded fire")


@pytest.mark.parametrize("text", [
    "Police arrested the students who had organised the demonstrations last week.",
    "The authorities detained a union leader on charges of organising an illegal protest.",
])
def test_arresting_the_organisers_of_a_protest_is_an_arrest(text: str) -> None:
    event = main_event(text)
    assert event is not None and event.sub_event_type == "Arrests"


def test_arrests_while_trying_to_protest_are_an_intervention() -> None:
    event = main_event("Ten students were detained by police while trying to hold a rally.")
    assert event is not None and event.sub_event_type == "Protest with intervention"


@pytest.mark.parametrize("text", [
    "The army said the rebels had taken over three localities in the north.",
    "Rebels gained ground in the eastern districts after a week of fighting.",
])
def test_ground_gained_by_rebels_is_territory(text: str) -> None:
    event = main_event(text)
    assert event is not None and event.sub_event_type == "Non-state actor overtakes territory"


def test_a_rally_cut_short_by_tear_gas_is_an_intervention() -> None:
    text = ("A rally held by nurses outside the hospital was cut short after police fired tear "
            "gas at the crowd.")
    event = main_event(text)
    assert event is not None and event.sub_event_type == "Protest with intervention"


def test_police_chasing_demonstrators_is_an_intervention() -> None:
    event = main_event("Police chased demonstrators through the old town during the march.")
    assert event is not None and event.sub_event_type == "Protest with intervention"
    assert event.evidence[0].span.text == "chased demonstrators"


def test_a_place_located_on_a_road_seizes_no_weapon() -> None:
    text = "Insurgents detonated explosives under a bridge located on the main highway."
    event = main_event(text)
    assert event is not None and event.sub_event_type == "Remote explosive/landmine/IED"


@pytest.mark.parametrize("text", [
    "Two gunmen shot dead a police sergeant near the bus stop.",
    "Militants shot and injured an AMISOM soldier in the village.",
    "Insurgents attacked a MINUSMA convoy near Kidal.",
    "Militants ambushed a bus carrying men of the 47th Armored Brigade.",
])
def test_shooting_at_police_troops_or_peacekeepers_is_a_clash(text: str) -> None:
    event = main_event(text)
    assert event is not None and event.sub_event_type == "Armed clash"
    assert any(a.sector in ("police", "military") for a in event.actors2)


@pytest.mark.parametrize("text", [
    "Villagers demonstrated in the town to thank the government for the lifting of the sanctions.",
    "Students demonstrated outside the embassy amid the sanctions on their country.",
])
def test_a_protest_about_sanctions_is_still_a_protest(text: str) -> None:
    event = main_event(text)
    assert event is not None and event.sub_event_type == "Peaceful protest"


def test_a_story_led_by_sanctions_is_no_acled_event() -> None:
    event = main_event("The European Union imposed new sanctions on the ruling party. "
                       "Ministers said the measures would take effect on Monday.")
    assert event is not None and (event.event_type, event.plover) == (
        None, Plover("SANCTION", None))


@pytest.mark.parametrize("text", [
    "Pupils held a climate strike outside the town hall on Friday.",
    "Supporters of the jailed mayor demanded his release outside the court.",
])
def test_climate_strikes_and_calls_for_release_are_protests(text: str) -> None:
    event = main_event(text)
    assert event is not None and event.sub_event_type == "Peaceful protest"


@pytest.mark.parametrize("text", [
    "QSD forces detained three young men at a checkpoint in Raqqa.",
    "The Sultan Murad Division detained a farmer near Afrin.",
])
def test_syrian_armed_groups_by_other_names_abduct_rather_than_arrest(text: str) -> None:
    event = main_event(text)
    assert event is not None and event.sub_event_type == "Abduction/forced disappearance"


@pytest.mark.parametrize("text", [
    "Insurgents fired at the patrol and the soldiers returned fire.",
    "The two armies exchanged shelling across the border overnight.",
])
def test_fire_answered_is_a_clash(text: str) -> None:
    event = main_event(text)
    assert event is not None and event.sub_event_type == "Armed clash"
    assert event.evidence[0].span.text in ("returned fire", "exchanged shelling")


@pytest.mark.parametrize("text", [
    "Outside the bakery a group of individuals attacked a shopkeeper, injuring him.",
    "Members of a rival tribe beat up two herders near the well.",
])
def test_a_crowd_attacking_people_is_mob_violence(text: str) -> None:
    event = main_event(text)
    assert event is not None and event.sub_event_type == "Mob violence"
