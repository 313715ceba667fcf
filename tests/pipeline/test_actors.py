"""The actors stage on sentences of our own: named groups, state forces, crowds."""

from __future__ import annotations

from fogwatch.nlp import parse
from fogwatch.pipeline import make_document
from fogwatch.pipeline.actors import find_actors
from fogwatch.pipeline.context import Context
from fogwatch.records import Actor, Span


def actors(text: str) -> tuple[Actor, ...]:
    return find_actors(Context(document=make_document(text), doc=parse(text))).actors


def test_demonym_and_soldiers_make_the_country_military() -> None:
    (actor,) = actors("Four Turkish soldiers were wounded.")
    assert actor == Actor(name="Military Forces of Turkey", id="TUR-MIL", country="TUR",
                          sector="military", span=Span(5, 21, "Turkish soldiers"))


def test_government_forces_are_one_actor_not_two() -> None:
    found = actors("Syrian government forces entered the village.")
    assert [(a.name, a.id) for a in found] == [("Military Forces of Syria", "SYR-MIL")]


def test_forces_of_a_named_country_take_its_code() -> None:
    (actor,) = actors("The truck was stopped by forces of Turkey.")
    assert (actor.id, actor.span) == ("TUR-MIL", Span(25, 41, "forces of Turkey"))


def test_joint_strike_by_two_states_gives_both_militaries() -> None:
    found = actors("Joint Russian-Syrian airstrikes hit the town.")
    assert [a.id for a in found] == ["RUS-MIL", "SYR-MIL"]


def test_police_without_a_country_keep_their_kind() -> None:
    (actor,) = actors("Police closed the square.")
    assert actor == Actor(name="Police Forces", id=None, country=None, sector="police",
                          span=Span(0, 6, "Police"))


def test_named_armed_group_is_found_by_its_alias() -> None:
    (actor,) = actors("Fighters of al-Shabaab raided the camp.")
    assert (actor.name, actor.id, actor.country, actor.sector) == (
        "Al Shabaab", "ALSHABAAB", "SOM", "rebel")


def test_named_group_absorbs_the_noun_it_modifies() -> None:
    found = actors("Taliban fighters entered the district.")
    assert [a.id for a in found] == ["TALIBAN"]


def test_country_as_subject_is_its_government() -> None:
    (actor,) = actors("Russia denied the report.")
    assert (actor.name, actor.id, actor.sector) == ("Government of Russia", "RUS-GOV",
                                                   "government")


def test_protesters_and_civilians_are_their_own_sectors() -> None:
    found = actors("Protesters carried the bodies of two civilians.")
    assert [(a.name, a.sector) for a in found] == [("Protesters", "protesters"),
                                                   ("Civilians", "civilians")]


def test_an_off_duty_police_officer_is_a_civilian() -> None:
    (actor,) = actors("An off-duty police officer was shot outside his house.")
    assert (actor.name, actor.sector) == ("Civilians", "civilians")


def test_a_former_member_of_the_kenyan_police_is_a_kenyan_civilian() -> None:
    (actor,) = actors("A former member of the Kenyan police was found dead.")
    assert (actor.name, actor.country, actor.sector) == ("Civilians (Kenya)", "KEN", "civilians")


def test_a_serving_police_officer_stays_police() -> None:
    (actor,) = actors("A police officer was shot outside his house.")
    assert actor.sector == "police"


def test_an_army_member_is_the_military_and_a_clan_member_no_armed_man() -> None:
    assert [a.sector for a in actors("Gunmen shot dead an army member.")] == [
        "unidentified armed group", "military"]
    assert [a.sector for a in actors("Police arrested a clan member.")] == ["police"]
