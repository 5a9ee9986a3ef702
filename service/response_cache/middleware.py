"""The ASGI layer that answers a repeated GET from the response cache.

It sits innermost, right around the route handlers, so that everything outside it still runs on
a cached answer: request logging and metrics, security headers, rate limits, CORS, and
service/representations/caching.py (ETag, 304, compression), which gets the cached answer's ETag
with it and does not hash the body again.

Only a /v1 GET answered 200 in one body message is kept. The key is everything a handler's answer
depends on: the path, the raw query string and `Accept` (reads are public, so no credentials).
"""

from __future__ import annotations

from typing import Any

from litestar.enums import ScopeType
from litestar.types import ASGIApp, Message, Receive, Scope, Send

from service.etags import etag_of
from service.response_cache.data_version import DataVersionWatch
from service.response_cache.store import Header, Key, ResponseCache

API_PREFIX = "/v1/"


class ResponseCaching:
    def __init__(
        self, app: ASGIApp, cache: ResponseCache, watch: DataVersionWatch | None = None
    ) -> None:
        self.app = app
        self.cache = cache
        self.watch = watch

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            not self.cache.enabled
            or scope["type"] != ScopeType.HTTP
            or scope["method"] != "GET"
            or not scope["path"].startswith(API_PREFIX)
        ):
            await self.app(scope, receive, send)
            return
        if self.watch is not None:
            self.watch.check()  # before the lookup, and before the generation is noted
        key = _key(scope)
        cached = self.cache.get(key)
        if cached is not None:
            start = {"type": "http.response.start", "status": 200, "headers": [*cached.headers]}
            await send(start)  # type: ignore[arg-type]
            await send({"type": "http.response.body", "body": cached.body, "more_body": False})
            return
        await self.app(scope, receive, _Recorder(self.cache, key, send).send)


def _key(scope: Scope) -> Key:
    accept = b""
    for name, value in scope["headers"]:
        if name == b"accept":
            accept = value
            break
    return scope["path"], scope["query_string"], accept.decode("latin-1")


class _Recorder:
    """Passes one answer on, and stores it if it is a 200 sent in a single body message."""

    def __init__(self, cache: ResponseCache, key: Key, send: Send) -> None:
        self._cache = cache
        self._key = key
        self._send = send
        self._generation = cache.generation
        self._headers: list[Header] | None = None
        self._messages = 0

    async def send(self, message: Message) -> None:
        self._messages += 1
        event: Any = message
        if event["type"] == "http.response.start" and event["status"] == 200:
            # Copied before the layers outside add their own headers to the message.
            self._headers = [(bytes(n), bytes(v)) for n, v in event.get("headers", ())]
        elif (
            event["type"] == "http.response.body"
            and self._headers is not None
            and self._messages == 2
            and not event.get("more_body", False)
        ):
            self._store(bytes(event.get("body", b"")))
        await self._send(message)

    def _store(self, body: bytes) -> None:
        assert self._headers is not None
        headers = self._headers
        if not any(name == b"etag" for name, _ in headers):
            headers = [*headers, (b"etag", etag_of(body).encode("latin-1"))]
        self._cache.put(self._key, headers, body, self._generation)
