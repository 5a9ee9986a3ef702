"""The ASGI layer that keeps answers to GETs in the response cache, and the lookup of one.

It sits innermost, right around the route handlers, so it keeps the answer as the handler
encoded it. A repeated GET is answered by `cached_answer` at the edge of the app
(service/edge.py), before routing, passed through the same HTTP caching (ETag, 304,
compression; service/representations/caching.py, which gets the cached answer's ETag with it
and does not hash the body again) and the same logs, metrics, security and rate limit headers.
With CORS on, Litestar's CORS layer must see every answer, so this layer answers the repeats
itself (`serve_hits`).

Only a /v1 GET answered 200 in one body message is kept. The key is everything a handler's answer
depends on: the path, the raw query string and `Accept` (reads are public, so no credentials).
"""

from __future__ import annotations

from typing import Any

from litestar.enums import ScopeType
from litestar.types import ASGIApp, Message, Receive, Scope, Send

from service.etags import etag_of
from service.response_cache.data_version import DataVersionWatch
from service.response_cache.store import CachedResponse, Header, Key, ResponseCache

API_PREFIX = "/v1/"


def cacheable(cache: ResponseCache, scope: Scope) -> bool:
    return (
        cache.enabled
        and scope["type"] == ScopeType.HTTP
        and scope["method"] == "GET"
        and scope["path"].startswith(API_PREFIX)
    )


def cached_answer(
    cache: ResponseCache, watch: DataVersionWatch | None, scope: Scope
) -> CachedResponse | None:
    """The kept answer to this request, if any; first, on SQLite, drop the cache if the data
    changed (before the lookup, and before the generation of this request's answer is noted)."""
    if not cacheable(cache, scope):
        return None
    if watch is not None:
        watch.check()
    return cache.get(_key(scope))


async def send_cached(answer: CachedResponse, send: Send) -> None:
    start = {"type": "http.response.start", "status": 200, "headers": [*answer.headers]}
    await send(start)  # type: ignore[arg-type]
    await send({"type": "http.response.body", "body": answer.body, "more_body": False})


class ResponseCaching:
    def __init__(
        self,
        app: ASGIApp,
        cache: ResponseCache,
        watch: DataVersionWatch | None = None,
        serve_hits: bool = True,
    ) -> None:
        self.app = app
        self.cache = cache
        self.watch = watch
        self.serve_hits = serve_hits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not cacheable(self.cache, scope):
            await self.app(scope, receive, send)
            return
        if self.serve_hits:
            cached = cached_answer(self.cache, self.watch, scope)
            if cached is not None:
                await send_cached(cached, send)
                return
        recorder = _Recorder(self.cache, _key(scope), scope, send)
        await self.app(scope, receive, recorder.send)


def _key(scope: Scope) -> Key:
    accept = b""
    for name, value in scope["headers"]:
        if name == b"accept":
            accept = value
            break
    return scope["path"], scope["query_string"], accept.decode("latin-1")


class _Recorder:
    """Passes one answer on, and stores it if it is a 200 sent in a single body message."""

    def __init__(self, cache: ResponseCache, key: Key, scope: Scope, send: Send) -> None:
        self._cache = cache
        self._key = key
        self._scope = scope
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
        route = self._scope.get("path_template", "")
        self._cache.put(self._key, headers, body, self._generation, route)
