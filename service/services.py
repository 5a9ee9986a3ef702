"""The long-lived resources of one app, built once by `create_app` and handed out typed.

Handlers receive them as the `services` dependency; middlewares and guards, which Litestar
gives no dependencies, read them from the app with `services_of`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AsyncExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from litestar import Litestar, Request
from litestar.di import NamedDependency
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncEngine

from service.db.connection import Database
from service.db.driver import DriverPool
from service.db.engine import (
    create_driver_pool,
    create_engine,
    create_export_engine,
    create_write_engine,
    exports_pool,
)
from service.db.sqlite import SqliteReads, create_sqlite_reads
from service.exports.slots import ExportSlots
from service.extraction.gazetteer import Gazetteer
from service.gazetteer import GazetteerCache
from service.observability.metrics import Metrics
from service.pagination import DEFAULT_LIMIT, ID_KEY, KEY_OPT, CursorKeys, CursorParam, Limit, Pager
from service.response_cache.data_version import DataVersionWatch
from service.response_cache.listener import ChangeListener
from service.response_cache.setup import response_cache
from service.response_cache.store import ResponseCache
from service.settings import Settings

STATE_KEY = "services"


@dataclass(frozen=True, slots=True)
class Services:
    settings: Settings
    engine: AsyncEngine
    """The reads' engine, in autocommit."""
    driver_pool: DriverPool | None
    """The prepared hot reads' connections (PostgreSQL only)."""
    sqlite_reads: SqliteReads | None
    """The prepared hot reads' connections (SQLite only)."""
    write_engine: AsyncEngine
    export_engine: AsyncEngine
    export_driver_pool: DriverPool | None
    """The exports' prepared reads' connections (PostgreSQL only)."""
    """The exports' own connections, as many as exports may stream at once."""
    exports: ExportSlots
    response_cache: ResponseCache
    cache_listener: ChangeListener | None
    """What keeps the response cache in step with PostgreSQL (None on SQLite)."""
    cache_watch: DataVersionWatch | None
    """What keeps the response cache in step with SQLite (None on PostgreSQL)."""
    cursor_keys: CursorKeys
    metrics: Metrics
    redis: Redis | None
    gazetteers: GazetteerCache
    """What the database knows, as the extractor receives it, cached per app."""


def open_services(settings: Settings, closing: AsyncExitStack) -> Services:
    """Build every resource, each registered on `closing` as soon as it exists, so that closing
    the stack releases all of them even when one of them fails to close."""
    engine = create_engine(settings, autocommit=True)
    closing.push_async_callback(engine.dispose)
    driver_pool = create_driver_pool(settings)
    if driver_pool is not None:
        closing.push_async_callback(driver_pool.close)
    sqlite_reads = create_sqlite_reads(settings)
    if sqlite_reads is not None:
        closing.callback(sqlite_reads.close)
    write_engine = create_write_engine(settings)
    closing.push_async_callback(write_engine.dispose)
    export_engine = create_export_engine(settings)
    closing.push_async_callback(export_engine.dispose)
    export_driver_pool = create_driver_pool(exports_pool(settings))
    if export_driver_pool is not None:
        closing.push_async_callback(export_driver_pool.close)
    redis = _redis(settings)
    if redis is not None:
        closing.push_async_callback(redis.aclose)
    cache = response_cache(settings, sqlite_reads)
    if cache.listener is not None:  # closed first: it stops before the engines go
        closing.push_async_callback(cache.listener.stop)
    return Services(
        settings=settings,
        engine=engine,
        driver_pool=driver_pool,
        sqlite_reads=sqlite_reads,
        write_engine=write_engine,
        export_engine=export_engine,
        export_driver_pool=export_driver_pool,
        exports=ExportSlots(settings.max_concurrent_exports),
        response_cache=cache.cache,
        cache_listener=cache.listener,
        cache_watch=cache.watch,
        cursor_keys=CursorKeys(settings.cursor_secret, engine),
        metrics=Metrics(engine, Path(settings.seeds_dir) / "facts.yaml", cache.cache),
        redis=redis,
        gazetteers=GazetteerCache(),
    )


def _redis(settings: Settings) -> Redis | None:
    if not settings.redis_url:
        return None
    # Short socket timeouts: a hung Redis must not hold requests (the rate limiter fails open).
    return Redis.from_url(settings.redis_url, socket_timeout=1.0, socket_connect_timeout=1.0)


def services_of(app: Litestar) -> Services:
    """The services `create_app` built for `app`."""
    services = app.state[STATE_KEY]
    if not isinstance(services, Services):
        raise TypeError(f"app.state[{STATE_KEY!r}] holds {type(services).__name__}")
    return services


def database_provider(services: Services) -> Callable[[], AsyncIterator[Database]]:
    """The `db` dependency of the app `services` belong to. Bound to them, not resolved from
    the `services` dependency: every read resolves `db`, and one resolution fewer per request
    is a few per cent of a one-item GET."""

    async def provide_database() -> AsyncIterator[Database]:
        """Dependency: the request's database access; its connections go back after the
        response."""
        database = Database(services.engine, services.driver_pool, services.sqlite_reads)
        try:
            yield database
        finally:
            await database.close()

    return provide_database


async def provide_gazetteer(
    services: NamedDependency[Services], db: NamedDependency[Database]
) -> Gazetteer:
    """Dependency: what the database knows, as the extractor receives it."""
    return await services.gazetteers.get(db)


def pager_provider(services: Services) -> Callable[..., Awaitable[Pager]]:
    """The `pager` dependency of the app `services` belong to (bound to them, as `db`)."""

    async def provide_pager(
        request: Request[Any, Any, Any], limit: Limit = DEFAULT_LIMIT, cursor: CursorParam = None
    ) -> Pager:
        """Dependency: the pager of a list request (its cursor is checked when first read,
        against the shape its handler declares with `cursor_key`)."""
        query = dict(request.query_params.items())
        shape = request.route_handler.opt.get(KEY_OPT, ID_KEY)
        codec = await services.cursor_keys.codec()
        return Pager(codec, request.url.path, query, limit, cursor, shape)

    return provide_pager
