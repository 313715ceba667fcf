"""The relevance prefilter: conflict words in any case and form pass, other news is skipped, and a
skipped document still gets its (empty) extraction, in input order."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from fogwatch.cli.main import app
from fogwatch.ingest.engines import Prefiltered
from fogwatch.ingest.pool import ExtractionPool
from fogwatch.ingest.readers import Item
from fogwatch.ingest.run import ingest_items
from fogwatch.pipeline import make_document
from fogwatch.pipeline.prefilter import looks_relevant
from fogwatch.records import Extraction
from fogwatch.store import Store

CLASH = "Rebels and soldiers clashed near Gao on Monday; three were killed."
BAKERY = "A new bakery on the main square sold out of bread within an hour of opening."


@pytest.mark.parametrize("text", [
    "Two people were KILLED in Kidal.",
    "Police fired tear-gas at the crowd.",
    "Police fired tear gas at the crowd.",
    "An airstrike hit the depot.",
    "Thousands demonstrated outside parliament.",
    "The two presidents met in Geneva.",
    "Gunmen abducted a teacher.",
])
def test_a_text_with_a_conflict_word_is_kept(text: str) -> None:
    assert looks_relevant(text) is True


@pytest.mark.parametrize("text", [
    BAKERY,
    "Shares in the retailer rose four percent after strong holiday sales.",
    "Light rain is expected over the coast, with clearer skies by Sunday.",
    "The skill of the players impressed the crowd.",  # 'kill' inside a word is not a keyword
])
def test_a_text_without_one_is_skipped(text: str) -> None:
    assert looks_relevant(text) is False


def test_skipped_documents_get_an_empty_extraction_in_input_order() -> None:
    documents = [make_document(text) for text in (BAKERY, CLASH, "Stocks rose on Monday.")]
    engine = Prefiltered(ExtractionPool(1))
    results = list(engine.submit(documents)())
    assert [r.document.id for r in results if isinstance(r, Extraction)] == [
        d.id for d in documents]
    assert (results[0], results[2]) == (Extraction(documents[0]), Extraction(documents[2]))
    assert isinstance(results[1], Extraction) and results[1].events
    assert engine.skipped == 2


def test_a_skipped_document_is_stored_with_no_events(tmp_path: Path) -> None:
    items = [Item(f"in:{n}", None, make_document(text), None)
             for n, text in enumerate((BAKERY, CLASH))]
    with Store.open(str(tmp_path / "fog.db")) as store:
        statuses = [o.status for o in ingest_items(items, store, pool=Prefiltered(
            ExtractionPool(1)))]
        bakery = store.extraction(make_document(BAKERY).id)
        assert statuses == ["new", "new"]
        assert bakery == Extraction(make_document(BAKERY))
        assert {e.doc_id for e in store.events()} == {make_document(CLASH).id}


def test_ingest_prefilter_says_how_many_new_documents_it_skipped(tmp_path: Path) -> None:
    corpus = tmp_path / "news.jsonl"
    corpus.write_text(f'{{"text": "{CLASH}"}}\n{{"text": "{BAKERY}"}}\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", str(corpus), "--db", str(tmp_path / "fog.db"),
                                      "--prefilter"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("2 new, 0 already stored\n")
    assert result.output.endswith("1 of the new documents had no conflict keyword: stored "
                                  "without events (--prefilter)\n")
