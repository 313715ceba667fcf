"""Stage 'sources' on sentences we wrote: every attribution frame and certainty cue, each with
its exact claims (source as (name, kind, country), the chain `via`, certainty), read from "Ahval"."""

from __future__ import annotations

import datetime as dt

import pytest

from fogwatch.nlp import parse
from fogwatch.pipeline import make_document
from fogwatch.pipeline.context import Context
from fogwatch.pipeline.sources import find_claims

Row = tuple[tuple[str, str, str | None] | None, tuple[str, ...], str]

SENTENCES: list[tuple[str, list[Row]]] = [
    ('According to Reuters, five soldiers were killed.',
     [(('Reuters', 'media', 'GBR'), ('Ahval', 'Reuters'), 'reported')]),
    ('TASS reported that two villages were shelled.',
     [(('TASS', 'state_media', 'RUS'), ('Ahval', 'TASS'), 'reported')]),
    ('SANA reports that a bomb exploded in Damascus.',
     [(('SANA', 'state_media', 'SYR'), ('Ahval', 'SANA'), 'reported')]),
    ('A police officer told AFP that three people died.',
     [(('police officer', 'official', None), ('Ahval', 'Agence France-Presse', 'police officer'), 'reported')]),
    ('Citing local sources, Al Masdar News said ten soldiers were wounded.',
     [(('local sources', 'anonymous', None), ('Ahval', 'Al Masdar News', 'local sources'), 'unconfirmed')]),
    ('Al Masdar News, quoting pro-opposition media, said ten soldiers were wounded.',
     [(('pro-opposition media', 'opposition_media', None), ('Ahval', 'Al Masdar News', 'pro-opposition media'), 'reported')]),
    ('Sources suggest that four civilians died.',
     [(('Sources', 'anonymous', None), ('Ahval', 'Sources'), 'unconfirmed')]),
    ('The ministry claimed that 20 militants were killed.',
     [(('ministry', 'official', None), ('Ahval', 'ministry'), 'unconfirmed')]),
    ("Turkey's defence ministry confirmed that five soldiers were killed.",
     [(('Turkish Ministry of National Defence', 'military', 'TUR'), ('Ahval', 'Turkish Ministry of National Defence'), 'confirmed')]),
    ('The army acknowledged that two soldiers died.',
     [(('army', 'military', None), ('Ahval', 'army'), 'confirmed')]),
    ('The Pentagon admitted that a drone strike killed three civilians.',
     [(('Pentagon', 'military', 'USA'), ('Ahval', 'Pentagon'), 'confirmed')]),
    ('Five soldiers were reportedly killed.',
     [(None, ('Ahval',), 'unconfirmed')]),
    ('Unconfirmed reports said that six people died.',
     [(('Unconfirmed reports', 'anonymous', None), ('Ahval', 'Unconfirmed reports'), 'unconfirmed')]),
    ('The alleged strike killed four people.',
     [(None, ('Ahval',), 'unconfirmed')]),
    ('Militants purportedly executed two hostages.',
     [(None, ('Ahval',), 'unconfirmed')]),
    ('The deaths are yet to be confirmed.',
     [(None, ('Ahval',), 'unconfirmed')]),
    ('The claim could not be independently verified.',
     [(None, ('Ahval',), 'unconfirmed')]),
    ('An official who spoke on condition of anonymity said ten people died.',
     [(('official', 'official', None), ('Ahval', 'official'), 'unconfirmed')]),
    ('Russia denied that its jets struck the convoy.',
     [(('Russia', 'official', 'RUS'), ('Ahval', 'Russia'), 'denied')]),
    ('The ministry rejected the reports.',
     [(('ministry', 'official', None), ('Ahval', 'ministry'), 'denied')]),
    ('The Kremlin called the claims a fabrication.',
     [(('Kremlin', 'official', 'RUS'), ('Ahval', 'Kremlin'), 'denied')]),
    ('The Syrian Observatory for Human Rights said 12 fighters were killed.',
     [(('Syrian Observatory for Human Rights', 'ngo', 'GBR'), ('Ahval', 'Syrian Observatory for Human Rights'), 'reported')]),
    ('Ankara has not confirmed the report.',
     [(('Ankara', 'official', 'TUR'), ('Ahval', 'Ankara'), 'unconfirmed')]),
    ('Police said two men were shot.',
     [(('Police', 'official', None), ('Ahval', 'Police'), 'reported')]),
    ('The convoy reached the town on Monday.',
     []),
]


def claims_of(text: str) -> list[Row]:
    ctx = Context(document=make_document(text, dt.date(2020, 2, 11), source="Ahval"),
                  doc=parse(text))
    return [((c.source.name, c.source.kind, c.source.country) if c.source else None, c.via,
             c.certainty) for c in find_claims(ctx).claims]


@pytest.mark.parametrize(("text", "expected"), SENTENCES, ids=[s for s, _ in SENTENCES])
def test_sentence_yields_exactly_its_claims(text: str, expected: list[Row]) -> None:
    assert claims_of(text) == expected
