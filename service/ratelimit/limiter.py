"""The rate limit: each /v1 request counted against its key's or its address's budget.

A request is counted once: by the edge of the app (service/edge.py) when it would answer it
from the response cache, otherwise by `CountRequests`, the outermost layer inside the app (after
routing: an unknown path is a 404, not counted). The verdict rides in the request's scope: the
edge adds the `RateLimit-*` headers to the answer, and a request over the limit is refused
inside the app, so its 429 is a problem like every other error, with CORS headers where they
apply.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus

from litestar.enums import ScopeType
from litestar.types import ASGIApp, Receive, Scope, Send
from sqlalchemy.ext.asyncio import AsyncEngine

from service.auth.authenticate import Principal, authenticate
from service.errors import DomainError
from service.ratelimit.counters import Counter, Window

API_PREFIX = "/v1/"
_VERDICT_KEY = "growth_atlas.rate_limit"


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
        return {name.decode(): value.decode() for name, value in self.raw_headers()}

    def raw_headers(self) -> list[tuple[bytes, bytes]]:
        """The `RateLimit-*` headers as ASGI pairs: every counted answer carries them."""
        return [
            (b"RateLimit-Limit", b"%d" % self.limit),
            (b"RateLimit-Remaining", b"%d" % max(0, self.limit - self.count)),
            (b"RateLimit-Reset", b"%d" % self.window.resets_in),
        ]


class RateLimitExceeded(DomainError):
    status = HTTPStatus.TOO_MANY_REQUESTS

    def __init__(self, verdict: Verdict) -> None:
        super().__init__(
            f"More than {verdict.limit} requests in a minute; "
            f"retry in {verdict.window.resets_in} s."
        )
        self.headers = {"Retry-After": str(verdict.window.resets_in), **verdict.headers()}


class RateLimiter:
    """Per API key when the request carries a valid one, otherwise per client address.

    Only the API is limited: health probes, metrics scrapes, /docs and /schema are not.
    """

    def __init__(
        self,
        counter: Counter,
        budget: Budget,
        engine: AsyncEngine,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.counter = counter
        self.budget = budget
        self.engine = engine
        self.clock = clock
        self._second: int | None = None
        self._window = Window(0, 0)

    def _window_at(self, now: float) -> Window:
        """`Window.at(now)`, made once per second: within a whole second both its index and
        the whole seconds it resets in stay the same."""
        second = int(now)
        if second != self._second:
            self._second, self._window = second, Window.at(second)
        return self._window

    async def count(self, scope: Scope) -> Verdict | None:
        """Count this request; its verdict (also kept in its scope), or None when it is not
        limited (outside the API, a limit of 0, or a count that is unknown)."""
        if not scope["path"].startswith(API_PREFIX):
            return None
        bucket, limit = await self._bucket(scope)
        if limit == 0:
            return None
        window = self._window_at(self.clock())
        count = await self.counter.hit(bucket, window)
        if count is None:
            return None
        verdict = Verdict(limit, count, window)
        scope.setdefault("state", {})[_VERDICT_KEY] = verdict
        return verdict

    async def _bucket(self, scope: Scope) -> tuple[str, int]:
        # A key that does not authenticate buys nothing: its requests count as anonymous.
        credentials = await authenticate(scope, self.engine)
        if isinstance(credentials, Principal):
            return f"key:{credentials.prefix}", self.budget.per_key
        client = scope.get("client")
        return f"addr:{client[0] if client else 'unknown'}", self.budget.anonymous


def counted(scope: Scope) -> Verdict | None:
    """The verdict of this request, if it was counted."""
    verdict: Verdict | None = scope.get("state", {}).get(_VERDICT_KEY)
    return verdict


class CountRequests:
    """Counts a request the edge has not (it was not answered from the cache), and refuses one
    over the limit with a 429 problem."""

    def __init__(self, app: ASGIApp, limiter: RateLimiter) -> None:
        self.app = app
        self.limiter = limiter

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == ScopeType.HTTP:
            verdict = counted(scope) or await self.limiter.count(scope)
            if verdict is not None and verdict.exceeded:
                raise RateLimitExceeded(verdict)
        await self.app(scope, receive, send)
