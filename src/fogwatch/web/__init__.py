"""The web front door: a FastAPI app serving the JSON API (/api) and the HTML pages over one
store. `create_app(store, token=...)` builds it; `fogwatch serve` runs it."""

from __future__ import annotations

from fogwatch.web.app import create_app

__all__ = ["create_app"]
