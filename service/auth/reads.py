"""Closed reads: with anonymous reads off, every GET under /v1 needs a key (any scope has `read`).

A middleware rather than a guard: it runs before the response cache, which would otherwise hand
a cached answer to a client without a key.
"""

from __future__ import annotations

from litestar.middleware import ASGIMiddleware
from litestar.types import ASGIApp, Middleware, Receive, Scope, Send

from service.auth.guards import check_scope
from service.settings import Settings

_READS = frozenset({"GET", "HEAD"})
API_PREFIX = "/v1/"


class ReadAccess(ASGIMiddleware):
    """401 for a read under /v1 without a valid key; health, metrics and the docs stay open."""

    def __init__(self) -> None:
        self.should_bypass_for_scope = _not_an_api_read

    async def handle(self, scope: Scope, receive: Receive, send: Send, next_app: ASGIApp) -> None:
        await check_scope(scope, "read")
        await next_app(scope, receive, send)


def read_access(settings: Settings) -> list[Middleware]:
    """The middleware when anonymous reads are closed; none when they are open (the default)."""
    return [] if settings.anonymous_reads else [ReadAccess()]


def _not_an_api_read(scope: Scope) -> bool:
    return scope.get("method") not in _READS or not scope["path"].startswith(API_PREFIX)
