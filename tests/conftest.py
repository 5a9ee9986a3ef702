"""Fixtures: databases made by the migrations, apps made by `create_app`.

Per backend and per run (per xdist worker), the migrations and the seed run once, into two
templates; a test that changes data gets a copy of one. The read-only API tests share one app per
backend over a seeded copy, each with a client of its own.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import msgspec
import pytest
from anyio.from_thread import BlockingPortal, start_blocking_portal
from litestar import Litestar
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


@pytest.hookimpl(trylast=True)  # after pytest has grouped the tests by their session fixtures
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Leave out the backends a test's `backends` mark does not name; start `slow` tests first.

    A test of what only PostgreSQL has, or of HTTP behaviour no backend changes, then neither
    builds a database it does not use nor reports a skip. A slow test started last would keep
    one core busy while the other has nothing left to run.
    """
    _deselect_other_backends(config, items)
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


def _deselect_other_backends(config: pytest.Config, items: list[pytest.Item]) -> None:
    kept, left_out = [], []
    for item in items:
        mark = item.get_closest_marker("backends")
        callspec = getattr(item, "callspec", None)
        backend = callspec.params.get("backend") if callspec is not None else None
        wanted = mark is None or backend is None or backend in mark.args
        (kept if wanted else left_out).append(item)
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = kept


@pytest.fixture(scope="session", params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """Each test that touches a database runs on SQLite and on PostgreSQL."""
    name: str = request.param
    require_backend(name)
    return name


@pytest.fixture(scope="session")
def migrated_template(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    """A database the migrations made, never connected to again: it is only copied."""
    with temporary_database(backend, tmp_path_factory.mktemp("migrated")) as settings:
        yield migrated(settings)


@pytest.fixture(scope="session")
def seeded_template(
    backend: str, migrated_template: Settings, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Settings]:
    """The migrated template with the seed loaded, never connected to again: it is only copied."""
    directory = tmp_path_factory.mktemp("seeded-template")
    with temporary_database(backend, directory, template=migrated_template) as settings:
        asyncio.run(seed_database(settings))
        yield settings


@pytest.fixture
def empty_settings(backend: str, migrated_template: Settings, tmp_path: Path) -> Iterator[Settings]:
    """A migrated, empty database of this test's own."""
    with temporary_database(backend, tmp_path, template=migrated_template) as settings:
        yield settings


@pytest.fixture
def writable_settings(
    backend: str, seeded_template: Settings, tmp_path: Path
) -> Iterator[Settings]:
    """A migrated and seeded database of this test's own, which it may change."""
    with temporary_database(backend, tmp_path, template=seeded_template) as settings:
        yield settings


@pytest.fixture(scope="session")
def seeded_settings(
    backend: str, seeded_template: Settings, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Settings]:
    """A migrated and seeded database, shared read-only by the API tests."""
    directory = tmp_path_factory.mktemp("seeded")
    with temporary_database(backend, directory, template=seeded_template) as settings:
        yield settings


@dataclass(frozen=True)
class RunningApp:
    """An app whose lifespan has begun, on the event loop of `portal`'s thread."""

    app: Litestar
    portal: BlockingPortal

    def client(self) -> AsyncTestClient[Any]:
        """A new httpx client of this app.

        It is not entered with `async with`, which would start the app's lifespan and a portal
        of its own; its transport holds nothing to close.
        """
        test_client: AsyncTestClient[Any] = AsyncTestClient(app=self.app)
        test_client.blocking_portal = self.portal
        return test_client


@contextmanager
def shared_app(database: Settings) -> Iterator[RunningApp]:
    """An app on `database` (and its other settings) for many tests, started once and stopped at
    the end of the block.

    Its anonymous rate limit is out of reach, as one client address makes all the tests'
    requests; tests/ratelimit checks the limits on apps of their own.
    """
    settings = msgspec.structs.replace(database, rate_limit_anonymous_per_minute=10**6)
    app = create_app(settings)
    # Like AsyncTestClient, the app runs on a loop of its own thread; unlike it, for many tests.
    with start_blocking_portal() as portal, portal.wrap_async_context_manager(app.lifespan()):
        yield RunningApp(app, portal)


@pytest.fixture(scope="session")
def seeded_app(seeded_settings: Settings) -> Iterator[RunningApp]:
    """One app per backend for the whole run, over the read-only seeded database."""
    with shared_app(seeded_settings) as running:
        yield running


@pytest.fixture
def client(seeded_app: RunningApp) -> AsyncTestClient[Any]:
    """An httpx client of this test's own, talking to the shared app over the seeded database."""
    return seeded_app.client()
