"""Liveness never touches the database; readiness says whether it answers."""

from __future__ import annotations

import socket

from litestar.testing import AsyncTestClient

from service.app import create_app
from service.settings import Settings
from tests.requirements import require

UNREACHABLE = Settings(
    database_url="postgresql+asyncpg://postgres@127.0.0.1:9/none", db_pool_timeout_seconds=1
)


async def test_live_answers_without_a_database() -> None:
    async with AsyncTestClient(app=create_app(UNREACHABLE)) as client:
        response = await client.get("/health/live")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


async def test_ready_is_503_problem_when_the_database_is_down() -> None:
    async with AsyncTestClient(app=create_app(UNREACHABLE)) as client:
        response = await client.get("/health/ready")
    assert response.status_code == 503
    assert response.headers["content-type"] == "application/problem+json"
    assert int(response.headers["retry-after"]) > 0


async def test_ready_when_the_database_answers(client: AsyncTestClient) -> None:
    response = await client.get("/health/ready")
    assert response.status_code == 200
    assert response.json() == {"status": "ready"}


async def test_health_endpoints_are_not_in_the_public_contract(client: AsyncTestClient) -> None:
    paths = (await client.get("/schema/openapi.json")).json()["paths"]
    assert not [path for path in paths if path.startswith(("/health", "/metrics"))]


def _redis_reachable() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1):
            return True
    except OSError:
        return False


async def test_ready_checks_redis_when_configured(seeded_settings: Settings) -> None:
    require(_redis_reachable(), "Redis is not reachable at 127.0.0.1:6379")
    settings = Settings(
        database_url=seeded_settings.database_url, redis_url="redis://127.0.0.1:6379/0"
    )
    async with AsyncTestClient(app=create_app(settings)) as client:
        response = await client.get("/health/ready")
    assert response.status_code == 200


async def test_not_ready_when_redis_is_down(seeded_settings: Settings) -> None:
    settings = Settings(
        database_url=seeded_settings.database_url, redis_url="redis://127.0.0.1:9/0"
    )
    async with AsyncTestClient(app=create_app(settings)) as client:
        response = await client.get("/health/ready")
    assert response.status_code == 503
    assert "redis" in response.json()["detail"]
