"""Lexicon phrases matched token by token: lemmas, prefixes, gaps, hyphens, acronyms."""

from __future__ import annotations

from fogwatch.nlp import parse
from fogwatch.pipeline.phrases import PhraseIndex


def found(phrases: list[str], text: str) -> list[str]:
    doc = parse(text)
    index = PhraseIndex((p, p) for p in phrases)
    return [doc[m.start:m.end].text for m in index.find(doc)]


def test_phrase_matches_an_inflected_form_by_its_lemma() -> None:
    assert found(["air strike"], "Two air strikes hit the depot.") == ["air strikes"]


def test_hyphenated_text_matches_the_spaced_phrase() -> None:
    assert found(["air strike"], "An air-strike hit the depot.") == ["air-strike"]


def test_star_matches_a_prefix() -> None:
    assert found(["kidnap*"], "Gunmen kidnapped a driver.") == ["kidnapped"]


def test_tilde_allows_a_short_gap() -> None:
    assert found(["seized ~ weapons"], "Troops seized dozens of weapons.") == [
        "seized dozens of weapons"]


def test_capitals_only_phrase_needs_its_exact_spelling() -> None:
    assert found(["IS"], "It is said that IS fighters left.") == ["IS"]


def test_longest_phrase_wins_at_one_position() -> None:
    assert found(["car bomb", "suicide car bomb"], "A suicide car bomb exploded.") == [
        "suicide car bomb"]
