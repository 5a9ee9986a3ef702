"""`/health/live`, `/health/ready` and `/metrics`: for the platform, outside the /v1 contract."""

from __future__ import annotations

import asyncio
import logging
from http import HTTPStatus

from litestar import Response, get
from litestar.di import NamedDependency
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from redis.asyncio import Redis
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from schemas.problems import Problem
from service.errors import RETRY_AFTER_SECONDS, problem_response
from service.services import Services

READY_TIMEOUT_SECONDS = 2.0

logger = logging.getLogger("growth_atlas.health")


@get("/health/live", include_in_schema=False, sync_to_thread=False)
def live() -> dict[str, str]:
    """The process answers; no I/O, so a slow database never gets a healthy pod restarted."""
    return {"status": "ok"}


@get("/health/ready", include_in_schema=False)
async def ready(
    services: NamedDependency[Services],
) -> Response[dict[str, str]] | Response[Problem]:
    """Ready to serve: the database (and Redis, when configured) answer within a short timeout."""
    checks = {"database": _ping(services.engine)}
    if services.redis is not None:
        checks["redis"] = _ping_redis(services.redis)
    for name, check in checks.items():
        try:
            await asyncio.wait_for(check, READY_TIMEOUT_SECONDS)
        except Exception:  # any failure at all means not ready
            for pending in checks.values():
                pending.close()
            return problem_response(
                HTTPStatus.SERVICE_UNAVAILABLE,
                f"The {name} does not answer.",
                headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
            )
    return Response({"status": "ready"})


@get("/metrics", include_in_schema=False, media_type=CONTENT_TYPE_LATEST)
async def metrics(services: NamedDependency[Services]) -> bytes:
    registry = services.metrics
    try:
        revision = await asyncio.wait_for(_schema_revision(services.engine), READY_TIMEOUT_SECONDS)
        registry.set_schema_revision(revision)
    except Exception:  # the scrape still answers, with the last revision seen
        logger.warning("could not read the schema revision for /metrics", exc_info=True)
    return generate_latest(registry.registry)


async def _ping(engine: AsyncEngine) -> None:
    async with engine.connect() as connection:
        await connection.execute(text("SELECT 1"))


async def _ping_redis(redis: Redis) -> None:
    await redis.ping()


async def _schema_revision(engine: AsyncEngine) -> str:
    async with engine.connect() as connection:
        return str(await connection.scalar(text("SELECT version_num FROM alembic_version")))
