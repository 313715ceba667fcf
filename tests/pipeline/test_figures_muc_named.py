"""Stage 'figures' on ALL-CAPS wire sentences we wrote: one victim told by the grammar alone
(`figures_named`), each with its exact figures. Mixed-case text names its victims through the
tagger instead; the last cases show these ALL-CAPS readings stay off there."""

from __future__ import annotations

import pytest

from .figure_helpers import Row, figures_of

SENTENCES: list[tuple[str, list[Row]]] = [
    # a possessive name before a kind noun: one victim
    ("LIMA, 3 MAY 90 -- THE REBELS DENIED ANY ROLE IN LUIS ALBERTO MENDEZ'S MURDER.",
     [("killed", "LUIS ALBERTO MENDEZ", 1, False)]),
    ("LIMA, 3 MAY 90 -- AFTER PEDRO GOMEZ'S ASSASSINATION, THE TALKS STOPPED.",
     [("killed", "PEDRO GOMEZ", 1, False)]),
    # 'the' and a word for one person before the possessive
    ("LIMA, 3 MAY 90 -- THE BISHOP CONDEMNED THE ARCHBISHOP'S ASSASSINATION.",
     [("killed", "ARCHBISHOP", 1, False)]),
    # but no organisation, place or group, nor a kind noun that starts a compound or an 'of'
    ("LIMA, 3 MAY 90 -- THE COMPANY'S DEATH WAS SLOW.", []),
    ("LIMA, 3 MAY 90 -- THE CITY'S MURDER RATE ROSE.", []),
    ("LIMA, 3 MAY 90 -- ARENA'S DEATH SQUADS WERE BLAMED.", []),
    ("LIMA, 3 MAY 90 -- THE PATROL'S KILLING WAS DENIED.", []),
    # an age between 'the killing of' and the name
    ("LIMA, 3 MAY 90 -- THE MINISTER CONDEMNED THE KILLING OF 42-YEAR-OLD PEDRO GOMEZ.",
     [("killed", "PEDRO GOMEZ", 1, False)]),
    # a place or a time between the kind noun and its 'of'
    ("LIMA, 3 MAY 90 -- HE SAID THE ASSASSINATION IN FEBRUARY OF GENERAL PEDRO GOMEZ WAS "
     "PLOTTED ABROAD.",
     [("killed", "GENERAL PEDRO GOMEZ", 1, False)]),
    ("LIMA, 3 MAY 90 -- THEY CONDEMNED THE MURDER IN TRUJILLO OF LUIS PEREZ.",
     [("killed", "LUIS PEREZ", 1, False)]),
    # but not the perpetrators after 'by', nor a group
    ("LIMA, 3 MAY 90 -- THEY CONDEMNED THE DEATH ON 24 AUGUST BY A GROUP OF MEN.", []),
    ("LIMA, 3 MAY 90 -- THEY MOURNED THE DEATH IN COMBAT OF THE SOLDIERS.", []),
    # a second victim after 'and [of]': both told as one list
    ("LIMA, 3 MAY 90 -- THEY CONDEMNED THE MURDER OF LUIS PEREZ AND OF ANA GOMEZ.",
     [("killed", "LUIS PEREZ", 1, False), ("killed", "ANA GOMEZ", 1, False)]),
    ("LIMA, 3 MAY 90 -- THEY CONDEMNED THE MURDER OF DR PEREZ AND HIS COMPANION, ANA GOMEZ.",
     [("killed", "DR PEREZ", 1, False), ("killed", "HIS COMPANION, ANA GOMEZ", 1, False)]),
    ("LIMA, 3 MAY 90 -- THEY CONDEMNED THE MURDER OF DR PEREZ AND HIS WIFE.",
     [("killed", "DR PEREZ", 1, False), ("killed", "HIS WIFE", 1, False)]),
    # but no group, verb or 'all those' after the 'and'
    ("LIMA, 3 MAY 90 -- THEY CONDEMNED THE MURDER OF DR PEREZ AND HIS MEN.",
     [("killed", "DR PEREZ", 1, False)]),
    ("LIMA, 3 MAY 90 -- THEY CONDEMNED THE MURDER OF LUIS PEREZ AND URGED AN INQUIRY.",
     [("killed", "LUIS PEREZ", 1, False)]),
    ("LIMA, 3 MAY 90 -- THEY CONDEMNED THE MURDER OF LUIS PEREZ AND ALL THOSE INVOLVED.",
     [("killed", "LUIS PEREZ", 1, False)]),
    # a name that opens a list whose other items are counts: one more victim in the list
    ("LIMA, 3 MAY 90 -- POLICE SAID THAT LUIS PEREZ, HIS SON, AND 15 OTHERS WERE KILLED.",
     [("killed", "LUIS PEREZ", 1, False), ("killed", "SON", 1, False),
      ("killed", "OTHERS", 15, False)]),
    ("LIMA, 3 MAY 90 -- ACCORDING TO THE NATIONAL POLICE, LUIS PEREZ AND 15 OTHERS WERE "
     "KILLED.",
     [("killed", "LUIS PEREZ", 1, False), ("killed", "OTHERS", 15, False)]),
    # but no word that opens a clause, nor a place or a time before a count
    ("LIMA, 3 MAY 90 -- MEANWHILE, HIS SON AND 15 OTHERS WERE KILLED.",
     [("killed", "SON", 1, False), ("killed", "OTHERS", 15, False)]),
    ("LIMA, 3 MAY 90 -- REBELS ATTACKED THE TOWN, AND 15 PEOPLE WERE KILLED.",
     [("killed", "PEOPLE", 15, False)]),
    ("LIMA, 3 MAY 90 -- IN THE EAST, 15 PEOPLE WERE KILLED.",
     [("killed", "PEOPLE", 15, False)]),
    # a list of names with a comma before 'were'
    ("LIMA, 3 MAY 90 -- COMRADES PEREZ, DIAZ, AND GOMEZ, WERE MURDERED IN MARCH.",
     [("killed", "COMRADES PEREZ", 1, False), ("killed", "DIAZ", 1, False),
      ("killed", "GOMEZ", 1, False)]),
    # a subject opened by 'the', past a 'who' clause
    ("LIMA, 3 MAY 90 -- POLICE SAID THAT THE UNION LEADER JUAN PEREZ, WHO WAS ABDUCTED ON "
     "MONDAY, WAS FOUND DEAD.",
     [("killed", "UNION LEADER JUAN PEREZ", 1, False)]),
    # but not a group told that way
    ("LIMA, 3 MAY 90 -- THE PEASANTS, WHO WERE ABDUCTED ON MONDAY, WERE FOUND DEAD.", []),
    # mixed case: these readings are for ALL-CAPS wires only
    ("The rebels denied any role in Luis Alberto Mendez's murder.", []),
    ("The minister condemned the killing of 42-year-old Pedro Gomez.", []),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCES, ids=[s for s, _ in SENTENCES])
def test_sentence_yields_exactly_its_figures(text: str, expected: list[Row]) -> None:
    assert figures_of(text) == expected
