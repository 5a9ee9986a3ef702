"""The HTTP/1.1 protocol `growth-atlas serve` runs: uvicorn's httptools protocol, with bounds.

uvicorn bounds neither the size of a request head (httptools keeps a header until its end: one
64 MiB header is 64 MiB of memory) nor the time a client takes to send one (its keep-alive
timeout runs only between requests, so a socket that trickles a header, or never sends a byte,
stays open for ever), and it answers malformed requests itself in text/plain. This subclass:

- counts the bytes of each head as they arrive and its header fields as they are parsed, and
  answers 431 once either passes its limit, without waiting for (or keeping) the rest;
- gives each head a deadline, from the connection's opening for the first request and from the
  first byte of each later one (between requests uvicorn's keep-alive timeout applies): 408, or
  a plain close when nothing was sent at all;
- answers what uvicorn would answer itself (a malformed request, the concurrency limit) as
  problem+json with the security headers and `Cache-Control: no-store`, saying to
  percent-encode when the request target holds raw non-ASCII characters.

A header size limit cannot be set on httptools, and a pure ASGI layer would see the headers only
once uvicorn had buffered them all; hence a protocol class. Its limits come from the settings,
read from the environment in each worker process, as the app's are.
"""

from __future__ import annotations

import asyncio
import functools
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

import httptools
import msgspec
from uvicorn.protocols.http.flow_control import service_unavailable
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from schemas.problems import Problem
from service.errors import PROBLEM_MEDIA_TYPE
from service.hardening import error_headers
from service.settings import Settings

_PERCENT_ENCODE = (
    "The request target holds characters that must be percent-encoded: send non-ASCII text "
    "as UTF-8 bytes in %XX form (湖南 is %E6%B9%96%E5%8D%97)."
)

# How long a refused connection is drained before it is closed (see `_refuse`).
_LINGER_SECONDS = 1.0


@dataclass(frozen=True)
class HeadLimits:
    bytes: int
    fields: int
    timeout_seconds: float

    @classmethod
    def of(cls, settings: Settings) -> HeadLimits:
        return cls(
            settings.max_request_head_bytes,
            settings.max_request_header_fields,
            settings.request_head_timeout_seconds,
        )


@functools.cache
def _limits() -> HeadLimits:
    return HeadLimits.of(Settings.from_env())


class _HeadTooLarge(Exception):
    """Raised from a parser callback; httptools re-raises it as the context of its own error."""


Headers = list[tuple[bytes, bytes]]


def _problem(status: int, detail: str) -> tuple[Headers, bytes]:
    """A problem's headers (the service's own, and `Connection: close`) and body."""
    problem = Problem(
        type="about:blank", title=HTTPStatus(status).phrase, status=status, detail=detail
    )
    body = msgspec.json.encode(problem)
    headers = [
        (b"content-type", PROBLEM_MEDIA_TYPE.encode()),
        (b"content-length", str(len(body)).encode()),
        (b"connection", b"close"),
        *error_headers(),
    ]
    return headers, body


def problem_bytes(status: int, detail: str) -> bytes:
    """A whole HTTP/1.1 response carrying the problem, written straight to the socket."""
    headers, body = _problem(status, detail)
    lines = [f"HTTP/1.1 {status} {HTTPStatus(status).phrase}".encode()]
    lines += [name + b": " + value for name, value in headers]
    return b"\r\n".join(lines) + b"\r\n\r\n" + body


async def _unavailable(_scope: Any, _receive: Any, send: Any) -> None:
    """What uvicorn answers beyond `limit_concurrency`, as a problem."""
    headers, body = _problem(503, "The server is at its connection limit; retry shortly.")
    await send({"type": "http.response.start", "status": 503, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class BoundedHttpToolsProtocol(HttpToolsProtocol):
    """See the module docstring."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._limits = _limits()
        self._in_head = True  # between a head's beginning and its last header
        self._head_received = 0  # bytes received while in the head, an upper bound of its size
        self._head_size = 0  # bytes of the request line and headers parsed so far
        self._head_fields = 0
        self._head_begun = False  # the parser has seen the first byte of the current head
        self._deadline: asyncio.TimerHandle | None = None
        self._refused = False

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._start_deadline()

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel_deadline()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        if self._refused:
            return
        if self._in_head:
            self._head_received += len(data)
        self._unset_keepalive_if_required()
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserUpgrade:
            if self._should_upgrade():
                self.handle_websocket_upgrade()
            else:
                self._unsupported_upgrade_warning()
        except httptools.HttpParserError as exc:
            self._refuse_malformed(exc)
            return
        if self._in_head and self._head_received > self._limits.bytes:
            self._refuse_too_large()
        elif self._in_head and self._deadline is None and not self._refused:
            # A later head began in this data and did not end in it: its deadline runs from
            # now. One that arrives whole (nearly all) never needs a timer.
            self._start_deadline()

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._head_begun = True
        if not self._in_head:  # a later request on this connection: its head starts now
            self._in_head, self._head_received = True, 0

    def on_url(self, url: bytes) -> None:
        self._count(len(url), fields=0)
        super().on_url(url)

    def on_header(self, name: bytes, value: bytes) -> None:
        self._count(len(name) + len(value) + 4, fields=1)  # ": " and CRLF
        super().on_header(name, value)

    def on_headers_complete(self) -> None:
        self._in_head = self._head_begun = False
        self._head_received = self._head_size = self._head_fields = 0
        self._cancel_deadline()
        super().on_headers_complete()

    def _start_asgi_task(self, cycle: Any, app: Any) -> None:
        super()._start_asgi_task(cycle, _unavailable if app is service_unavailable else app)

    def _count(self, size: int, fields: int) -> None:
        self._head_size += size
        self._head_fields += fields
        limits = self._limits
        if self._head_size > limits.bytes or self._head_fields > limits.fields:
            raise _HeadTooLarge

    def _refuse_malformed(self, exc: httptools.HttpParserError) -> None:
        if isinstance(exc.__context__, _HeadTooLarge):
            self._refuse_too_large()
        elif isinstance(exc, httptools.HttpParserInvalidURLError):
            self._refuse(400, _PERCENT_ENCODE)
        else:
            self._refuse(400, f"The request is not valid HTTP/1.1: {exc}.")

    def _refuse_too_large(self) -> None:
        limits = self._limits
        self._refuse(
            431,
            f"The request line and headers must fit in {limits.bytes} bytes and "
            f"{limits.fields} header fields.",
        )

    def _refuse(self, status: int, detail: str) -> None:
        """Answer, then close once the client had time to read the answer.

        Closing at once while the client is still sending would make the kernel reset the
        connection, and a reset destroys the answer before the client reads it. So the server
        says it is done writing and discards whatever still arrives (nothing is kept) for a
        moment before it closes.
        """
        self._refused = True
        self._cancel_deadline()
        self.logger.info("refused a request from %s: %s %s", self.client, status, detail)
        if self.transport.is_closing():
            return
        self.transport.write(problem_bytes(status, detail))
        if self.transport.can_write_eof():
            self.transport.write_eof()
        self.loop.call_later(_LINGER_SECONDS, self.transport.close)

    def _start_deadline(self) -> None:
        self._cancel_deadline()
        self._deadline = self.loop.call_later(self._limits.timeout_seconds, self._head_timed_out)

    def _cancel_deadline(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _head_timed_out(self) -> None:
        self._deadline = None
        if not self._head_begun:  # a connection that never said anything: just close it
            self._refused = True
            self.transport.close()
            return
        seconds = self._limits.timeout_seconds
        self._refuse(408, f"The request line and headers must arrive within {seconds:g} s.")
