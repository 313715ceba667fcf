"""Figures of US local shooting news, third round: people shot who lived, people hit 'in the
leg' or 'by gunfire', people listed in commas after their count, inverted sentences ('Also
wounded were ...'), ages without an article, a participle's subject that died, and the death
of a person told with a clause. Each sentence is ours; each test asserts the exact (kind,
best) figures found or counted, cumulative ones left out."""

from __future__ import annotations

from fogwatch.pipeline.figures_wounded import wounded_less_dead
from fogwatch.records import Figure, FigureKind, Span

from .figure_helpers import counted, found

# --- people shot who lived -------------------------------------------------------------------

def test_taken_to_hospital_in_stable_condition_is_not_the_dead() -> None:
    assert counted("Officers found one man dead in the kitchen. A second man was taken to "
                   "the hospital in stable condition.") == [("killed", 1), ("wounded", 1)]


def test_a_death_in_the_next_sentence_is_the_person_taken_to_hospital() -> None:
    assert counted("A man was taken to the hospital in stable condition. He died there two "
                   "days later.") == [("killed", 1)]


def test_critical_condition_tells_no_one_lived() -> None:
    assert counted("Officers found one man dead in the kitchen. A second man was taken to "
                   "the hospital in critical condition.") == [("killed", 1)]


def test_a_shooter_who_killed_himself_is_none_of_the_people_he_shot() -> None:
    assert counted("Police said Tom Reed shot his wife before killing himself.") == [
        ("killed", 1), ("wounded", 1)]


def test_lived_beside_other_wounded_is_one_of_them() -> None:
    assert counted("One man was killed and two others were wounded. A woman was taken to the "
                   "hospital in stable condition.") == [("killed", 1), ("wounded", 2)]


# --- hit by a bullet -------------------------------------------------------------------------

def test_struck_in_the_leg_is_a_wound() -> None:
    assert found("A 30-year-old woman was struck in the leg by a stray bullet.") == [
        ("wounded", 1)]


def test_hit_by_gunfire_counts_the_people_hit() -> None:
    assert found("Two men were hit by gunfire outside the bar.") == [("wounded", 2)]


def test_hit_and_died_is_killed() -> None:
    assert found("The teen was hit in the chest and died at the scene.") == [("killed", 1)]


def test_striking_him_in_the_arm_is_a_wound() -> None:
    assert found("He fired at the man, striking him in the arm.") == [("wounded", 1)]


def test_hitting_the_suspect_in_his_left_leg_is_a_wound() -> None:
    assert found("A deputy fired back, hitting the suspect in his left leg.") == [
        ("wounded", 1)]


def test_hit_in_a_place_is_no_wound() -> None:
    assert found("The car hit him in the parking lot.") == []


def test_a_thing_hit_is_no_one_wounded() -> None:
    assert found("The truck was hit in the rear by a car.") == []


# --- people listed in commas after their count -----------------------------------------------

def test_a_count_then_its_people_in_commas_then_the_predicate() -> None:
    assert counted("Three victims, a 20-year-old man, a 41-year-old man, and a 35-year-old "
                   "woman, were all taken to a hospital.") == [("wounded", 3)]


def test_two_of_the_men_named_with_ages_died() -> None:
    assert counted("Two of the men, 23-year-old Tom Reed and 24-year-old Sam Lee, died at "
                   "the scene.") == [("killed", 2)]


def test_one_of_a_group_told_in_commas_counts_once() -> None:
    assert counted("Police said one of the teens, a 16-year-old boy, was grazed in the "
                   "arm.") == [("wounded", 1)]


def test_a_count_before_a_comma_and_a_place_is_no_list() -> None:
    assert found("In Denver, 12 people were shot.") == [("wounded", 12)]


# --- inverted sentences ----------------------------------------------------------------------

def test_also_wounded_were_two_men() -> None:
    assert found("Also injured in the shooting were two men, ages 19 and 22.") == [
        ("wounded", 2)]


def test_killed_was_a_boy() -> None:
    assert found("Killed was a 17-year-old boy from Elm Street.") == [("killed", 1)]


def test_a_predicate_is_no_inverted_kind() -> None:
    assert found("The men who were injured were two brothers.") == []


# --- ages without an article -----------------------------------------------------------------

def test_an_age_without_an_article_in_a_list_of_the_dead() -> None:
    assert counted("Police say a grandmother and 7-year-old boy were dead when help came.") == [
        ("killed", 1), ("killed", 1)]


def test_an_aged_person_named_died() -> None:
    assert found("Police said 19-year-old Tom Reed died at the scene.") == [("killed", 1)]


def test_an_aged_person_with_a_long_name_died() -> None:
    assert found("Police were called to the hospital, where 22-year-old Juan Carlos Perez "
                 "Lopez died from a gunshot wound.") == [("killed", 1)]


def test_a_count_of_people_of_an_age() -> None:
    assert found("Two 15-year-old boys were shot on Elm Street.") == [("wounded", 2)]


# --- a participle's subject that died --------------------------------------------------------

def test_a_boy_shot_on_a_day_has_died() -> None:
    assert found("A 9-year-old boy shot early Wednesday during a hunting trip has died, "
                 "officials said.") == [("killed", 1)]


def test_a_man_shot_then_taken_to_hospital_is_wounded() -> None:
    assert found("A man shot Friday was taken to a hospital.") == [("wounded", 1)]


# --- the death of a person told with a clause ------------------------------------------------

def test_the_death_of_a_man_who_was_shot_is_killed() -> None:
    assert found("Detectives called the death of a 63-year-old woman who had been shot "
                 "near her garage a homicide.") == [("killed", 1)]


def test_the_shooting_of_a_man_who_was_wounded_is_wounded() -> None:
    assert found("The shooting of a man who was wounded in the leg is under "
                 "investigation.") == [("wounded", 1)]


# --- a shooter's own death -------------------------------------------------------------------

def _figure(kind: FigureKind, text: str, story: str) -> Figure:
    start = story.index(text)
    return Figure(kind=kind, who=None, low=1, best=1, high=1, cumulative=False, since=None,
                  span=Span(start, start + len(text), text))


def test_a_boy_who_shot_himself_is_the_one_who_killed_himself() -> None:
    story = "A boy who shot himself was found at home. Later the boy killed himself."
    shot = _figure("wounded", "A boy who shot himself", story)
    dead = _figure("killed", "killed himself", story)
    assert wounded_less_dead([(shot, True, False), (dead, False, False)], story) == [dead]


def test_people_a_shooter_shot_are_not_his_own_death() -> None:
    story = "A man shot his wife at home. Later the man killed himself."
    shot = _figure("wounded", "shot his wife", story)
    dead = _figure("killed", "killed himself", story)
    assert wounded_less_dead([(shot, True, False), (dead, False, False)], story) == [
        shot, dead]
