"""Events as JSON Lines: each line one event in FORMAT.md's shape (`contract.event_to_format`)
plus its document's `doc_id` (the input's id, else the content hash) and `content_hash`, the
same objects `fogwatch events --json` lists."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping

from fogwatch.contract import event_to_format
from fogwatch.records import Event

__all__ = ["jsonl_lines"]


def jsonl_lines(events: Iterable[Event], refs: Mapping[str, str | None]) -> Iterator[str]:
    """One JSON text per event, without the newline."""
    for event in events:
        payload = {**event_to_format(event), "doc_id": refs.get(event.doc_id) or event.doc_id,
                   "content_hash": event.doc_id}
        yield json.dumps(payload, ensure_ascii=False)
