"""Counts live in one-minute windows: a test that spends a budget must not straddle two."""

from __future__ import annotations

import time

from litestar import Litestar

from service.edge import Edge
from service.ratelimit.counters import WINDOW_SECONDS

# Every test here spends its budget well within this many seconds.
MARGIN_SECONDS = 8.0


def steer_clear_of_the_minute_turn() -> None:
    """Wait, when the minute is about to turn, until the next one has begun.

    For servers in processes of their own, whose clock a test cannot set.
    """
    left = WINDOW_SECONDS - time.time() % WINDOW_SECONDS
    if left < MARGIN_SECONDS:
        time.sleep(left + 0.05)


def start_mid_window(app: Litestar) -> Litestar:
    """Give the app's rate limiter a clock that runs from the middle of a window.

    The clock still moves, but a test's requests all fall in one window of counts, and no test
    waits for the minute to turn.
    """
    offset = WINDOW_SECONDS / 2 - time.time() % WINDOW_SECONDS
    edge = app.asgi_handler
    assert isinstance(edge, Edge)
    if edge.limiter is not None:  # none when both limits are off
        edge.limiter.clock = lambda: time.time() + offset
    return app
