"""Fixtures of the rate limiting tests."""

from __future__ import annotations

import pytest

from tests.ratelimit.support import steer_clear_of_the_minute_turn


@pytest.fixture
def one_window() -> None:
    """The test's requests all fall in one window of counts."""
    steer_clear_of_the_minute_turn()
