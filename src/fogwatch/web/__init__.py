"""The web front door: a FastAPI app serving the JSON API (/api) and the HTML pages over one
store. `create_app(store, token=...)` builds it; `fogwatch serve` runs it.

`create_app` is imported on first use, so that the CLI starts without loading the whole app.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fogwatch.web.app import create_app

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from fogwatch.web.app import create_app

        return create_app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
