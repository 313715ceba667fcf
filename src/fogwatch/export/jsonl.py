"""Events as JSON Lines: each line one event in FORMAT.md's shape (`contract.event_to_format`)
plus its document's `doc_id` (the input's id, else the content hash) and `content_hash`, the
same objects `fogwatch events --json` lists."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from fogwatch.contract import event_to_format
from fogwatch.records import Event

__all__ = ["event_record", "jsonl_lines"]


def event_record(event: Event, refs: Mapping[str, str | None]) -> dict[str, Any]:
    """An event in FORMAT.md's shape plus `doc_id` (as in `fogwatch extract`: the input's own
    id when it had one) and `content_hash`."""
    return {**event_to_format(event), "doc_id": refs.get(event.doc_id) or event.doc_id,
            "content_hash": event.doc_id}


def jsonl_lines(events: Iterable[Event], refs: Mapping[str, str | None]) -> Iterator[str]:
    """One JSON text per event, without the newline."""
    for event in events:
        yield json.dumps(event_record(event, refs), ensure_ascii=False)
