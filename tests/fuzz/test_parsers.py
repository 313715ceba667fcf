"""A bounded fuzz run over every ingest reader (text, HTML, feeds, CSV, JSONL, WARC): whatever the
bytes, a reader yields Items (a Document or an InputError saying what is wrong) and never raises;
every Document it yields is one fogwatch can store."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fogwatch.errors import InputError
from fogwatch.ingest.items import Format
from fogwatch.ingest.readers import read_bytes
from fogwatch.nlp import MAX_CHARS
from fogwatch.records import content_hash
from fuzz.inputs import (
    csv_inputs,
    feed_inputs,
    html_inputs,
    jsonl_inputs,
    txt_inputs,
    warc_inputs,
)

QUICK = settings(max_examples=40, deadline=None, derandomize=True,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
THOROUGH = settings(max_examples=600, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
READERS: list[tuple[Format, st.SearchStrategy[bytes]]] = [
    ("txt", txt_inputs), ("html", html_inputs), ("feed", feed_inputs), ("csv", csv_inputs),
    ("jsonl", jsonl_inputs), ("warc", warc_inputs)]


# Inputs tried per reader in this session, printed at the end of the module's tests.
TRIED: Counter[str] = Counter()


@pytest.fixture(scope="module", autouse=True)
def _report_inputs_tried(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    plugins = request.config.pluginmanager
    reporter, capture = plugins.get_plugin("terminalreporter"), plugins.get_plugin("capturemanager")
    if reporter is not None and capture is not None and TRIED:
        with capture.global_and_fixture_disabled():
            reporter.write_line("\nfuzz inputs tried per reader: " + ", ".join(
                f"{fmt} {count}" for fmt, count in sorted(TRIED.items())))


def _check(fmt: Format, data: bytes) -> None:
    TRIED[fmt] += 1
    for item in read_bytes(data, f"fuzz.{fmt}", fmt):
        assert (item.document is None) != (item.error is None), item
        if item.error is not None:
            assert isinstance(item.error, InputError)
            assert str(item.error).strip()
            continue
        document = item.document
        assert document is not None
        assert document.text.strip() and "\x00" not in document.text
        assert len(document.text) <= MAX_CHARS
        assert document.id == content_hash(document.text)
        assert document.published is None or isinstance(document.published, dt.date)
        # The text must be storable: no lone surrogates (they cannot be encoded as UTF-8).
        document.text.encode("utf-8")
        for value in (document.title, document.source, document.url, document.ref):
            assert value is None or isinstance(value, str)
            if value is not None:
                value.encode("utf-8")


def _fuzz(fmt: Format, inputs: st.SearchStrategy[bytes],
          budget: settings) -> Callable[[], None]:
    @budget
    @given(data=inputs)
    def run(data: bytes) -> None:
        _check(fmt, data)
    return run


@pytest.mark.parametrize(("fmt", "inputs"), READERS, ids=[fmt for fmt, _ in READERS])
def test_a_reader_never_raises_and_yields_storable_documents(
        fmt: Format, inputs: st.SearchStrategy[bytes]) -> None:
    _fuzz(fmt, inputs, QUICK)()


@pytest.mark.slow
@pytest.mark.parametrize(("fmt", "inputs"), READERS, ids=[fmt for fmt, _ in READERS])
def test_a_reader_never_raises_thoroughly(fmt: Format, inputs: st.SearchStrategy[bytes]) -> None:
    _fuzz(fmt, inputs, THOROUGH)()
