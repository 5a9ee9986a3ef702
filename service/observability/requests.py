"""The outermost ASGI layer: a request id, one JSON log line and the metrics of every request.

It wraps Litestar's own handler, outside routing and error handling, so that unknown routes,
405s and errors are logged and counted like everything else.
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from typing import Any

from litestar.enums import ScopeType
from litestar.types import ASGIApp, Message, Receive, ReceiveMessage, Scope, Send

from service.observability.metrics import Metrics

REQUEST_ID_HEADER = b"x-request-id"
# A caller's id is echoed only if it is short and plain: it lands in logs and headers.
_ACCEPTABLE_REQUEST_ID = re.compile(rb"^[A-Za-z0-9._:-]{1,128}$")
UNMATCHED_ROUTE = "unmatched"
# The status nginx made the convention for "the client closed the connection before the answer".
CLIENT_CLOSED = 499

access_log = logging.getLogger("growth_atlas.access")


class RequestObserver:
    """Cheap per request on purpose: it runs around every request, the fastest included.

    The in-flight gauge reads a plain counter when scraped, and each (method, route, status)
    keeps its metric children, instead of taking a lock and looking the labels up twice per
    request.
    """

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics
        self.in_flight = 0
        metrics.in_flight.set_function(lambda: self.in_flight)
        self._series: dict[tuple[str, str, int], tuple[Any, Any]] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP:
            await self.app(scope, receive, send)
            return
        method: str = scope["method"]
        request_id = _request_id(scope)
        status = 500  # what the client sees if the app dies before it answers

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = [*message.get("headers", ()), (REQUEST_ID_HEADER, request_id)]
                message = {**message, "headers": headers}
            await send(message)

        body = _BodyWatch(receive)
        started = time.perf_counter()
        self.in_flight += 1
        try:
            await self.app(scope, body.receive, send_with_id)
        finally:
            duration = time.perf_counter() - started
            self.in_flight -= 1
            route = scope.get("path_template") or UNMATCHED_ROUTE
            # Whatever the app made of a body cut short (Litestar raises a 500), nobody received
            # it: the outcome is the client's, counted apart so it never looks like a fault.
            outcome = CLIENT_CLOSED if body.dropped else status
            self._observe(method, route, outcome, duration)
            _log(method, route, outcome, duration, request_id)

    def _observe(self, method: str, route: str, status: int, duration: float) -> None:
        series = self._series.get((method, route, status))
        if series is None:
            series = (
                self.metrics.requests.labels(method, route, str(status)),
                self.metrics.latency.labels(method, route),
            )
            self._series[method, route, status] = series
        requests, latency = series
        requests.inc()
        latency.observe(duration)


class _BodyWatch:
    """Passes the request's messages through, noting a disconnect before the body's end."""

    def __init__(self, receive: Receive) -> None:
        self._receive = receive
        self._body_done = False
        self.dropped = False

    async def receive(self) -> ReceiveMessage:
        message = await self._receive()
        if message["type"] == "http.request" and not message.get("more_body", False):
            self._body_done = True
        elif message["type"] == "http.disconnect" and not self._body_done:
            self.dropped = True
        return message


def _request_id(scope: Scope) -> bytes:
    for name, value in scope["headers"]:
        if name == REQUEST_ID_HEADER and _ACCEPTABLE_REQUEST_ID.match(value):
            return bytes(value)
    return uuid.uuid4().hex.encode()


def _log(method: str, route: str, status: int, duration: float, request_id: bytes) -> None:
    if not access_log.isEnabledFor(logging.INFO):
        return
    fields: dict[str, Any] = {
        "method": method,
        "route": route,
        "status": status,
        "duration_ms": round(duration * 1000, 3),
        "request_id": request_id.decode(),
    }
    access_log.info("request", extra={"fields": fields})
