"""Places, round 2: Persian linking vowels inside names, and the first word of a longer
name the gazetteer lacks, on sentences of our own."""

from __future__ import annotations

import datetime as dt

from fogwatch.pipeline import extract_document, make_document


def places(text: str) -> list[tuple[str, str, str | None]]:
    extraction = extract_document(make_document(text, dt.date(2022, 5, 4)))
    return [(p.span.text if p.span else "", p.name, p.country) for p in extraction.places]


def test_name_with_a_spaced_persian_linking_vowel_is_read_whole() -> None:
    assert places("On 3 May 2022, dock workers went on strike in Bandar e Emam Khomeyni "
                  "city (Khuzestan) over unpaid wages.") == [
        ("Bandar e Emam Khomeyni", "Bandar-e Emam Khomeyni", "IRN"),
        ("Khuzestan", "Khūzestān", "IRN")]


def test_first_word_of_an_unknown_longer_name_is_no_town_abroad() -> None:
    # "Bandar" alone is also a name of Machilipatnam, India; the story is in Iran.
    assert places("On 3 May 2022, dock workers went on strike in Bandar Emam Khomeyni city "
                  "(Khuzestan) over unpaid wages.") == [("Khuzestan", "Khūzestān", "IRN")]


def test_whole_known_name_is_unaffected() -> None:
    assert places("On 3 May 2022, nurses protested in Bandar Abbas against unpaid wages.") == [
        ("Bandar Abbas", "Bandar Abbas", "IRN")]
