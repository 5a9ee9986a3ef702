"""The application factory: all state hangs off the app it builds, none off the module."""

from __future__ import annotations

from contextlib import AsyncExitStack

from litestar import Litestar
from litestar.datastructures import State
from litestar.di import Provide
from litestar.middleware import DefineMiddleware
from litestar.types import ControllerRouterHandler, Middleware

from service.auth.reads import read_access
from service.candidates.controller import CandidateController
from service.changes.controller import ChangeController
from service.dependencies import resolve_dependencies_in_turn
from service.docs import docs_router
from service.edge import Edge
from service.errors import exception_handlers
from service.exports.routes import router as exports
from service.hardening import cors_config
from service.indicators.routes import router as indicators
from service.observability.logs import logging_config
from service.observability.requests import RequestRecords
from service.observations.routes import router as observations
from service.openapi import openapi_config
from service.organizations.routes import router as organizations
from service.pages.controller import pages_router
from service.pages.templating import template_config
from service.platform import live, ready
from service.platform import metrics as metrics_endpoint
from service.query_guard import StrictQuery
from service.ratelimit.limiter import CountRequests, RateLimiter
from service.ratelimit.setup import rate_limiter
from service.reading.controller import ExtractController
from service.regions.routes import router as regions
from service.representations.caching import HttpCaching
from service.representations.respond import provide_representation
from service.response_cache.middleware import ResponseCaching
from service.search.controller import SearchController
from service.services import (
    STATE_KEY,
    Services,
    database_provider,
    open_services,
    pager_provider,
    provide_gazetteer,
)
from service.settings import Settings
from service.sources.routes import router as sources

ROUTES: list[ControllerRouterHandler] = [
    regions,
    organizations,
    indicators,
    observations,
    sources,
    SearchController,
    ChangeController,
    exports,
    ExtractController,
    CandidateController,
]


def create_app(settings: Settings | None = None) -> Litestar:
    """Build the service for `settings` (by default, read from the environment)."""
    settings = settings or Settings.from_env()
    resolve_dependencies_in_turn()
    closing = AsyncExitStack()
    services = open_services(settings, closing)

    listener = services.cache_listener
    # Repeats are answered before routing, unless Litestar's CORS layer must see every answer,
    # or reads need a key (checked inside the app, before the innermost layer's lookup); none
    # are when the cache has no room.
    edge_hits = (
        not settings.cors_allow_origins
        and settings.anonymous_reads
        and settings.response_cache_bytes > 0
    )
    limiter = rate_limiter(settings, services.redis, services.engine)
    app = Litestar(
        route_handlers=[*ROUTES, docs_router(), pages_router(), live, ready, metrics_endpoint],
        dependencies=_dependencies(services),
        exception_handlers=exception_handlers(settings.max_request_body_bytes),
        before_request=StrictQuery(),
        middleware=_middleware(settings, services, limiter, edge_hits=edge_hits),
        cors_config=cors_config(settings.cors_allow_origins),
        request_max_body_size=settings.max_request_body_bytes,
        openapi_config=openapi_config(settings.public_url),
        template_config=template_config(),
        state=State({STATE_KEY: services}),
        logging_config=logging_config(settings),
        on_startup=[listener.start] if listener is not None else [],
        on_shutdown=[closing.aclose],
    )
    # Outside Litestar's routing and error handling, so every request is logged and counted.
    app.asgi_handler = Edge(
        app.asgi_handler,
        RequestRecords(services.metrics),
        limiter,
        services.response_cache if edge_hits else None,
        services.cache_watch,
    )
    return app


def _dependencies(services: Services) -> dict[str, Provide]:
    def provide_services() -> Services:
        return services

    return {
        "services": Provide(provide_services, sync_to_thread=False),
        "db": Provide(database_provider(services)),
        "gazetteer": Provide(provide_gazetteer),
        "pager": Provide(pager_provider(services)),
        "representation": Provide(provide_representation, sync_to_thread=False),
    }


def _middleware(
    settings: Settings, services: Services, limiter: RateLimiter | None, *, edge_hits: bool
) -> list[Middleware]:
    """Innermost last. HttpCaching sees each body as its handler encoded it, or as the response
    cache kept it; the response cache serves hits itself only when the edge does not."""
    keeping = DefineMiddleware(
        ResponseCaching,
        cache=services.response_cache,
        watch=None if edge_hits else services.cache_watch,
        serve_hits=not edge_hits,
    )
    return [
        *([DefineMiddleware(CountRequests, limiter=limiter)] if limiter is not None else []),
        *read_access(settings),
        HttpCaching,
        # A cache of no bytes is never enabled: its layer would only pass every request on.
        *([keeping] if settings.response_cache_bytes > 0 else []),
    ]
