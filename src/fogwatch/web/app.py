"""The application: the JSON API and the HTML pages over one store, behind the security
middleware, with errors answered as JSON under /api and as a page elsewhere."""

from __future__ import annotations

import asyncio
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exception_handlers import (
    http_exception_handler,
    request_validation_exception_handler,
)
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from fogwatch import __version__
from fogwatch.errors import FogwatchError, InputError, StoreError
from fogwatch.store import Store
from fogwatch.web import api, pages
from fogwatch.web.render import make_templates, render
from fogwatch.web.security import (
    DEFAULT_LIMITS,
    MAX_BODY_BYTES,
    BodyLimit,
    RateLimit,
    RateLimits,
    SecurityHeaders,
)

__all__ = ["STATIC", "create_app"]

STATIC = Path(__file__).with_name("static")


def create_app(store: Store, *, token: str | None = None,
               max_body_bytes: int = MAX_BODY_BYTES,
               rate_limits: RateLimits = DEFAULT_LIMITS) -> FastAPI:
    """The web app over `store` (the caller opens and closes it). Without `token` the API is
    read-only; with it, POST /api/documents takes `Authorization: Bearer <token>`. Each
    client is held to `rate_limits` (429 beyond them)."""
    app = FastAPI(title="fogwatch", version=__version__,
                  description="Conflict events with their sources and the words behind them.",
                  docs_url=None, redoc_url=None, openapi_url="/api/openapi.json")
    app.state.store = store
    app.state.token = token or None
    app.state.templates = make_templates()
    app.state.write_lock = asyncio.Lock()
    app.include_router(api.router, responses={
        429: {"description": "Too many requests from this client; retry after the seconds in "
                             "the Retry-After header."}})
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC, check_dir=False), name="static")
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(FogwatchError, _fogwatch_error)
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)
    app.add_middleware(RateLimit, limits=rate_limits)
    app.add_middleware(SecurityHeaders)
    return app


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    if _wants_json(request) or request.url.path.startswith("/static/"):
        return await http_exception_handler(request, exc)
    return render(request, "error.html", {"title": "Not found" if exc.status_code == 404
                                          else "Error", "status": exc.status_code,
                                          "message": str(exc.detail)},
                  status_code=exc.status_code)


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    if _wants_json(request):
        return await request_validation_exception_handler(request, exc)
    problems = "; ".join(f"{'.'.join(str(p) for p in error.get('loc', ())[1:])}: "
                         f"{error.get('msg', 'invalid')}" for error in exc.errors())
    return render(request, "error.html", {"title": "Bad request", "status": 422,
                                          "message": problems}, status_code=422)


async def _fogwatch_error(request: Request, exc: Exception) -> Response:
    # InputError: the client's document is unusable; StoreError: the database is down or
    # locked (try again); anything else is a fault of ours, said plainly.
    status = 400 if isinstance(exc, InputError) else 503 if isinstance(exc, StoreError) else 500
    if _wants_json(request):
        return JSONResponse({"detail": str(exc)}, status_code=status)
    return render(request, "error.html", {"title": "Error", "status": status,
                                          "message": str(exc)}, status_code=status)
