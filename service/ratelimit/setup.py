"""The rate limiting layer as the app factory installs it, from the settings."""

from __future__ import annotations

from litestar.types import Middleware
from redis.asyncio import Redis

from service.ratelimit.counters import Counter, MemoryCounter, RedisCounter
from service.ratelimit.middleware import Budget, RateLimitMiddleware
from service.settings import Settings


def rate_limiting(settings: Settings, redis: Redis | None) -> list[Middleware]:
    """The middleware, or none when both limits are off; counts live in Redis when there is one,
    so that the limit holds across replicas."""
    budget = Budget(settings.rate_limit_anonymous_per_minute, settings.rate_limit_key_per_minute)
    if budget.anonymous == 0 and budget.per_key == 0:
        return []
    counter: Counter = (
        RedisCounter(redis, settings.redis_key_prefix) if redis is not None else MemoryCounter()
    )
    return [RateLimitMiddleware(counter, budget)]
