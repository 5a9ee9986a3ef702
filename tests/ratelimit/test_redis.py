"""With Redis the limit holds across replicas; without a working Redis, reads keep working."""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
from litestar.testing import AsyncTestClient
from redis import Redis
from redis.exceptions import RedisError

from service.app import create_app
from service.settings import Settings
from tests.ratelimit.support import steer_clear_of_the_minute_turn
from tests.requirements import require
from tests.servers import serve

# Counting happens in memory or in Redis, never in the database: one backend is enough.
pytestmark = pytest.mark.backends("sqlite")

REDIS_URL = "redis://127.0.0.1:6379/0"
LIMIT = 6


@pytest.fixture
def key_prefix() -> Iterator[str]:
    """A Redis namespace of this test's own; its keys are removed afterwards."""
    redis = Redis.from_url(REDIS_URL, socket_connect_timeout=2)
    try:
        redis.ping()
    except (RedisError, OSError):
        require(False, f"Redis is not reachable at {REDIS_URL}")
    prefix = f"growth-atlas-test-{uuid.uuid4().hex[:12]}:"
    yield prefix
    for key in redis.scan_iter(match=f"{prefix}*"):
        redis.delete(key)
    redis.close()


def test_two_replicas_share_one_limit(
    empty_settings: Settings, key_prefix: str, tmp_path: Path
) -> None:
    shared = {
        "redis_url": REDIS_URL,
        "redis_key_prefix": key_prefix,
        "rate_limit_anonymous_per_minute": str(LIMIT),
    }
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    with (
        serve(empty_settings, tmp_path / "a", **shared) as first,
        serve(empty_settings, tmp_path / "b", **shared) as second,
        httpx.Client(timeout=10, trust_env=False) as client,
    ):
        steer_clear_of_the_minute_turn()
        # Alternate between the replicas, as a load balancer would.
        responses = [
            client.get((first, second)[i % 2].base_url + "/v1/indicators") for i in range(LIMIT + 2)
        ]
    assert [r.status_code for r in responses] == [200] * LIMIT + [429, 429]
    remaining = [r.headers["ratelimit-remaining"] for r in responses[:LIMIT]]
    assert remaining == [str(LIMIT - n) for n in range(1, LIMIT + 1)]
    assert all("retry-after" in r.headers for r in responses[LIMIT:])


@pytest.fixture
async def redis_down_client(empty_settings: Settings) -> AsyncIterator[AsyncTestClient]:
    """An app whose Redis does not answer; made before the test so its logs are captured."""
    settings = Settings(
        database_url=empty_settings.database_url,
        redis_url="redis://127.0.0.1:9/0",  # nothing listens on the discard port
        rate_limit_anonymous_per_minute=1,
    )
    async with AsyncTestClient(app=create_app(settings)) as client:
        yield client


async def test_reads_keep_working_when_redis_is_down(
    redis_down_client: AsyncTestClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="growth_atlas.ratelimit"):
        responses = [await redis_down_client.get("/v1/indicators") for _ in range(3)]
    assert [r.status_code for r in responses] == [200, 200, 200]
    assert all("ratelimit-limit" not in r.headers for r in responses)
    warnings = [r for r in caplog.records if r.name == "growth_atlas.ratelimit"]
    assert len(warnings) == 1  # once per minute, not once per request
    assert "rate limiting is off" in warnings[0].getMessage()


async def test_counts_expire_with_their_window(empty_settings: Settings, key_prefix: str) -> None:
    settings = Settings(
        database_url=empty_settings.database_url,
        redis_url=REDIS_URL,
        redis_key_prefix=key_prefix,
        rate_limit_anonymous_per_minute=10,
    )
    async with AsyncTestClient(app=create_app(settings)) as client:
        assert (await client.get("/v1/indicators")).status_code == 200
    redis = Redis.from_url(REDIS_URL)
    try:
        keys = await asyncio.to_thread(lambda: list(redis.scan_iter(match=f"{key_prefix}*")))
        assert len(keys) == 1
        assert 0 < redis.ttl(keys[0]) <= 65
    finally:
        redis.close()
