"""`fogwatch serve`: the JSON API and the web UI over a store, in one process."""

from __future__ import annotations

import math
import os
from typing import Annotated

import typer

from fogwatch.cli.common import DbOption, error_console, open_store
from fogwatch.web.limits import READ_RATE, WRITE_RATE

__all__ = ["TOKEN_VARIABLE", "serve"]

TOKEN_VARIABLE = "FOGWATCH_TOKEN"


def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(
        help="The address to listen on; the default serves this machine only.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="The port to listen on.")] = 8000,
    read_rate: Annotated[float, typer.Option(
        min=0, help="Reads (GET) per second each client may make, with a burst of twice that; "
                    "0: no limit.")] = READ_RATE,
    write_rate: Annotated[float, typer.Option(
        min=0, help="Writes (POST) per second each client may make, with a burst of 10; "
                    "0: no limit.")] = WRITE_RATE,
) -> None:
    """Serve the events map, event and document pages and the JSON API (/api, schema at
    /api/openapi.json). Read-only unless $FOGWATCH_TOKEN is set: then POST /api/documents
    ingests an article sent with 'Authorization: Bearer <token>'."""
    import uvicorn  # the server and the app load when serving, not at every CLI start

    from fogwatch.web import create_app
    from fogwatch.web.security import RateLimits

    store = open_store(db, create=False)
    token = os.environ.get(TOKEN_VARIABLE) or None
    console = error_console()
    mode = "writes need the bearer token" if token else f"read-only ({TOKEN_VARIABLE} unset)"
    console.print(f"serving {store.where} at http://{host}:{port}/ ; {mode}", markup=False,
                  highlight=False, soft_wrap=True)
    try:
        limits = RateLimits(read_per_second=read_rate,
                            read_burst=max(1, math.ceil(2 * read_rate)),
                            write_per_second=write_rate)
        uvicorn.run(create_app(store, token=token, rate_limits=limits), host=host, port=port,
                    log_level="warning", server_header=False)
    finally:
        store.close()
