"""The gazetteer build, round 3: which names are a place's own and which only another
language's (`alt`), on the built gazetteer."""

from __future__ import annotations

from fogwatch.gazetteer import load_gazetteer
from fogwatch.gazetteer.builder import _own_form


def test_a_shortened_or_abbreviated_own_name_is_own() -> None:
    assert _own_form("New York", "New York City")
    assert _own_form("St. Petersburg", "Saint Petersburg")


def test_another_spelling_is_not_own() -> None:
    assert not _own_form("Valence", "Valencia")
    assert not _own_form("York", "New York City")


def test_the_first_word_of_a_longer_name_is_not_own() -> None:
    assert not _own_form("Bar", "Bar-le-Duc")


def test_lookup_marks_a_town_found_only_by_a_foreign_name() -> None:
    found = {(e.name, e.country): e.alt for e in load_gazetteer().lookup("Valence")
             if e.kind == "city" and e.population > 50_000}
    assert found == {("Valencia", "ESP"): True, ("Valence", "FRA"): False}
