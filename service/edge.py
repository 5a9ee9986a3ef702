"""The one pure-ASGI layer outside the app: what every request gets, done in one pass.

Each layer of its own would wrap `send` again and copy the headers again for every request,
the fastest included; one layer does it once:

- a request id (the caller's if plain, else a new one), echoed in `X-Request-ID`;
- one JSON log line and the request metrics (service/observability/requests.py), a body cut
  short by the client counted as its own outcome;
- the security headers, and `Cache-Control: no-store` on every error (service/hardening.py);
- the rate limit count, and its `RateLimit-*` headers on every /v1 answer
  (service/ratelimit/limiter.py; a request over the limit is refused inside the app);
- a repeated GET answered from the response cache (service/response_cache), before routing,
  through the same HTTP caching (ETag, 304, compression) as a computed answer.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from litestar.enums import ScopeType
from litestar.types import ASGIApp, Message, Receive, Scope, Send
from sqlalchemy.exc import SQLAlchemyError

from service.hardening import security_headers, uncacheable_if_error
from service.observability.requests import (
    CLIENT_CLOSED,
    REQUEST_ID_HEADER,
    UNMATCHED_ROUTE,
    BodyWatch,
    RequestRecords,
    request_id,
)
from service.ratelimit.limiter import RateLimiter, Verdict, counted
from service.representations.caching import caching_send
from service.response_cache.data_version import DataVersionWatch
from service.response_cache.middleware import cached_answer, send_cached
from service.response_cache.store import ResponseCache

log = logging.getLogger("growth_atlas.ratelimit")


def _limit_headers(scope: Scope) -> list[tuple[bytes, bytes]]:
    """`RateLimit-*` of a counted request within its limit (a 429 carries its own)."""
    verdict = counted(scope)
    return verdict.raw_headers() if verdict is not None and not verdict.exceeded else []


class Edge:
    def __init__(
        self,
        app: ASGIApp,
        records: RequestRecords,
        limiter: RateLimiter | None,
        cache: ResponseCache | None,
        watch: DataVersionWatch | None = None,
    ) -> None:
        """`cache`: the response cache whose repeats this layer answers (None: the app does)."""
        self.app = app
        self.records = records
        self.limiter = limiter
        self.cache = cache
        self.watch = watch

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP:
            await self.app(scope, receive, send)
            return
        rid = request_id(scope)
        extra = [*security_headers(scope["path"]), (REQUEST_ID_HEADER, rid)]
        status = 500  # what the client sees if the app dies before it answers

        async def send_out(event: Message) -> None:
            nonlocal status
            message: Any = event
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = [*message.get("headers", ()), *_limit_headers(scope), *extra]
                message = {**message, "headers": uncacheable_if_error(status, headers)}
            await send(message)

        # Only a request with a body can be cut short before its end (GET and HEAD have none).
        body = BodyWatch(receive) if scope["method"] not in ("GET", "HEAD") else None
        started = time.perf_counter()
        self.records.in_flight += 1
        route: str | None = None
        try:
            route = await self._answer(scope, body.receive if body else receive, send_out, extra)
        finally:
            self.records.in_flight -= 1
            route = route or scope.get("path_template") or UNMATCHED_ROUTE
            duration = time.perf_counter() - started
            outcome = CLIENT_CLOSED if body is not None and body.dropped else status
            self.records.record(scope["method"], route, outcome, duration, rid)

    async def _answer(
        self, scope: Scope, receive: Receive, send: Send, extra: list[tuple[bytes, bytes]]
    ) -> str | None:
        """Answer from the cache (counted here first) or let the app (which counts); returns
        the route of a cached answer (the app's own answers carry theirs in the scope)."""
        cached = cached_answer(self.cache, self.watch, scope) if self.cache is not None else None
        if cached is not None:
            verdict = await self._count(scope)
            if verdict is None or not verdict.exceeded:
                await send_cached(cached, caching_send(scope, send))
                return cached.route
        # Refused inside the app if over the limit, with the headers it needs.
        await self.app(scope, receive, send)
        return None

    async def _count(self, scope: Scope) -> Verdict | None:
        if self.limiter is None:
            return None
        try:
            return await self.limiter.count(scope)
        except (SQLAlchemyError, OSError, TimeoutError) as exc:
            # The key could not be checked (the database is down): not counted. The request
            # goes on; whatever needs the key or the database answers 503 itself.
            log.warning("request not counted: its API key could not be checked (%r)", exc)
            return None
