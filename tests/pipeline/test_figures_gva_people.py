"""Figures of US local shooting news: ages beside names, hospital conditions, shooting victims,
a member of a group told with 'including', and participles before a date. Each sentence is
ours; each test asserts the exact (kind, best) figures found, cumulative ones left out."""

from __future__ import annotations

from .figure_helpers import counted, found


def test_ages_after_two_names_count_nobody() -> None:
    assert found("Mark Jones, 20, and Lisa Brown, 17, were shot on Elm Street.") == [
        ("wounded", 1), ("wounded", 1)]


def test_a_pair_of_ages_after_a_group_counts_nobody() -> None:
    assert found("Two men, 23 and 27, and a woman, 31, were taken to a hospital.") == [
        ("wounded", 2), ("wounded", 1)]


def test_age_after_also_in_commas() -> None:
    assert found("Another teen, also 15, was shot.") == [("wounded", 1)]


def test_a_number_after_a_town_and_comma_still_counts() -> None:
    assert found("In Denver, 12 people were shot.") == [("wounded", 12)]


def test_shot_one_time_is_no_count() -> None:
    assert found("The woman was shot one time in the leg.") == [("wounded", 1)]


def test_clause_before_the_predicate_goes_past_a_place_with_an_article() -> None:
    assert found("Five men walking to a party in Queens were shot late Friday.") == [
        ("wounded", 5)]


def test_hospital_condition_is_a_wound() -> None:
    assert found("A toddler remains in serious condition after the accidental shooting at home.") == [
        ("wounded", 1)]


def test_listed_in_critical_condition_restates_one_of_them() -> None:
    assert counted("Two men were shot. One of them was listed in critical condition.") == [
        ("wounded", 2)]


def test_deceased_victims_are_dead() -> None:
    assert found("Officers found two deceased victims and two injured men in the house.") == [
        ("killed", 2), ("wounded", 2)]


def test_shooting_victims_are_the_people_shot_less_the_dead() -> None:
    assert counted("Police found four shooting victims early Sunday. Two of the four shooting "
                   "victims had died.") == [("killed", 2), ("wounded", 2)]


def test_one_told_with_including_is_one_of_the_group() -> None:
    assert found("Four people died, including a 58-year-old man, and nine other people "
                 "were hurt.") == [("killed", 4), ("wounded", 9)]


def test_participle_before_a_weekday() -> None:
    assert found("A 6-year-old girl shot Sunday is expected to survive.") == [("wounded", 1)]


def test_grazed_is_a_wound() -> None:
    assert found("A bystander was grazed in the arm.") == [("wounded", 1)]


def test_a_fathers_children_are_no_count() -> None:
    assert found("A father of three was shot and killed during the weekend.") == [("killed", 1)]


def test_animals_hurt_are_no_victims() -> None:
    assert found("The stray bullet wounded two of the family dogs.") == []


def test_shot_three_more_times_is_no_count() -> None:
    assert found("The officer shot him three more times.") == [("wounded", 1)]


def test_one_death_told_twice_is_taken_off_the_people_shot_once() -> None:
    assert counted("Six people were shot outside the club. The shooting killed a 19-year-old "
                   "woman. Reyes died on the way to the hospital.") == [("killed", 1), ("wounded", 5)]


def test_the_other_victims_are_not_taken_off_by_the_dead() -> None:
    assert found("Carter died on the sidewalk, and the other five victims were taken to two area "
                 "hospitals.") == [("killed", 1), ("wounded", 5)]


def test_more_people_shot_are_beside_the_dead() -> None:
    assert counted("Two people died and seven more people were shot early Tuesday.") == [
        ("killed", 2), ("wounded", 7)]


def test_other_victims_told_after_a_total_are_among_it() -> None:
    assert counted("Four people were shot at a bar on Saturday. One woman was hit in the leg. "
                   "Two other victims were taken to the hospital.") == [("wounded", 4)]


def test_a_man_beside_other_men_adds() -> None:
    assert counted("A man was shot on Elm Street. Two other men were wounded.") == [
        ("wounded", 1), ("wounded", 2)]


def test_some_of_the_others_are_among_them() -> None:
    assert counted("The shooting killed a man and injured four other men. Three of the men "
                   "remain in critical condition.") == [("killed", 1), ("wounded", 4)]


def test_people_sent_to_the_hospital_are_wounded() -> None:
    assert found("The shooting sent five people to the hospital.") == [("wounded", 5)]


def test_people_sent_elsewhere_are_no_victims() -> None:
    assert found("He sent two men to the store.") == []


def test_one_also_shot_beside_the_dead_is_wounded() -> None:
    assert counted("A gunman shot and killed a woman. Her young daughter was also shot and is "
                   "in the hospital.") == [("killed", 1), ("wounded", 1)]
