"""Every request gives its database connection back, whatever goes wrong with its input."""

from __future__ import annotations

import gc

import pytest
from litestar.testing import AsyncTestClient

from service.app import create_app
from service.services import services_of
from service.settings import Settings


@pytest.mark.parametrize(
    "url",
    [
        "/v1/regions?limit=0",
        "/v1/regions?limit=abc",
        "/v1/observations?cursor=" + "x" * 600,
        "/v1/observations?limit=9999&region=hunan",
        "/v1/organizations?kind=spaceship",
        "/v1/regions/hunan/children?limit=-1",
        "/v1/regions?cursor=garbage",
    ],
)
async def test_bad_input_leaves_no_connection_checked_out(
    seeded_settings: Settings, url: str
) -> None:
    settings = Settings(
        database_url=seeded_settings.database_url, db_pool_size=1, db_max_overflow=0
    )
    app = create_app(settings)
    async with AsyncTestClient(app=app) as client:
        for _ in range(3):
            assert (await client.get(url)).status_code == 400
        gc.collect()
        # With one pooled connection, a leak would make this wait and then answer 503.
        assert (await client.get("/v1/regions/hunan")).status_code == 200
        assert services_of(app).engine.sync_engine.pool.checkedout() == 0
