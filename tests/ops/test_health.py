"""Liveness never touches the database; readiness says whether it answers."""

from __future__ import annotations

from litestar.testing import AsyncTestClient

from service.app import create_app
from service.settings import Settings

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
