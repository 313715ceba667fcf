"""Resolution of a town the text puts beside a town of another country (sentences of ours)."""

from __future__ import annotations

from fogwatch.nlp import parse
from fogwatch.pipeline import make_document
from fogwatch.pipeline.context import Context
from fogwatch.pipeline.places import find_places


def test_town_beside_a_town_of_another_country_stays_unresolved() -> None:
    # No Los Angeles of Veracruz in the gazetteer: California's would be wrong by 2,700 km.
    text = "A man was shot dead in Los Angeles, Veracruz, late on Friday, local media said."
    found = find_places(Context(document=make_document(text), doc=parse(text))).places
    assert [(p.span.text, p.country) for p in found if p.span] == [("Veracruz", "MEX")]
