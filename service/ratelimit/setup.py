"""The rate limiter as the app factory installs it, from the settings."""

from __future__ import annotations

from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncEngine

from service.ratelimit.counters import Counter, MemoryCounter, RedisCounter
from service.ratelimit.limiter import Budget, RateLimiter
from service.settings import Settings


def rate_limiter(
    settings: Settings, redis: Redis | None, engine: AsyncEngine
) -> RateLimiter | None:
    """The limiter, or None when both limits are off; counts live in Redis when there is one,
    so that the limit holds across replicas."""
    budget = Budget(settings.rate_limit_anonymous_per_minute, settings.rate_limit_key_per_minute)
    if budget.anonymous == 0 and budget.per_key == 0:
        return None
    counter: Counter = (
        RedisCounter(redis, settings.redis_key_prefix) if redis is not None else MemoryCounter()
    )
    return RateLimiter(counter, budget, engine)
