"""What routes get from the application: the store it serves."""

from __future__ import annotations

from typing import cast

from fastapi import Request

from fogwatch.store import Store

__all__ = ["get_store"]


def get_store(request: Request) -> Store:
    """The store the application was created over (`create_app`)."""
    return cast(Store, request.app.state.store)
