"""The rate limiting layer: counts each /v1 request against its key's or its address's budget."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus

from litestar.middleware import ASGIMiddleware
from litestar.types import ASGIApp, Message, Receive, Scope, Send

from service.auth.authenticate import Principal, authenticate
from service.errors import DomainError
from service.ratelimit.counters import Counter, Window
from service.services import services_of

API_PREFIX = "/v1/"


@dataclass(frozen=True)
class Budget:
    """Requests per window (0 meaning unlimited) for anonymous clients and for API keys."""

    anonymous: int
    per_key: int


@dataclass(frozen=True)
class Verdict:
    limit: int
    count: int
    window: Window

    @property
    def exceeded(self) -> bool:
        return self.count > self.limit

    def headers(self) -> dict[str, str]:
        return {
            "RateLimit-Limit": str(self.limit),
            "RateLimit-Remaining": str(max(0, self.limit - self.count)),
            "RateLimit-Reset": str(self.window.resets_in),
        }


class RateLimitExceeded(DomainError):
    status = HTTPStatus.TOO_MANY_REQUESTS

    def __init__(self, verdict: Verdict) -> None:
        super().__init__(
            f"More than {verdict.limit} requests in a minute; "
            f"retry in {verdict.window.resets_in} s."
        )
        self.headers = {"Retry-After": str(verdict.window.resets_in), **verdict.headers()}


class RateLimitMiddleware(ASGIMiddleware):
    """Per API key when the request carries a valid one, otherwise per client address.

    Only the API is limited: health probes, metrics scrapes, /docs and /schema are not.
    """

    def __init__(
        self, counter: Counter, budget: Budget, clock: Callable[[], float] = time.time
    ) -> None:
        self.counter = counter
        self.budget = budget
        self.clock = clock
        self.should_bypass_for_scope = _outside_api

    async def handle(self, scope: Scope, receive: Receive, send: Send, next_app: ASGIApp) -> None:
        verdict = await self._count(scope)
        if verdict is None:
            await next_app(scope, receive, send)
            return
        if verdict.exceeded:
            raise RateLimitExceeded(verdict)
        extra = [(name.encode(), value.encode()) for name, value in verdict.headers().items()]

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", ()), *extra]}
            await send(message)

        await next_app(scope, receive, send_with_headers)

    async def _count(self, scope: Scope) -> Verdict | None:
        """This request's verdict, or None when it is not limited (or the count is unknown)."""
        bucket, limit = await self._bucket(scope)
        if limit == 0:
            return None
        window = Window.at(self.clock())
        count = await self.counter.hit(bucket, window)
        return None if count is None else Verdict(limit, count, window)

    async def _bucket(self, scope: Scope) -> tuple[str, int]:
        # A key that does not authenticate buys nothing: its requests count as anonymous.
        credentials = await authenticate(scope, services_of(scope["app"]).engine)
        if isinstance(credentials, Principal):
            return f"key:{credentials.prefix}", self.budget.per_key
        client = scope.get("client")
        return f"addr:{client[0] if client else 'unknown'}", self.budget.anonymous


def _outside_api(scope: Scope) -> bool:
    return not scope["path"].startswith(API_PREFIX)
