"""When the database cannot serve, clients get 503 problem+json with Retry-After, never a 500."""

from __future__ import annotations

import asyncio
import time

import pytest
from litestar.testing import AsyncTestClient
from sqlalchemy.engine import make_url

from service.app import create_app
from service.services import services_of
from service.settings import Settings
from tests.databases import terminate_backends


def _assert_unavailable(response_status: int, headers: dict[str, str], body: dict) -> None:
    assert response_status == 503
    assert headers["content-type"] == "application/problem+json"
    assert int(headers["retry-after"]) > 0
    assert body["status"] == 503
    assert "Traceback" not in body["detail"]


async def test_unreachable_postgresql_is_503_within_the_timeout() -> None:
    # Nothing listens on port 9 of the loopback: the connection is refused at once.
    settings = Settings(
        database_url="postgresql+asyncpg://postgres@127.0.0.1:9/none",
        db_pool_timeout_seconds=1,
    )
    async with AsyncTestClient(app=create_app(settings)) as client:
        started = time.monotonic()
        response = await client.get("/v1/regions/hunan")
        elapsed = time.monotonic() - started
    _assert_unavailable(response.status_code, dict(response.headers), response.json())
    assert elapsed < 5


async def test_exhausted_pool_is_503_not_a_hang(backend: str, seeded_settings: Settings) -> None:
    settings = Settings(
        database_url=seeded_settings.database_url,
        db_pool_size=1,
        db_max_overflow=0,
        db_pool_timeout_seconds=0.5,
    )
    app = create_app(settings)
    async with AsyncTestClient(app=app) as client, services_of(app).engine.connect() as held:
        await held.exec_driver_sql("SELECT 1")  # the only pooled connection, held busy
        # On PostgreSQL the hot reads have their own pool (asyncpg's): hold its only one too.
        driver_pool = services_of(app).driver_pool
        held_driver = await driver_pool.acquire() if driver_pool is not None else None
        try:
            # SQLite's prepared reads take no pooled connection (their one is always free):
            # an indicator is still read through the engine's pool.
            path = "/v1/indicators/gdp" if backend == "sqlite" else "/v1/regions/hunan"
            response = await asyncio.wait_for(client.get(path), timeout=10)
        finally:
            if held_driver is not None:  # opened on this test's event loop: closed on it too
                await driver_pool.release(held_driver)
                await driver_pool.close()
    _assert_unavailable(response.status_code, dict(response.headers), response.json())


# Only a database server can close pooled connections under the service. The database is this
# test's own: the connections it has closed are no other test's.
@pytest.mark.backends("postgresql")
async def test_pool_survives_the_server_closing_its_connections(
    writable_settings: Settings,
) -> None:
    app = create_app(writable_settings)
    async with AsyncTestClient(app=app) as client:
        assert (await client.get("/v1/regions/hunan")).status_code == 200
        database = make_url(writable_settings.database_url).database
        await terminate_backends(str(database))
        response = await client.get("/v1/regions/hunan")
    assert response.status_code == 200
