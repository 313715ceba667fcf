"""What guards the server: security headers on every response, a request body limit, a rate
limit per client, and the bearer token that write routes require."""

from __future__ import annotations

import hmac
import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from fogwatch.web.limits import READ_RATE, WRITE_RATE

__all__ = ["CONTENT_SECURITY_POLICY", "DEFAULT_LIMITS", "MAX_BODY_BYTES", "READ_RATE",
           "WRITE_RATE", "BodyLimit", "RateLimit", "RateLimits", "SecurityHeaders",
           "require_token"]

# Room for the longest article the pipeline takes (nlp.MAX_CHARS) as JSON-escaped text.
MAX_BODY_BYTES = 2 * 1024 * 1024

# No inline script or style, nothing from elsewhere, never framed.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'")

HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
)


class SecurityHeaders:
    """Adds HEADERS to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(n, v) for n, v in HEADERS if n not in names]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimit:
    """Answers 413 to a request whose body is over `max_bytes`, by its Content-Length or by
    counting a streamed body, before the route reads it all."""

    def __init__(self, app: ASGIApp, max_bytes: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                if not value.isdigit() or int(value) > self.max_bytes:
                    await self._refuse(send)
                    return
        seen = 0
        refused = False

        async def counting_receive() -> Message:
            # Over the limit: answer 413 now and tell the app the client has gone, so it
            # stops reading; whatever it then tries to send is dropped.
            nonlocal seen, refused
            message = await receive()
            if message["type"] == "http.request" and not refused:
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    refused = True
                    await self._refuse(send)
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message: Message) -> None:
            if not refused:
                await send(message)

        await self.app(scope, counting_receive, guarded_send)

    async def _refuse(self, send: Send) -> None:
        body = (b'{"detail":"the request body is over the limit of '
                + str(self.max_bytes).encode() + b' bytes"}')
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})




@dataclass(frozen=True, slots=True)
class RateLimits:
    """Requests per second each client (by address) may make, with the burst it may save up:
    reads (GET, HEAD) and writes (everything else, counted before the token is checked, so
    guessing tokens is slow too). A rate of 0 turns that limit off."""

    read_per_second: float = READ_RATE
    read_burst: int = 2 * int(READ_RATE)
    write_per_second: float = WRITE_RATE
    write_burst: int = 10
    clock: Callable[[], float] = time.monotonic  # seconds; tests pass their own


DEFAULT_LIMITS = RateLimits()


class _Bucket:
    __slots__ = ("tokens", "when")

    def __init__(self, tokens: float, when: float) -> None:
        self.tokens = tokens
        self.when = when


class RateLimit:
    """Answers 429 with Retry-After to a client over its RateLimits (a token bucket per client
    address and kind of request). Idle clients are forgotten after IDLE_SECONDS."""

    IDLE_SECONDS = 600.0

    def __init__(self, app: ASGIApp, limits: RateLimits = DEFAULT_LIMITS) -> None:
        self.app = app
        self.limits = limits
        self.clock = limits.clock
        self._buckets: dict[tuple[str, bool], _Bucket] = {}
        self._swept = self.clock()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        write = scope.get("method", "GET") not in ("GET", "HEAD")
        rate, burst = ((self.limits.write_per_second, self.limits.write_burst) if write
                       else (self.limits.read_per_second, self.limits.read_burst))
        if rate > 0:
            client = scope.get("client")
            wait = self._take((client[0] if client else "?", write), rate, burst)
            if wait > 0:
                await self._refuse(send, wait, write)
                return
        await self.app(scope, receive, send)

    def _take(self, key: tuple[str, bool], rate: float, burst: int) -> float:
        """Spend one token of the client's bucket; 0, or the seconds until one is there."""
        now = self.clock()
        if now - self._swept > self.IDLE_SECONDS:
            self._buckets = {k: b for k, b in self._buckets.items()
                             if now - b.when < self.IDLE_SECONDS}
            self._swept = now
        bucket = self._buckets.setdefault(key, _Bucket(float(burst), now))
        bucket.tokens = min(float(burst), bucket.tokens + (now - bucket.when) * rate)
        bucket.when = now
        if bucket.tokens >= 1.0:
            bucket.tokens -= 1.0
            return 0.0
        return (1.0 - bucket.tokens) / rate

    async def _refuse(self, send: Send, wait: float, write: bool) -> None:
        kind = "writes" if write else "requests"
        body = (b'{"detail":"too many ' + kind.encode() + b' from this client; retry after '
                + str(math.ceil(wait)).encode() + b' s"}')
        await send({"type": "http.response.start", "status": 429,
                    "headers": [(b"content-type", b"application/json"),
                                (b"retry-after", str(math.ceil(wait)).encode()),
                                (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


bearer = HTTPBearer(auto_error=False, description="The server's FOGWATCH_TOKEN.")


def require_token(request: Request, credentials: Annotated[
        HTTPAuthorizationCredentials | None, Depends(bearer)]) -> None:
    """Let the request through only with the server's token; a server without one is
    read-only."""
    expected: str | None = request.app.state.token
    if not expected:
        raise HTTPException(403, "this server is read-only: start it with FOGWATCH_TOKEN set "
                                 "to allow writes")
    given = credentials.credentials if credentials is not None else ""
    if not hmac.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(401, "a valid bearer token is required: send "
                                 "'Authorization: Bearer <FOGWATCH_TOKEN>'",
                            headers={"WWW-Authenticate": "Bearer"})
