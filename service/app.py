"""The application factory: all state hangs off the app it builds, none off the module."""

from __future__ import annotations

from pathlib import Path

from litestar import Litestar
from litestar.datastructures import State
from litestar.di import Provide
from redis.asyncio import Redis

from service.db.engine import create_engine
from service.dependencies import provide_db
from service.docs import docs_router
from service.errors import EXCEPTION_HANDLERS
from service.indicators.controller import IndicatorController
from service.observability.endpoints import live, ready
from service.observability.endpoints import metrics as metrics_endpoint
from service.observability.logs import logging_config
from service.observability.metrics import Metrics
from service.observability.requests import RequestObserver
from service.observations.controller import ObservationController
from service.openapi import openapi_config
from service.organizations.controller import OrganizationController
from service.pagination import CursorCodec, provide_pager
from service.query_guard import strict_query
from service.regions.controller import RegionController
from service.settings import Settings
from service.sources.controller import SourceController

CONTROLLERS = [
    RegionController,
    OrganizationController,
    IndicatorController,
    ObservationController,
    SourceController,
]


def create_app(settings: Settings | None = None) -> Litestar:
    """Build the service for `settings` (by default, read from the environment)."""
    settings = settings or Settings.from_env()
    engine = create_engine(settings, autocommit=True)
    metrics = Metrics(engine, Path(settings.seeds_dir) / "facts.yaml")

    redis = Redis.from_url(settings.redis_url) if settings.redis_url else None

    async def close_pool() -> None:
        await engine.dispose()
        if redis is not None:
            await redis.aclose()

    app = Litestar(
        route_handlers=[*CONTROLLERS, docs_router(), live, ready, metrics_endpoint],
        dependencies={
            "db": Provide(provide_db),
            "pager": Provide(provide_pager, sync_to_thread=False),
        },
        exception_handlers=EXCEPTION_HANDLERS,
        before_request=strict_query,
        openapi_config=openapi_config(settings.public_url),
        state=State(
            {
                "settings": settings,
                "engine": engine,
                "cursor_codec": CursorCodec(settings.cursor_secret),
                "metrics": metrics,
                "redis": redis,
            }
        ),
        logging_config=logging_config(settings),
        on_shutdown=[close_pool],
    )
    # Outside Litestar's routing and error handling, so every request is logged and counted.
    app.asgi_handler = RequestObserver(app.asgi_handler, metrics)
    return app
