"""The application factory: all state hangs off the app it builds, none off the module."""

from __future__ import annotations

from pathlib import Path

from litestar import Controller, Litestar
from litestar.datastructures import State
from litestar.di import Provide
from litestar.middleware import DefineMiddleware
from redis.asyncio import Redis

from service.caching import HttpCaching
from service.candidates.controller import CandidateController
from service.candidates.gazetteer import GazetteerCache
from service.changes.controller import ChangeController
from service.curation.engine import create_write_engine
from service.db.connection import provide_database
from service.db.engine import create_driver_pool, create_engine
from service.docs import docs_router
from service.errors import EXCEPTION_HANDLERS
from service.exports.controller import ExportController
from service.hardening import SecurityHeaders, cors_config
from service.indicators.controller import IndicatorController
from service.indicators.writes import IndicatorWriteController
from service.observability.endpoints import live, ready
from service.observability.endpoints import metrics as metrics_endpoint
from service.observability.logs import logging_config
from service.observability.metrics import Metrics
from service.observability.requests import RequestObserver
from service.observations.controller import ObservationController
from service.observations.writes import ObservationWriteController
from service.openapi import openapi_config
from service.organizations.controller import OrganizationController
from service.organizations.writes import OrganizationWriteController
from service.pages.controller import pages_router
from service.pages.templating import template_config
from service.pagination import CursorCodec, provide_pager
from service.query_guard import strict_query
from service.ratelimit.setup import rate_limiting
from service.reading.controller import ExtractController
from service.regions.controller import RegionController
from service.regions.writes import RegionWriteController
from service.representations.respond import provide_representation
from service.response_cache.middleware import ResponseCaching
from service.response_cache.setup import response_cache
from service.search.controller import SearchController
from service.settings import Settings
from service.sources.controller import SourceController
from service.sources.writes import SourceWriteController


def resource(reads: type[Controller], writes: type[Controller]) -> type[Controller]:
    """One controller per path: Litestar refuses two controllers that share a path."""
    return type(reads.__name__, (reads, writes), {})


CONTROLLERS = [
    *(
        resource(reads, writes)
        for reads, writes in (
            (RegionController, RegionWriteController),
            (OrganizationController, OrganizationWriteController),
            (IndicatorController, IndicatorWriteController),
            (ObservationController, ObservationWriteController),
            (SourceController, SourceWriteController),
        )
    ),
    SearchController,
    ChangeController,
    ExportController,
    ExtractController,
    CandidateController,
]


def create_app(settings: Settings | None = None) -> Litestar:
    """Build the service for `settings` (by default, read from the environment)."""
    settings = settings or Settings.from_env()
    engine = create_engine(settings, autocommit=True)
    driver_pool = create_driver_pool(settings)
    write_engine = create_write_engine(settings)
    cache, cache_listener = response_cache(settings)
    metrics = Metrics(engine, Path(settings.seeds_dir) / "facts.yaml", cache)

    # Short socket timeouts: a hung Redis must not hold requests (the rate limiter fails open).
    redis = (
        Redis.from_url(settings.redis_url, socket_timeout=1.0, socket_connect_timeout=1.0)
        if settings.redis_url
        else None
    )

    async def close_pool() -> None:
        if cache_listener is not None:
            await cache_listener.stop()
        await engine.dispose()
        if driver_pool is not None:
            await driver_pool.close()
        await write_engine.dispose()
        if redis is not None:
            await redis.aclose()

    app = Litestar(
        route_handlers=[*CONTROLLERS, docs_router(), pages_router(), live, ready, metrics_endpoint],
        dependencies={
            "db": Provide(provide_database),
            "pager": Provide(provide_pager, sync_to_thread=False),
            "representation": Provide(provide_representation, sync_to_thread=False),
        },
        exception_handlers=EXCEPTION_HANDLERS,
        before_request=strict_query,
        # HttpCaching sees each body as its handler encoded it, or as the response cache kept it.
        middleware=[
            *rate_limiting(settings, redis),
            HttpCaching,
            DefineMiddleware(ResponseCaching, cache=cache),
        ],
        cors_config=cors_config(settings.cors_allow_origins),
        request_max_body_size=settings.max_request_body_bytes,
        openapi_config=openapi_config(settings.public_url),
        template_config=template_config(),
        state=State(
            {
                "settings": settings,
                "engine": engine,
                "driver_pool": driver_pool,
                "write_engine": write_engine,
                "cursor_codec": CursorCodec(settings.cursor_secret),
                "metrics": metrics,
                "response_cache": cache,
                "redis": redis,
                "gazetteers": GazetteerCache(),
            }
        ),
        logging_config=logging_config(settings),
        on_startup=[cache_listener.start] if cache_listener is not None else [],
        on_shutdown=[close_pool],
    )
    app.asgi_handler = SecurityHeaders(app.asgi_handler)
    # Outside Litestar's routing and error handling, so every request is logged and counted.
    app.asgi_handler = RequestObserver(app.asgi_handler, metrics)
    return app
