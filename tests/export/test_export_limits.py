"""Exports are bounded per process and read on connections of their own."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from service.app import create_app
from service.services import services_of
from service.settings import Settings
from tests.api.support import assert_problem

EXPORTS = ("/v1/observations/export", "/v1/organizations/export", "/v1/regions/export")


@pytest.fixture
def app(seeded_settings: Settings) -> Litestar:
    # One connection for the reads, none to spare: exports must not need it.
    settings = Settings(
        database_url=seeded_settings.database_url,
        max_concurrent_exports=2,
        db_pool_size=1,
        db_max_overflow=0,
        db_pool_timeout_seconds=0.5,
    )
    return create_app(settings)


@pytest.fixture
async def client(app: Litestar) -> AsyncIterator[AsyncTestClient[Any]]:
    async with AsyncTestClient(app=app) as test_client:
        yield test_client


@pytest.mark.parametrize("path", EXPORTS)
async def test_beyond_the_bound_an_export_is_503_with_retry_after(
    app: Litestar, client: AsyncTestClient[Any], path: str
) -> None:
    slots = services_of(app).exports
    streaming = [slots.take(), slots.take()]  # two exports streaming

    refused = await client.get(path)
    assert_problem(refused, 503)
    assert int(refused.headers["retry-after"]) > 0

    streaming.pop()()  # one ends
    assert (await client.get(path)).status_code == 200
    assert slots.active == 1


async def test_a_slot_is_given_back_whatever_way_the_export_ends(
    app: Litestar, client: AsyncTestClient[Any]
) -> None:
    slots = services_of(app).exports
    for path in EXPORTS:
        assert (await client.get(path)).status_code == 200
    # Refused before streaming: incompatible units.
    refused = await client.get("/v1/observations/export", params={"unit": "percent"})
    assert refused.status_code == 400
    assert slots.active == 0


async def test_exports_do_not_need_the_reads_connections(
    app: Litestar, client: AsyncTestClient[Any]
) -> None:
    engine = services_of(app).engine
    async with engine.connect() as held:  # the reads' only connection, busy
        await held.exec_driver_sql("SELECT 1")
        response = await client.get("/v1/organizations/export")
    assert response.status_code == 200
    assert len(response.text.splitlines()) > 1
