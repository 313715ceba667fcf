"""Stage 'figures' on sentences we wrote: how victims are told (definite counts, asides, lists,
participles, adverbs) and what became of them (shot and then died, shot and wounded, the
assailant killed beside a victim shot), each with its exact figures."""

from __future__ import annotations

import datetime as dt

import pytest

from fogwatch.nlp import parse
from fogwatch.pipeline import make_document
from fogwatch.pipeline.context import Context
from fogwatch.pipeline.dates import find_dates
from fogwatch.pipeline.figures import find_figures

TUESDAY = dt.date(2020, 2, 11)
Row = tuple[str, str | None, int | None, int | None, int | None, bool]

SENTENCES: list[tuple[str, list[Row]]] = [
    # 'the judge's escorts' among the victims of 'three of' is no count of its own
    ("SAN SALVADOR, 4 MAY 90 -- THREE OF THE JUDGE'S ESCORTS WERE ALSO KILLED IN THE AMBUSH.",
     [('killed', "THE JUDGE'S ESCORTS", 3, 3, 3, False)]),
    # a definite count after the kind word
    ('The bishop condemned the murder of the four nuns on Sunday.',
     [('killed', 'nuns', 4, 4, 4, False)]),
    ('The rebels killed the 12 members of the council.',
     [('killed', 'members', 12, 12, 12, False)]),
    # an aside between the victims and the kind word
    ('Seven soldiers (five officers and two privates) were killed near the border.',
     [('killed', 'soldiers', 7, 7, 7, False)]),
    ('Five nurses -- four Belgians and a Dutchwoman -- and two drivers were murdered.',
     [('killed', 'nurses', 5, 5, 5, False), ('killed', 'drivers', 2, 2, 2, False)]),
    ('Three deputies, including a sergeant, were wounded.',
     [('wounded', 'deputies', 3, 3, 3, False)]),
    # an adverb between 'was' and the kind word
    ('A 9-year-old boy was badly injured in the crash.',
     [('wounded', '9-year-old boy', 1, 1, 1, False)]),
    # 'left X dead and Y injured': both are objects of 'left'
    ('The storm left his cousin dead and a neighbor injured.',
     [('killed', 'cousin', 1, 1, 1, False), ('wounded', 'neighbor', 1, 1, 1, False)]),
    ('The blast left him and his two sons dead.',
     [('killed', None, 1, 1, 1, False), ('killed', 'sons', 2, 2, 2, False)]),
    # a participle after one person
    ('A toddler wounded in the crossfire is expected to survive.',
     [('wounded', 'toddler', 1, 1, 1, False)]),
    # 'his' and an age before the person
    ('The gunman also shot his 60-year-old father in the leg.',
     [('wounded', '60-year-old father', 1, 1, 1, False)]),
    # the longest kind phrase before the victims, and a list of people after it
    ('The suspect fatally shot his brother and his girlfriend.',
     [('killed', 'brother', 1, 1, 1, False), ('killed', 'girlfriend', 1, 1, 1, False)]),
    ('The gunman opened fire, killing one man and injuring his two sons and three other people.',
     [('killed', 'man', 1, 1, 1, False), ('wounded', 'sons', 2, 2, 2, False),
      ('wounded', 'other people', 3, 3, 3, False)]),
    # wounded, then died
    ('The gunman shot his neighbor, who died at the scene.',
     [('killed', 'neighbor', 1, 1, 1, False)]),
    ('A man was taken to the hospital but died.',
     [('killed', 'man', 1, 1, 1, False)]),
    ('A man was shot in the chest and later died at the hospital.',
     [('killed', 'man', 1, 1, 1, False)]),
    # 'were believed to have shot': the subject fired, it was not hit
    ('Two cousins were believed to have shot and injured four farmers.',
     [('wounded', 'farmers', 4, 4, 4, False)]),
    # 'shot and wounded' tells the farmer lived, whoever died after
    ('The bandits shot and wounded a farmer, whose son then fired back, killing one bandit.',
     [('wounded', 'farmer', 1, 1, 1, False), ('killed', 'bandit', 1, 1, 1, False)]),
    # the one shot and the one killed are two people: an officer and the suspect
    ('An officer was shot in the arm on Monday. Officers returned fire and the suspect was '
     'killed.',
     [('wounded', 'officer', 1, 1, 1, False), ('killed', 'suspect', 1, 1, 1, False)]),
    # a wound told as a state after one person
    ('Police found a man suffering from a gunshot wound in the parking lot.',
     [('wounded', 'man', 1, 1, 1, False)]),
    # 'a total of' sums one event's victims: no tally
    ('A total of six people, including four children, were injured at the fair.',
     [('wounded', 'people', 6, 6, 6, False)]),
    # a period of years makes a tally
    ('In three years, 40 children were wounded and nine killed in such accidents.',
     [('wounded', 'children', 40, 40, 40, True), ('killed', None, 9, 9, 9, True)]),
    # 'N of the M': the victims are N, the M only tell whom they are among
    ('Two of the five soldiers were killed in the raid.',
     [('killed', 'the five soldiers', 2, 2, 2, False)]),
    ('One of six men standing at the corner was shot.',
     [('wounded', 'six men', 1, 1, 1, False)]),
    # but 'one of N people shot': the N were shot
    ('The cook, one of three men shot and wounded on Friday, was released.',
     [('wounded', 'men', 3, 3, 3, False)]),
    ('John Doe, 1 of 4 guards killed in the raid, was buried on Monday.',
     [('killed', 'guards', 4, 4, 4, False)]),
    # ALL-CAPS wires: a list of names before 'were killed' is one victim a name
    ('LIMA, 3 MAY 90 -- AS A RESULT OF THE RAID, ORTIZ, PEDRO LUNA, AND MARIO DIAZ WERE '
     'KILLED.',
     [('killed', 'ORTIZ', 1, 1, 1, False), ('killed', 'PEDRO LUNA', 1, 1, 1, False),
      ('killed', 'MARIO DIAZ', 1, 1, 1, False)]),
    ('LIMA, 3 MAY 90 -- JUAN SOTO AND RAUL CRUZ WERE WOUNDED IN THE ATTACK.',
     [('wounded', 'JUAN SOTO', 1, 1, 1, False), ('wounded', 'RAUL CRUZ', 1, 1, 1, False)]),
    # but words for kinds of people tell no count
    ('LIMA, 3 MAY 90 -- PEASANTS AND WORKERS WERE KILLED IN THE ATTACK.', []),
    # a list of victims after the kind word, one item told with 'a'
    ('SOLDIERS WERE ARRESTED FOR KILLING 4 NUNS, A DOCTOR, AND HIS SON.',
     [('killed', 'NUNS', 4, 4, 4, False), ('killed', 'DOCTOR', 1, 1, 1, False),
      ('killed', 'SON', 1, 1, 1, False)]),
    # but a person who speaks after the list is no victim
    ('The strike killed 12 people and a local official said more may have died.',
     [('killed', 'people', 12, 12, 12, False)]),
    # a war named in the sentence makes a tally only as the time of the deaths
    ('LIMA, 3 MAY 90 -- THE WAR WORSENED WITH THE MURDER OF FOUR NUNS BY UNKNOWN MEN.',
     [('killed', 'NUNS', 4, 4, 4, False)]),
    ('Some 300 people died during the conflict.',
     [('killed', 'people', None, 300, None, True)]),
    # but a man shot and the suspect killed may be one person
    ('Deputies shot a man on Monday. The suspect died at the scene.',
     [('killed', 'suspect', 1, 1, 1, False)]),
]


def figures_of(text: str) -> list[Row]:
    ctx = Context(document=make_document(text, TUESDAY), doc=parse(text))
    return [(f.kind, f.who, f.low, f.best, f.high, f.cumulative)
            for f in find_figures(find_dates(ctx)).figures]


@pytest.mark.parametrize(("text", "expected"), SENTENCES, ids=[s for s, _ in SENTENCES])
def test_sentence_yields_exactly_its_figures(text: str, expected: list[Row]) -> None:
    assert figures_of(text) == expected
