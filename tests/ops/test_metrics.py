"""`/metrics` speaks Prometheus: requests by route template and status, pool, versions."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from alembic.script import ScriptDirectory
from litestar.testing import AsyncTestClient
from prometheus_client.parser import text_string_to_metric_families

from service.app import create_app
from service.db.migrate import alembic_config
from service.settings import Settings


async def _samples(client: AsyncTestClient) -> dict[str, list[tuple[dict[str, str], float]]]:
    response = await client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    found: dict[str, list[tuple[dict[str, str], float]]] = {}
    for family in text_string_to_metric_families(response.text):
        for sample in family.samples:
            found.setdefault(sample.name, []).append((sample.labels, sample.value))
    return found


@pytest.fixture
async def client(seeded_settings: Settings) -> AsyncIterator[AsyncTestClient]:
    """An app of each test's own: the one the API tests share counts all their requests."""
    async with AsyncTestClient(app=create_app(seeded_settings)) as test_client:
        yield test_client


async def test_requests_are_counted_by_route_template_and_status(client: AsyncTestClient) -> None:
    await client.get("/v1/regions/hunan")
    await client.get("/v1/regions/changsha")
    await client.get("/v1/regions/atlantis")
    samples = await _samples(client)
    counts = {
        (labels["route"], labels["status"]): value
        for labels, value in samples["growth_atlas_http_requests_total"]
    }
    assert counts[("/v1/regions/{region_id}", "200")] == 2
    assert counts[("/v1/regions/{region_id}", "404")] == 1
    latency = samples["growth_atlas_http_request_duration_seconds_count"]
    assert any(labels["route"] == "/v1/regions/{region_id}" for labels, _ in latency)


async def test_pool_in_flight_and_versions_are_exposed(client: AsyncTestClient) -> None:
    samples = await _samples(client)
    states = {labels["state"] for labels, _ in samples["growth_atlas_db_pool_connections"]}
    assert states == {"in_use", "idle"}
    assert samples["growth_atlas_http_requests_in_flight"][0][1] >= 1  # the scrape itself
    (revision, _), *_ = samples["growth_atlas_schema_revision_info"]
    head = ScriptDirectory.from_config(alembic_config(Settings())).get_current_head()
    assert revision["revision"] == head
    (seed, _), *_ = samples["growth_atlas_seed_info"]
    assert len(seed["facts_sha256"]) == 16
