"""`export/jsonl.py`: one event per line in FORMAT.md's shape."""

from __future__ import annotations

import json

from fogwatch.contract import event_to_format
from fogwatch.export.jsonl import jsonl_lines

from .conftest import protest_event, strike_event


def test_each_line_is_the_contract_event_with_its_document_ids() -> None:
    lines = list(jsonl_lines([strike_event(), protest_event()], {"0" * 40: "strike-story"}))
    assert [json.loads(line) for line in lines] == [
        {**event_to_format(strike_event()), "doc_id": "strike-story", "content_hash": "0" * 40},
        {**event_to_format(protest_event()), "doc_id": "1" * 40, "content_hash": "1" * 40},
    ]


def test_lines_hold_no_newline() -> None:
    assert all("\n" not in line for line in jsonl_lines([strike_event()], {}))
