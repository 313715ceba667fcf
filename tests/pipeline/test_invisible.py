"""Invisible format characters (zero-width space, soft hyphen, byte order mark, bidi marks) do
not hide places, counts or events, and every span still points into the text as given."""

from __future__ import annotations

import datetime as dt

from fogwatch.pipeline import extract_document, extract_documents, make_document
from fogwatch.pipeline.invisible import clean, restore
from fogwatch.records import Document, Evidence, Span

PLAIN = "Gunmen killed two soldiers near Kansafra in Idlib on Monday."
HIDDEN = ("\ufeffGunmen killed two\u200b soldiers near Kan\u200bsafra in Id\u00adlib on "
          "\u200eMonday.")


def _summary(text: str) -> tuple[object, ...]:
    found = extract_document(make_document(text, dt.date(2020, 2, 10)))
    for item in [*found.places, *found.figures, *found.dates,
                 *(e.span for ev in found.events for e in ev.evidence)]:
        span = item if isinstance(item, Span) else item.span
        assert span is not None and text[span.start:span.end] == span.text
    return (tuple(p.name for p in found.places), tuple((f.kind, f.best) for f in found.figures),
            tuple(d.start for d in found.dates),
            tuple(e.sub_event_type for e in found.events), found.document.text)


def test_hidden_characters_change_nothing_but_the_offsets() -> None:
    plain, hidden = _summary(PLAIN), _summary(HIDDEN)
    assert hidden[:4] == plain[:4]
    assert plain[0] == ("Kansafra", "Idlib") and plain[1] == (("killed", 2),)
    assert hidden[4] == HIDDEN  # the document keeps its text as given


def test_a_span_covers_the_hidden_characters_inside_it() -> None:
    found = extract_document(make_document(HIDDEN, dt.date(2020, 2, 10)))
    kansafra = next(p for p in found.places if p.name == "Kansafra")
    assert kansafra.span == Span(34, 43, "Kan\u200bsafra")


def test_batches_map_each_document_onto_its_own_text() -> None:
    texts = [HIDDEN, PLAIN, "Jets struck Ma\u200barrat al-Numan on Tuesday."]
    results = list(extract_documents([make_document(t, dt.date(2020, 2, 10)) for t in texts]))
    assert [r.document.text for r in results] == texts
    for text, result in zip(texts, results, strict=True):
        for place in result.places:
            assert place.span is not None
            assert text[place.span.start:place.span.end] == place.span.text


def test_clean_and_restore_on_their_own() -> None:
    document = Document(id="d", text="a\u200bb c\u00ad")
    cleaned = clean(document)
    assert cleaned is not None and cleaned.document.text == "ab c"
    assert cleaned.positions == (0, 2, 3, 4, 6)
    back = restore(Evidence("x", Span(0, 2, "ab")), document, cleaned)
    assert back == Evidence("x", Span(0, 3, "a\u200bb"))
    assert restore(Evidence("x", Span(3, 4, "c")), document, cleaned).span == Span(4, 5, "c")
    assert clean(Document(id="e", text="nothing hidden here")) is None
    assert clean(Document(id="f", text="Alep, Syrie: déjà vu")) is None
