"""Fixed one-minute windows of request counts: in process memory, or in Redis for all replicas."""

from __future__ import annotations

import logging
import math
import time
from dataclasses import dataclass
from typing import Protocol

from redis.asyncio import Redis
from redis.exceptions import RedisError

WINDOW_SECONDS = 60
# How often a Redis outage is logged: once per window is enough to be noticed, not to flood.
_WARN_EVERY_SECONDS = 60.0

logger = logging.getLogger("growth_atlas.ratelimit")


@dataclass(frozen=True)
class Window:
    """Where a count stands: which window, and how long until it ends."""

    index: int
    resets_in: int

    @classmethod
    def at(cls, now: float) -> Window:
        index = int(now // WINDOW_SECONDS)
        return cls(index, max(1, math.ceil((index + 1) * WINDOW_SECONDS - now)))


class Counter(Protocol):
    async def hit(self, bucket: str, window: Window) -> int | None:
        """Count one request in `bucket` for `window`; the count so far, or None if unknown."""
        ...


class MemoryCounter:
    """One process's counts: enough for a single replica, and for development."""

    def __init__(self) -> None:
        self._window = -1
        self._counts: dict[str, int] = {}

    async def hit(self, bucket: str, window: Window) -> int | None:
        if window.index != self._window:
            # Windows only move forward; dropping the old one keeps memory to one minute's clients.
            self._window = window.index
            self._counts.clear()
        count = self._counts.get(bucket, 0) + 1
        self._counts[bucket] = count
        return count


class RedisCounter:
    """Counts shared by every replica: one Redis key per bucket and window.

    INCR and EXPIRE go in one MULTI/EXEC transaction, so a count is never left without its
    expiry, and concurrent replicas never lose an increment.
    """

    def __init__(self, redis: Redis, key_prefix: str) -> None:
        self._redis = redis
        self._prefix = f"{key_prefix}ratelimit:"
        self._warned_at = -_WARN_EVERY_SECONDS

    async def hit(self, bucket: str, window: Window) -> int | None:
        key = f"{self._prefix}{bucket}:{window.index}"
        try:
            async with self._redis.pipeline(transaction=True) as pipe:
                pipe.incr(key)
                pipe.expire(key, WINDOW_SECONDS + 5)
                count, _ = await pipe.execute()
        except (RedisError, OSError, TimeoutError) as exc:
            # Fail open: a Redis outage must not take the public reads down with it. For its
            # duration requests are not limited; the warning says so.
            self._warn(exc)
            return None
        return int(count)

    def _warn(self, exc: BaseException) -> None:
        now = time.monotonic()
        if now - self._warned_at >= _WARN_EVERY_SECONDS:
            self._warned_at = now
            logger.warning("rate limiting is off while Redis fails: %r", exc)
