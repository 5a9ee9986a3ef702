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

from litestar.datastructures import Headers, MutableScopeHeaders
from litestar.enums import ScopeType
from litestar.types import ASGIApp, Message, Receive, Scope, Send

from service.etags import etag_of, weak_match
from service.representations import compression

# Data can change through the write API, so nothing is `immutable`; an `ETag` makes a
# revalidation after expiry cost a 304 without a body.
LISTS = "max-age=60"
ITEMS = "max-age=300"
SOURCES = "max-age=3600"  # an article's text is verbatim and only ever corrected
EXPORTS = "max-age=60"
NO_STORE = "no-store"
DEFAULT = "no-cache"  # any other GET: may be stored, but is checked with the server each time
_NO_STORE_PATHS = ("/health/", "/metrics")
# Headers a 304 repeats from the 200 it stands for (RFC 9110 15.4.5).
_NOT_MODIFIED_HEADERS = ("etag", "cache-control", "vary", "content-location", "expires", "date")


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


def add_vary(headers: MutableScopeHeaders, field: str) -> None:
    present = [value.strip() for value in headers.get("vary", "").split(",") if value.strip()]
    if field.lower() not in {value.lower() for value in present}:
        headers["vary"] = ", ".join([*present, field])


class _Exchange:
    """One response on its way out: passed through, buffered, or compressed as it streams."""

    def __init__(self, scope: Scope, send: Send) -> None:
        request = Headers.from_scope(scope)
        self._path: str = scope["path"]
        self._if_none_match = request.get("if-none-match")
        self._accept_encoding = request.get("accept-encoding")
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
        headers = MutableScopeHeaders(message)
        if message["status"] != 200:
            # Problems (and 304s of a handler's own) are answers about now, not the resource.
            headers.setdefault("cache-control", NO_STORE)
            await self._send(message)
        elif "content-length" in headers:
            self._mode, self._start = "buffer", message
        else:
            headers.setdefault("cache-control", default_cache_control(self._path))
            self._encoder = self._stream_encoder(headers)
            await self._send(message)

    def _stream_encoder(self, headers: MutableScopeHeaders) -> compression.Encoder | None:
        if not compression.compressible(headers.get("content-type", "")):
            return None
        add_vary(headers, "Accept-Encoding")
        coding = compression.choose_coding(self._accept_encoding)
        if coding is None or "content-encoding" in headers:
            return None
        headers["content-encoding"] = coding
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
        headers = MutableScopeHeaders(self._start)
        etag = headers.get("etag") or etag_of(body)
        headers["etag"] = etag
        headers.setdefault("cache-control", default_cache_control(self._path))
        if compression.compressible(headers.get("content-type", "")):
            add_vary(headers, "Accept-Encoding")  # the 304 varies as its 200 would
        if self._if_none_match is not None and weak_match(self._if_none_match, etag):
            await self._not_modified(headers)
            return
        body = self._maybe_compress(headers, body)
        await self._send(self._start)
        await self._send({"type": "http.response.body", "body": body, "more_body": False})

    def _maybe_compress(self, headers: MutableScopeHeaders, body: bytes) -> bytes:
        if not compression.compressible(headers.get("content-type", "")):
            return body
        coding = compression.choose_coding(self._accept_encoding)
        if coding is None or len(body) < compression.MINIMUM_SIZE or "content-encoding" in headers:
            return body
        compressed = compression.compress(body, coding)
        headers["content-encoding"] = coding
        headers["content-length"] = str(len(compressed))
        return compressed

    async def _not_modified(self, headers: MutableScopeHeaders) -> None:
        kept = [
            (name.encode("latin-1"), headers[name].encode("latin-1"))
            for name in _NOT_MODIFIED_HEADERS
            if name in headers
        ]
        await self._send({"type": "http.response.start", "status": 304, "headers": kept})
        await self._send({"type": "http.response.body", "body": b"", "more_body": False})
