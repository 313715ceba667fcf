"""The API's default request rates per client, apart from the app so that `fogwatch serve`'s
options can show them without loading FastAPI."""

from __future__ import annotations

__all__ = ["READ_RATE", "WRITE_RATE"]

# Per client: generous for people and dashboards, a wall for a flood or a token guesser.
READ_RATE = 500.0
WRITE_RATE = 1.0
