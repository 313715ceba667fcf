"""Values several export formats derive the same way from an event."""

from __future__ import annotations

from fogwatch.records import Event

__all__ = ["STATE_SECTORS", "source_names"]

STATE_SECTORS = frozenset({"military", "police", "government"})


def source_names(event: Event) -> list[str]:
    """Every outlet and origin named by the event's claims, in order of first mention: each
    claim's chain (the outlet we read first) and then its origin."""
    names: list[str] = []
    for claim in event.claims:
        chain = list(claim.via) + ([claim.source.name] if claim.source else [])
        for name in chain:
            if name and name not in names:
                names.append(name)
    return names
