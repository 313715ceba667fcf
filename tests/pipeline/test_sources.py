"""The sources stage on sentences of our own: who said it, through whom, how sure."""

from __future__ import annotations

from fogwatch.nlp import parse
from fogwatch.pipeline import make_document
from fogwatch.pipeline.context import Context
from fogwatch.pipeline.sources import claim_id, find_claims
from fogwatch.records import Claim, Source, Span


def claims(text: str, outlet: str | None = None) -> tuple[Claim, ...]:
    document = make_document(text, source=outlet)
    return find_claims(Context(document=document, doc=parse(text))).claims


def test_according_to_a_known_outlet_names_it_as_the_source() -> None:
    (claim,) = claims("Three guards were wounded at the checkpoint, according to Reuters.")
    assert claim.source == Source(name="Reuters", kind="media", country="GBR")


def test_state_media_outlet_keeps_its_kind_and_country() -> None:
    (claim,) = claims("TASS reported that the convoy crossed the river at dawn.")
    assert claim.source == Source(name="TASS", kind="state_media", country="RUS")


def test_citing_builds_the_chain_from_the_outlet_read_to_the_origin() -> None:
    text = "Al Masdar News, citing pro-opposition media, said ten soldiers were hurt."
    (claim,) = claims(text, outlet="Ahval")
    assert claim.via == ("Ahval", "Al Masdar News", "pro-opposition media")
    assert claim.source == Source(name="pro-opposition media", kind="opposition_media")


def test_denied_frame_makes_a_denied_claim() -> None:
    (claim,) = claims("The defence ministry denied that any aircraft was lost.")
    assert claim.certainty == "denied"


def test_confirmed_frame_makes_a_confirmed_claim() -> None:
    (claim,) = claims("The governor confirmed that two bridges were destroyed.")
    assert claim.certainty == "confirmed"


def test_not_confirmed_is_unconfirmed() -> None:
    (claim,) = claims("Officials have not confirmed the number of casualties.")
    assert claim.certainty == "unconfirmed"


def test_reportedly_turns_a_report_unconfirmed() -> None:
    (claim,) = claims("Local media said the depot was reportedly set on fire.")
    assert claim.certainty == "unconfirmed"


def test_cue_without_a_frame_still_makes_a_sourceless_claim() -> None:
    text = "The figures are yet to be confirmed."
    (claim,) = claims(text)
    assert (claim.source, claim.certainty) == (None, "unconfirmed")


def test_sentence_without_attribution_makes_no_claim() -> None:
    assert claims("The market reopened on Tuesday.") == ()


def test_claim_span_is_its_sentence_and_its_id_is_stable() -> None:
    text = "The road was closed. Witnesses said shots were fired."
    (claim,) = claims(text)
    assert claim.span == Span(21, 53, "Witnesses said shots were fired.")
    assert claim.id == claim_id(make_document(text).id, claim.span, 31)
    assert claim.source == Source(name="Witnesses", kind="eyewitness")
