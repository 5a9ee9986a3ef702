"""HTTP caching of GET answers: entity tags, `If-None-Match`, `Cache-Control` and compression.

One ASGI layer inside the app, around every route, so every GET 200 gets the same treatment
whoever wrote its handler:

- `ETag`: the strong tag of the *identity* (uncompressed) body, `etag_of(body)`, unless the
  handler set one. It is computed before compression on purpose: the tag then names the
  representation (the same JSON, CSV or MessagePack bytes on every replica, whatever coding a
  client negotiated), so `If-None-Match` and the write API's `If-Match` compare like with like.
- `If-None-Match` matching it (weak comparison) -> 304 with `ETag`, `Cache-Control` and `Vary`.
- `Cache-Control`: what the handler chose (see the policies below), or a default by path.
- Compression (gzip, brotli when asked) of text bodies above a size threshold, and of streams.

Streamed bodies (bulk exports: no `Content-Length`) are never buffered: they are compressed
chunk by chunk and carry no `ETag`, which would need the whole body first.
"""

from __future__ import annotations

from typing import Any

from litestar.enums import ScopeType
from litestar.types import ASGIApp, Message, Receive, Scope, Send

from service.etags import etag_of, weak_match
from service.representations import compression
from service.representations.raw_headers import (
    RawHeaders,
    first_values,
    put,
    put_default,
    request_header,
    value_of,
)

# Data can change through the write API, so nothing is `immutable`; an `ETag` makes a
# revalidation after expiry cost a 304 without a body.
LISTS = "max-age=60"
ITEMS = "max-age=300"
SOURCES = "max-age=3600"  # an article's text is verbatim and only ever corrected
EXPORTS = "max-age=60"
NO_STORE = "no-store"
DEFAULT = "no-cache"  # any other GET: may be stored, but is checked with the server each time
_NO_STORE_PATHS = ("/health/", "/metrics")
# The headers a buffered answer's handling reads, looked up in one pass.
_BUFFERED_HEADERS = frozenset({b"etag", b"cache-control", b"content-type", b"vary"})
# Headers a 304 repeats from the 200 it stands for (RFC 9110 15.4.5).
_NOT_MODIFIED_HEADERS = (
    b"etag",
    b"cache-control",
    b"vary",
    b"content-location",
    b"expires",
    b"date",
)


class HttpCaching:
    """ASGI middleware; see the module docstring."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        await self.app(scope, receive, _Exchange(scope, send).send)


def caching_send(scope: Scope, send: Send) -> Send:
    """`send` with this layer's work on the way: for an answer that did not come through it (a
    cached answer served before routing)."""
    return _Exchange(scope, send).send


def default_cache_control(path: str) -> str:
    return NO_STORE if path.startswith(_NO_STORE_PATHS) else DEFAULT


def add_vary(headers: RawHeaders, field: str, vary: str | None = None) -> None:
    """Add `field` to `Vary` unless it is listed; `vary`: its value, if already read."""
    vary = vary if vary is not None else value_of(headers, b"vary")
    present = [value.strip() for value in (vary or "").split(",") if value.strip()]
    if field.lower() not in {value.lower() for value in present}:
        put(headers, b"vary", ", ".join([*present, field]))


class _Exchange:
    """One response on its way out: passed through, buffered, or compressed as it streams."""

    def __init__(self, scope: Scope, send: Send) -> None:
        self._path: str = scope["path"]
        self._if_none_match = request_header(scope, b"if-none-match")
        self._accept_encoding = request_header(scope, b"accept-encoding")
        self._send = send
        # Messages as plain dicts: which ASGI event each is, is checked by its `type`.
        self._start: Any = None
        self._chunks: list[bytes] = []
        self._encoder: compression.Encoder | None = None
        self._mode = "pass"

    async def send(self, event: Message) -> None:
        message: Any = event
        if message["type"] == "http.response.start":
            await self._on_start(message)
        elif message["type"] == "http.response.body" and self._mode == "buffer":
            self._chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                await self._finish_buffered()
        elif message["type"] == "http.response.body" and self._encoder is not None:
            await self._send_encoded(message)
        else:
            await self._send(message)

    async def _on_start(self, message: Any) -> None:
        headers = _raw(message)
        if message["status"] != 200:
            # Problems (and 304s of a handler's own) are answers about now, not the resource.
            put_default(headers, b"cache-control", NO_STORE)
            await self._send(message)
        elif value_of(headers, b"content-length") is not None:
            self._mode, self._start = "buffer", message
        else:
            put_default(headers, b"cache-control", default_cache_control(self._path))
            self._encoder = self._stream_encoder(headers)
            await self._send(message)

    def _stream_encoder(self, headers: RawHeaders) -> compression.Encoder | None:
        if not compression.compressible(value_of(headers, b"content-type") or ""):
            return None
        add_vary(headers, "Accept-Encoding")
        coding = compression.choose_coding(self._accept_encoding)
        if coding is None or value_of(headers, b"content-encoding") is not None:
            return None
        put(headers, b"content-encoding", coding)
        return compression.stream_encoder(coding)

    async def _send_encoded(self, message: Any) -> None:
        assert self._encoder is not None
        body = self._encoder.compress(message.get("body", b""))
        more = message.get("more_body", False)
        if not more:
            body += self._encoder.finish()
        await self._send({"type": "http.response.body", "body": body, "more_body": more})

    async def _finish_buffered(self) -> None:
        assert self._start is not None
        body = b"".join(self._chunks)
        headers = _raw(self._start)
        found = first_values(headers, _BUFFERED_HEADERS)
        etag = found.get(b"etag") or etag_of(body)
        if b"etag" not in found:
            headers.append((b"etag", etag.encode("latin-1")))
        if b"cache-control" not in found:
            headers.append((b"cache-control", default_cache_control(self._path).encode()))
        compressible = compression.compressible(found.get(b"content-type", ""))
        if compressible:
            add_vary(headers, "Accept-Encoding", found.get(b"vary", ""))  # a 304 varies too
        if self._if_none_match is not None and weak_match(self._if_none_match, etag):
            await self._not_modified(headers)
            return
        if compressible and self._accept_encoding:
            body = self._compress(headers, body)
        await self._send(self._start)
        await self._send({"type": "http.response.body", "body": body, "more_body": False})

    def _compress(self, headers: RawHeaders, body: bytes) -> bytes:
        coding = compression.choose_coding(self._accept_encoding)
        if coding is None or len(body) < compression.MINIMUM_SIZE:
            return body
        if value_of(headers, b"content-encoding") is not None:
            return body
        compressed = compression.compress(body, coding)
        put(headers, b"content-encoding", coding)
        put(headers, b"content-length", str(len(compressed)))
        return compressed

    async def _not_modified(self, headers: RawHeaders) -> None:
        kept = []
        for name in _NOT_MODIFIED_HEADERS:
            value = value_of(headers, name)
            if value is not None:
                kept.append((name, value.encode("latin-1")))
        await self._send({"type": "http.response.start", "status": 304, "headers": kept})
        await self._send({"type": "http.response.body", "body": b"", "more_body": False})


def _raw(message: Any) -> RawHeaders:
    """The headers of a start message, as a list changed in place."""
    if not isinstance(message.get("headers"), list):
        message["headers"] = list(message.get("headers", ()))
    headers: RawHeaders = message["headers"]
    return headers
