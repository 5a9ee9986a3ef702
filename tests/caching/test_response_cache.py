"""Repeated GETs are answered from memory, and no change of the data is ever hidden by it.

Two app instances on one database stand for two replicas. On PostgreSQL the cache is on while
its change listener is; on SQLite it checks `PRAGMA data_version` before each answer, so there a
change is seen by the very next read, whoever made it.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import msgspec
import pytest
from litestar.testing import AsyncTestClient
from sqlalchemy import text

from service.app import create_app
from service.db.engine import create_engine
from service.response_cache.listener import APPLICATION_NAME
from service.settings import Settings
from tests.keys import new_key

REGION = "/v1/regions/hunan"
PROPAGATION_LIMIT = 2.0


@dataclass(frozen=True)
class Replicas:
    writer: AsyncTestClient[Any]
    reader: AsyncTestClient[Any]
    auth: dict[str, str]
    settings: Settings


@pytest.fixture
async def replicas(writable_settings: Settings) -> AsyncIterator[Replicas]:
    key = await new_key(writable_settings, "newsroom")
    async with (
        AsyncTestClient(app=create_app(writable_settings)) as writer,
        AsyncTestClient(app=create_app(writable_settings)) as reader,
    ):
        yield Replicas(writer, reader, {"Authorization": f"Bearer {key}"}, writable_settings)


async def cache_metrics(client: AsyncTestClient[Any]) -> dict[str, float]:
    lines = (await client.get("/metrics")).text.splitlines()
    return {
        name: float(value)
        for name, _, value in (line.rpartition(" ") for line in lines)
        if name.startswith("growth_atlas_response_cache")
    }


async def wait_for_cache(client: AsyncTestClient[Any], enabled: bool) -> None:
    deadline = time.monotonic() + 10
    while (await cache_metrics(client))["growth_atlas_response_cache_enabled"] != enabled:
        assert time.monotonic() < deadline, f"the cache never turned {'on' if enabled else 'off'}"
        await asyncio.sleep(0.05)


async def hits(client: AsyncTestClient[Any]) -> float:
    return (await cache_metrics(client))['growth_atlas_response_cache_lookups_total{outcome="hit"}']


async def rename(replicas: Replicas, name: str) -> None:
    current = await replicas.writer.get(REGION)
    response = await replicas.writer.patch(
        REGION, json={"name": name}, headers={**replicas.auth, "If-Match": current.headers["etag"]}
    )
    assert response.status_code == 200, response.text


async def seconds_until_seen(client: AsyncTestClient[Any], name: str) -> float:
    started = time.monotonic()
    while (await client.get(REGION)).json()["name"] != name:
        assert time.monotonic() - started < PROPAGATION_LIMIT, f"{name!r} not served in time"
        await asyncio.sleep(0.01)
    return time.monotonic() - started


async def run_sql(settings: Settings, sql: str, parameters: dict[str, str]) -> None:
    """One statement on a connection of its own, as a tool other than the service would."""
    engine = create_engine(settings)
    try:
        async with engine.begin() as connection:
            await connection.execute(text(sql), parameters)
    finally:
        await engine.dispose()


async def rename_outside_the_service(settings: Settings, name: str) -> None:
    await run_sql(settings, "UPDATE regions SET name = :name WHERE id = 'hunan'", {"name": name})


# The cache serves only with PostgreSQL's change notifications.
postgresql = pytest.mark.backends("postgresql")


async def test_a_write_is_seen_by_the_next_read_on_the_same_replica(replicas: Replicas) -> None:
    for _ in range(2):
        assert (await replicas.writer.get(REGION)).json()["name"] == "Hunan"

    await rename(replicas, "Hunan Province")

    assert (await replicas.writer.get(REGION)).json()["name"] == "Hunan Province"


async def test_a_repeated_read_is_served_from_memory_with_the_same_answer(
    replicas: Replicas,
) -> None:
    await wait_for_cache(replicas.reader, enabled=True)
    before = await hits(replicas.reader)

    first, second = [await replicas.reader.get(REGION) for _ in range(2)]
    revalidated = await replicas.reader.get(
        REGION, headers={"If-None-Match": first.headers["etag"]}
    )

    assert await hits(replicas.reader) == before + 2
    assert second.content == first.content
    for header in ("etag", "cache-control", "vary", "content-type", "content-length"):
        assert second.headers[header] == first.headers[header]
    assert revalidated.status_code == 304


async def test_cached_and_uncached_answers_are_the_same_bytes(replicas: Replicas) -> None:
    await wait_for_cache(replicas.reader, enabled=True)
    uncached = msgspec.structs.replace(replicas.settings, response_cache_bytes=0)
    async with AsyncTestClient(app=create_app(uncached)) as direct:
        for path in (REGION, "/v1/regions?limit=3", "/v1/observations?region=hunan&limit=2"):
            for accept in ("application/json", "text/csv", "application/msgpack"):
                headers = {"Accept": accept}
                # First: what the uncached app may write once (its cursor key) is then written.
                computed = await direct.get(path, headers=headers)
                await replicas.reader.get(path, headers=headers)
                before = await hits(replicas.reader)
                cached = await replicas.reader.get(path, headers=headers)
                assert await hits(replicas.reader) == before + 1
                assert cached.content == computed.content
                assert cached.headers["etag"] == computed.headers["etag"]


async def test_a_write_through_another_replica_reaches_the_cache(replicas: Replicas) -> None:
    await wait_for_cache(replicas.reader, enabled=True)
    for _ in range(2):
        await replicas.reader.get(REGION)

    await rename(replicas, "Hunan Province")

    assert await seconds_until_seen(replicas.reader, "Hunan Province") < PROPAGATION_LIMIT


async def test_a_change_made_outside_the_service_reaches_the_cache(replicas: Replicas) -> None:
    await wait_for_cache(replicas.reader, enabled=True)
    for _ in range(2):
        await replicas.reader.get(REGION)

    await rename_outside_the_service(replicas.settings, "Hunan Province")

    assert await seconds_until_seen(replicas.reader, "Hunan Province") < PROPAGATION_LIMIT


@postgresql
async def test_without_notifications_the_cache_is_off_until_they_return(
    replicas: Replicas,
) -> None:
    await wait_for_cache(replicas.reader, enabled=True)
    await replicas.reader.get(REGION)
    await run_sql(
        replicas.settings,
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        "WHERE application_name = :name AND datname = current_database()",
        {"name": APPLICATION_NAME},
    )
    await wait_for_cache(replicas.reader, enabled=False)

    await rename_outside_the_service(replicas.settings, "Hunan Province")
    assert (await replicas.reader.get(REGION)).json()["name"] == "Hunan Province"

    await wait_for_cache(replicas.reader, enabled=True)
    before = await hits(replicas.reader)
    for _ in range(2):
        await replicas.reader.get(REGION)
    assert await hits(replicas.reader) == before + 1


async def test_a_cached_answer_is_limited_logged_and_counted_like_any_other(
    replicas: Replicas,
) -> None:
    await wait_for_cache(replicas.reader, enabled=True)
    computed = await replicas.reader.get(REGION, headers={"X-Request-ID": "first"})
    before = await hits(replicas.reader)
    cached = await replicas.reader.get(REGION, headers={"X-Request-ID": "second"})
    assert await hits(replicas.reader) == before + 1

    assert cached.headers["x-request-id"] == "second"
    for header in ("ratelimit-limit", "content-security-policy", "x-content-type-options"):
        assert cached.headers[header] == computed.headers[header]
    assert int(cached.headers["ratelimit-remaining"]) < int(computed.headers["ratelimit-remaining"])
    metrics = (await replicas.reader.get("/metrics")).text
    counted = 'growth_atlas_http_requests_total{method="GET",route="/v1/regions/{region_id}",'
    assert f'{counted}status="200"}} 2.0' in metrics
