"""The seeded database plus the Chinese names the articles leave out, as a search fixture."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest
from litestar.testing import AsyncTestClient
from sqlalchemy import insert, select, update
from sqlmodel import col

from service.db.engine import create_engine
from service.db.tables import Indicator, Organization, Region
from service.regions.queries import search_text
from service.settings import Settings
from tests.conftest import RunningApp, shared_app
from tests.databases import temporary_database

# The names these places and companies go by in Chinese.
REGION_ALIASES = {
    "hunan": ["湖南", "湖南省"],
    "changsha": ["长沙", "长沙市"],
    "xiangjiang-new-area": ["湖南湘江新区"],
}
ORGANIZATION_ALIASES = {"zoomlion": ["中联重科"]}
RETAIL_SALES = {
    "id": "retail-sales",
    "name": "社会消费品零售总额",
    "description": "Total retail sales of consumer goods.",
    "unit": "CNY",
}


async def add_chinese_names(settings: Settings) -> None:
    engine = create_engine(settings)
    try:
        async with engine.begin() as connection:
            for region_id, chinese in REGION_ALIASES.items():
                name, aliases = (
                    await connection.execute(
                        select(col(Region.name), col(Region.aliases)).where(
                            col(Region.id) == region_id
                        )
                    )
                ).one()
                await connection.execute(
                    update(Region)
                    .where(col(Region.id) == region_id)
                    .values(
                        aliases=[*aliases, *chinese],
                        search_text=search_text(name, [*aliases, *chinese]),
                    )
                )
            for organization_id, chinese in ORGANIZATION_ALIASES.items():
                name, short_name, aliases = (
                    await connection.execute(
                        select(
                            col(Organization.name),
                            col(Organization.short_name),
                            col(Organization.aliases),
                        ).where(col(Organization.id) == organization_id)
                    )
                ).one()
                terms = [short_name or "", *aliases, *chinese]
                await connection.execute(
                    update(Organization)
                    .where(col(Organization.id) == organization_id)
                    .values(aliases=[*aliases, *chinese], search_text=search_text(name, terms))
                )
            await connection.execute(insert(Indicator).values(**RETAIL_SALES))
    finally:
        await engine.dispose()


@pytest.fixture(scope="module")
def search_settings(
    backend: str, seeded_template: Settings, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Settings]:
    directory = tmp_path_factory.mktemp("search")
    with temporary_database(backend, directory, template=seeded_template) as settings:
        asyncio.run(add_chinese_names(settings))
        yield settings


@pytest.fixture(scope="module")
def search_app(search_settings: Settings) -> Iterator[RunningApp]:
    """One app over the search database for the module: the tests only read."""
    with shared_app(search_settings) as running:
        yield running


@pytest.fixture
def search_client(search_app: RunningApp) -> AsyncTestClient[Any]:
    return search_app.client()
