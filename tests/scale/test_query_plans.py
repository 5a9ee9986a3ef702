"""At 100k+ observations, every list query the API runs is answered from an index.

The test captures the SQL the app actually executes for each list request and asks PostgreSQL
for its plan: a sequential scan of a large table fails the test.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from typing import Any

import pytest
from litestar.testing import AsyncTestClient
from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import AsyncEngine

from service.app import create_app
from service.db.engine import create_engine
from service.db.migrate import upgrade
from service.observations.queries import MERGE_MAX_REGIONS
from service.services import services_of
from service.settings import Settings
from service.synth.dataset import SynthSpec
from service.synth.load import load_synthetic
from tests.databases import require_backend, temporary_database

pytestmark = pytest.mark.slow

SPEC = SynthSpec(regions=20_000, organizations=100_000, observations=150_000, seed=7)
LARGE_TABLES = {"observations", "citations", "regions", "organizations", "organization_regions"}
Statement = tuple[str, Any]


@pytest.fixture(scope="module")
def large_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    require_backend("postgresql")
    with temporary_database("postgresql", tmp_path_factory.mktemp("large")) as settings:
        upgrade(settings)
        asyncio.run(_load(settings))
        yield settings


async def _load(settings: Settings) -> None:
    engine = create_engine(settings)
    try:
        await load_synthetic(engine, SPEC)
    finally:
        await engine.dispose()


async def _sample(engine: AsyncEngine, sql: str) -> str:
    """An id from the data, so each filter is exercised with a value that matches."""
    async with engine.connect() as connection:
        return str(await connection.scalar(text(sql)))


def _list_requests(
    region: str, leaf: str, organization: str, country: str, observation: str
) -> list[str]:
    return [
        "/v1/regions?limit=100",
        "/v1/regions?q=zhou&limit=100",
        f"/v1/regions?parent={region}&limit=100",
        f"/v1/regions/{region}/children?limit=100",
        "/v1/organizations?limit=100",
        "/v1/organizations?q=tech&limit=100",
        "/v1/organizations?sector=photonics&limit=100",
        f"/v1/organizations?region={region}&limit=100",
        "/v1/observations?limit=100",
        f"/v1/observations?region={leaf}&limit=100",
        f"/v1/observations?region={region}&include_subregions=true&limit=100",
        # A subtree too large to merge region by region: the id order is walked instead.
        f"/v1/observations?region={country}&include_subregions=true&limit=100",
        f"/v1/regions/{region}",
        f"/v1/observations/{observation}",
        f"/v1/observations?organization={organization}&limit=100",
        "/v1/observations?indicator=synth-gdp&limit=100",
        "/v1/observations?period_from=2010-01-01&period_to=2010-12-31&limit=100",
        "/v1/indicators?limit=100",
        "/v1/sources?limit=100",
    ]


async def test_every_list_query_uses_an_index(large_settings: Settings) -> None:
    app = create_app(large_settings)
    captured: list[Statement] = []

    def capture(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        captured.append((statement, parameters))

    # The app runs on the test client's own event loop: plans are asked on a separate engine.
    explainer = create_engine(large_settings)
    try:
        region = await _sample(explainer, "SELECT id FROM regions WHERE kind = 'province' LIMIT 1")
        leaf = await _sample(explainer, "SELECT id FROM regions WHERE kind = 'district' LIMIT 1")
        organization = await _sample(
            explainer,
            "SELECT organization_id FROM observations WHERE organization_id IS NOT NULL LIMIT 1",
        )
        country = await _sample(
            explainer,
            "SELECT top.id FROM regions top WHERE top.kind = 'country' AND (SELECT count(*) "
            f"FROM regions r WHERE r.path LIKE top.path || '/%') > {MERGE_MAX_REGIONS} LIMIT 1",
        )
        observation = await _sample(explainer, "SELECT id FROM observations LIMIT 1")
        event.listen(services_of(app).engine.sync_engine, "before_cursor_execute", capture)
        # The hot reads run on asyncpg directly, outside the engine: their statements too.
        services_of(app).driver_pool.add_query_logger(
            lambda logged: captured.append((logged.query, logged.args))
        )
        scans: dict[str, list[str]] = {}
        async with AsyncTestClient(app=app) as client:
            for url in _list_requests(region, leaf, organization, country, observation):
                captured.clear()
                assert (await client.get(url)).status_code == 200, url
                for statement, parameters in list(captured):
                    found = await _seq_scans(explainer, statement, parameters)
                    scans.setdefault(url, []).extend(found)
    finally:
        await explainer.dispose()
    offenders = {url: tables for url, tables in scans.items() if tables}
    assert offenders == {}, f"sequential scans of large tables: {offenders}"


async def _seq_scans(engine: AsyncEngine, statement: str, parameters: Any) -> list[str]:
    async with engine.connect() as connection:
        result = await connection.exec_driver_sql(
            "EXPLAIN (FORMAT JSON) " + statement, tuple(parameters)
        )
        plan = result.scalar_one()
    plan_json = (json.loads(plan) if isinstance(plan, str) else plan)[0]
    return [
        node["Relation Name"]
        for node in _nodes(plan_json["Plan"])
        if node["Node Type"] == "Seq Scan" and node.get("Relation Name") in LARGE_TABLES
    ]


def _nodes(node: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield node
    for child in node.get("Plans", []):
        yield from _nodes(child)
