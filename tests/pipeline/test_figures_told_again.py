"""A person told again as 'also' hit ('the man was also hit in the leg') is the same person,
not one more (`event_figures.covers`), on sentences of our own."""

from __future__ import annotations

from .figure_helpers import counted


def test_the_person_also_hit_is_the_one_told_before() -> None:
    assert counted("A girl was killed and her uncle was injured in the drive-by. Police said "
                   "the man was also hit in the arm.") == [("killed", 1), ("wounded", 1)]


def test_a_person_also_shot_is_one_more() -> None:
    assert counted("A man was shot on Pine Street on Monday. A woman was also shot.") == [
        ("wounded", 1), ("wounded", 1)]
