"""The limit as a client meets it: headers on every /v1 answer, then 429 problem details."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from litestar.testing import AsyncTestClient

from service.settings import Settings
from tests.auth.support import WRITE_PATH, guarded_app
from tests.keys import new_key
from tests.ratelimit.support import start_mid_window

# Counting happens in memory or in Redis, never in the database: one backend is enough.
pytestmark = pytest.mark.backends("sqlite")

ANONYMOUS_LIMIT = 3
KEY_LIMIT = 5


def limited(
    settings: Settings, anonymous: int = ANONYMOUS_LIMIT, per_key: int = KEY_LIMIT
) -> Settings:
    return Settings(
        database_url=settings.database_url,
        rate_limit_anonymous_per_minute=anonymous,
        rate_limit_key_per_minute=per_key,
    )


@pytest.fixture
async def client(empty_settings: Settings) -> AsyncIterator[AsyncTestClient]:
    app = start_mid_window(guarded_app(limited(empty_settings)))
    async with AsyncTestClient(app=app) as test_client:
        yield test_client


async def _spend(client: AsyncTestClient, count: int, **headers: str) -> list[httpx.Response]:
    return [await client.get("/v1/indicators", headers=headers) for _ in range(count)]


async def test_responses_say_how_much_is_left(client: AsyncTestClient) -> None:
    responses = await _spend(client, ANONYMOUS_LIMIT)
    assert [r.status_code for r in responses] == [200] * ANONYMOUS_LIMIT
    assert [r.headers["ratelimit-remaining"] for r in responses] == ["2", "1", "0"]
    for response in responses:
        assert response.headers["ratelimit-limit"] == str(ANONYMOUS_LIMIT)
        assert 1 <= int(response.headers["ratelimit-reset"]) <= 60


async def test_beyond_the_limit_is_429_with_retry_after(client: AsyncTestClient) -> None:
    await _spend(client, ANONYMOUS_LIMIT)
    response = await client.get("/v1/regions/hunan")
    assert response.status_code == 429
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["status"] == 429
    assert response.headers["retry-after"] == response.headers["ratelimit-reset"]
    assert 1 <= int(response.headers["retry-after"]) <= 60
    assert response.headers["ratelimit-limit"] == str(ANONYMOUS_LIMIT)
    assert response.headers["ratelimit-remaining"] == "0"


async def test_probes_metrics_and_docs_are_not_limited(client: AsyncTestClient) -> None:
    await _spend(client, ANONYMOUS_LIMIT + 1)
    for path in ("/health/live", "/metrics", "/docs", "/schema/openapi.json"):
        response = await client.get(path)
        assert response.status_code == 200, path
        assert "ratelimit-limit" not in response.headers


async def test_a_valid_key_has_its_own_budget(
    client: AsyncTestClient, empty_settings: Settings
) -> None:
    token = await new_key(empty_settings, "curator", "write")
    await _spend(client, ANONYMOUS_LIMIT + 1)  # the address is spent
    keyed = await _spend(client, KEY_LIMIT + 1, Authorization=f"Bearer {token}")
    assert [r.status_code for r in keyed] == [200] * KEY_LIMIT + [429]
    assert keyed[0].headers["ratelimit-limit"] == str(KEY_LIMIT)
    write = await client.post(WRITE_PATH, headers={"Authorization": f"Bearer {token}"})
    assert write.status_code == 429


async def test_an_invalid_key_counts_against_the_address(client: AsyncTestClient) -> None:
    forged = {"Authorization": "Bearer ga_0123456789ab_" + "A" * 43}
    responses = await _spend(client, ANONYMOUS_LIMIT + 1, **forged)
    assert [r.status_code for r in responses] == [200] * ANONYMOUS_LIMIT + [429]
    assert (await client.get("/v1/indicators")).status_code == 429


async def test_zero_turns_the_limit_off(empty_settings: Settings) -> None:
    app = start_mid_window(guarded_app(limited(empty_settings, anonymous=0, per_key=0)))
    async with AsyncTestClient(app=app) as client:
        responses = await _spend(client, 20)
    assert {r.status_code for r in responses} == {200}
    assert all("ratelimit-limit" not in r.headers for r in responses)
