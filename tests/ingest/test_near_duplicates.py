"""Near-duplicates: a republished wire story is linked to the first copy read; independent
reports of the same event are not."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from fogwatch.ingest.items import Item
from fogwatch.ingest.near_duplicates import NearDuplicateIndex, mark_near_duplicates
from fogwatch.pipeline import make_document
from fogwatch.records import Document, from_json, to_json

from .samples import REPUBLISHED, WIRE

# Another outlet's own report of the same attack.
INDEPENDENT = ("Three fishermen died on Tuesday when a salvo of rockets landed in Sirte's port, "
               "according to the city's mayor, who said seven more people were hurt. Witnesses "
               "blamed forces stationed to the south. It was the third time this month that the "
               "harbour came under fire, and nobody has said who launched the rockets.")


def _original(*texts: str) -> list[str | None]:
    index = NearDuplicateIndex()
    return [index.original_of(make_document(text)) for text in texts]


def test_a_republished_wire_story_is_linked_to_the_first_copy() -> None:
    assert _original(WIRE, REPUBLISHED) == [None, make_document(WIRE).id]


def test_an_independent_report_of_the_same_event_is_not_a_near_duplicate() -> None:
    assert _original(WIRE, INDEPENDENT) == [None, None]


def test_a_copy_of_a_copy_is_linked_to_the_first_original() -> None:
    third = REPUBLISHED.replace("Reporting by our correspondent", "Compiled by staff")
    original = make_document(WIRE).id
    assert _original(WIRE, REPUBLISHED, third) == [None, original, original]


def test_short_texts_are_never_near_duplicates() -> None:
    assert _original("Rockets hit the port of Sirte.", "Rockets hit the port of Sirte today.") == [
        None, None]


def test_an_exact_copy_is_left_to_the_content_hash() -> None:
    assert _original(WIRE, WIRE + "\n") == [None, None]


def test_marking_sets_the_document_field_and_keeps_errors_and_order() -> None:
    items = [Item("a", None, make_document(WIRE), None), Item("b", None, None, None),
             Item("c", None, make_document(REPUBLISHED), None)]
    marked = list(mark_near_duplicates(items))
    assert [i.origin for i in marked] == ["a", "b", "c"]
    assert marked[0].document is not None and marked[0].document.near_duplicate_of is None
    assert marked[2].document is not None
    assert marked[2].document.near_duplicate_of == make_document(WIRE).id


def test_a_marked_document_round_trips_through_json() -> None:
    document = dataclasses.replace(make_document(REPUBLISHED), near_duplicate_of="abc123")
    assert from_json(Document, to_json(document)) == document


def test_a_stored_original_is_found_through_the_lookup() -> None:
    earlier = NearDuplicateIndex()
    assert earlier.original_of(make_document(WIRE)) is None
    fingerprint = earlier.fingerprint(make_document(WIRE).id)
    assert fingerprint is not None
    asked: list[set[str]] = []

    def stored(bands: Iterable[str]) -> dict[str, bytes]:
        asked.append(set(bands))
        shared = asked[-1] & set(fingerprint.bands)
        return {make_document(WIRE).id: fingerprint.signature} if shared else {}

    later = NearDuplicateIndex(stored=stored)
    assert later.original_of(make_document(INDEPENDENT)) is None
    assert later.original_of(make_document(REPUBLISHED)) == make_document(WIRE).id
    assert all(len(bands) == len(fingerprint.bands) for bands in asked)


def test_a_stored_copy_of_the_same_text_is_not_its_own_original() -> None:
    earlier = NearDuplicateIndex()
    earlier.original_of(make_document(WIRE))
    fingerprint = earlier.fingerprint(make_document(WIRE).id)
    assert fingerprint is not None
    later = NearDuplicateIndex(stored=lambda bands: {make_document(WIRE).id: fingerprint.signature})
    assert later.original_of(make_document(WIRE)) is None


def test_near_duplicates_and_short_texts_get_no_fingerprint() -> None:
    index = NearDuplicateIndex()
    index.original_of(make_document(WIRE))
    index.original_of(make_document(REPUBLISHED))
    index.original_of(make_document("Rockets hit the port of Sirte."))
    assert index.fingerprint(make_document(WIRE).id) is not None
    assert index.fingerprint(make_document(REPUBLISHED).id) is None
    assert index.fingerprint(make_document("Rockets hit the port of Sirte.").id) is None
