"""Counts live in one-minute windows: a test that spends a budget must not straddle two."""

from __future__ import annotations

import time

from service.ratelimit.counters import WINDOW_SECONDS

# Every test here spends its budget well within this many seconds.
MARGIN_SECONDS = 8.0


def steer_clear_of_the_minute_turn() -> None:
    """Wait, when the minute is about to turn, until the next one has begun."""
    left = WINDOW_SECONDS - time.time() % WINDOW_SECONDS
    if left < MARGIN_SECONDS:
        time.sleep(left + 0.05)
