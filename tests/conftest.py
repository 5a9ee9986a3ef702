"""Fixtures: databases made by the migrations, apps made by `create_app`."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from litestar.testing import AsyncTestClient

from service.app import create_app
from service.db.engine import create_engine
from service.db.migrate import upgrade
from service.seeding.load import seed
from service.settings import Settings
from tests.databases import BACKENDS, require_backend, temporary_database

ROOT = Path(__file__).resolve().parents[1]
SEEDS_DIR = ROOT / "seeds"


def sqlite_settings(path: Path) -> Settings:
    return Settings(database_url=f"sqlite+aiosqlite:///{path}")


def migrated(settings: Settings) -> Settings:
    """The schema is made the one way production makes it: by the migrations."""
    upgrade(settings)
    return settings


async def seed_database(settings: Settings) -> None:
    engine = create_engine(settings)
    try:
        await seed(engine, SEEDS_DIR)
    finally:
        await engine.dispose()


@pytest.fixture(scope="session", params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """Each test that touches a database runs on SQLite and on PostgreSQL."""
    name: str = request.param
    require_backend(name)
    return name


@pytest.fixture
def empty_settings(backend: str, tmp_path: Path) -> Iterator[Settings]:
    """A migrated, empty database of this test's own."""
    with temporary_database(backend, tmp_path) as settings:
        yield migrated(settings)


@pytest.fixture(scope="session")
def seeded_settings(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    """A migrated and seeded database, shared read-only by the API tests."""
    with temporary_database(backend, tmp_path_factory.mktemp("seeded")) as settings:
        migrated(settings)
        asyncio.run(seed_database(settings))
        yield settings


@pytest.fixture
async def client(seeded_settings: Settings) -> AsyncIterator[AsyncTestClient]:
    """An httpx client talking to a fresh app over the seeded database."""
    async with AsyncTestClient(app=create_app(seeded_settings)) as test_client:
        yield test_client
