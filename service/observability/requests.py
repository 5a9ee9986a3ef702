"""Every request's id, its one JSON log line and its metrics (service/edge.py calls these).

Cheap per request on purpose: they run around every request, the fastest included. The
in-flight gauge reads a plain counter when scraped, and each (method, route, status) keeps its
metric children, instead of taking a lock and looking the labels up twice per request.
"""

from __future__ import annotations

import logging
import os
import re
from typing import Any

from litestar.types import Receive, ReceiveMessage, Scope

from service.observability.metrics import Metrics

REQUEST_ID_HEADER = b"x-request-id"
# A caller's id is echoed only if it is short and plain: it lands in logs and headers.
_ACCEPTABLE_REQUEST_ID = re.compile(rb"^[A-Za-z0-9._:-]{1,128}$")
UNMATCHED_ROUTE = "unmatched"
# The status nginx made the convention for "the client closed the connection before the answer".
CLIENT_CLOSED = 499

access_log = logging.getLogger("growth_atlas.access")


class RequestRecords:
    """The metrics and the access log of the requests of one app."""

    def __init__(self, metrics: Metrics) -> None:
        self.metrics = metrics
        self.in_flight = 0
        metrics.in_flight.set_function(lambda: self.in_flight)
        self._series: dict[tuple[str, str, int], tuple[Any, Any]] = {}

    def record(
        self, method: str, route: str, status: int, duration: float, request_id: bytes
    ) -> None:
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
        _log(method, route, status, duration, request_id)


class BodyWatch:
    """Passes the request's messages through, noting a disconnect before the body's end.

    Whatever the app made of a body cut short (Litestar raises a 500), nobody received it: the
    outcome is the client's (`CLIENT_CLOSED`), counted apart so it never looks like a fault.
    """

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


def request_id(scope: Scope) -> bytes:
    """The caller's `X-Request-ID` if it is acceptable, otherwise a new one."""
    for name, value in scope["headers"]:
        if name == REQUEST_ID_HEADER and _ACCEPTABLE_REQUEST_ID.match(value):
            return bytes(value)
    # 128 random bits in hex, as uuid4().hex but without building a UUID on every request.
    return os.urandom(16).hex().encode()


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
