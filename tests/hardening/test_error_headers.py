"""Every error is `no-store` and carries the security headers, whoever raised it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import msgspec
import pytest
from litestar.testing import AsyncTestClient

from service.hardening import API_POLICY
from service.settings import Settings
from tests.conftest import seed_database
from tests.hardening.support import ECHO_PATH, probed_app
from tests.keys import new_key

SECURITY = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "content-security-policy": API_POLICY,
}
INDICATOR = {"id": "exports", "name": "Exports", "description": "Goods sold.", "unit": "CNY"}


def assert_error_headers(response: httpx.Response, status: int) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.headers.get_list("cache-control") == ["no-store"]
    for name, value in SECURITY.items():
        assert response.headers[name] == value, name


@pytest.fixture
async def keyed(empty_settings: Settings) -> AsyncIterator[tuple[AsyncTestClient[Any], str]]:
    await seed_database(empty_settings)
    key = await new_key(empty_settings, "errors")
    settings = msgspec.structs.replace(
        empty_settings, max_request_body_bytes=1024, rate_limit_anonymous_per_minute=3
    )
    async with AsyncTestClient(app=probed_app(settings)) as client:
        yield client, key


async def test_errors_before_and_inside_handlers(keyed: tuple[AsyncTestClient[Any], str]) -> None:
    client, key = keyed
    auth = {"Authorization": f"Bearer {key}"}
    cases: list[tuple[int, Any]] = [
        (404, client.get("/v1/nowhere")),
        (404, client.post("/v1/nowhere/deeper", json={})),
        (401, client.post("/v1/indicators", json=INDICATOR)),
        (405, client.put("/v1/indicators/gdp", json=INDICATOR, headers=auth)),
        (409, client.post("/v1/indicators", json=INDICATOR | {"id": "gdp"}, headers=auth)),
        (412, client.patch("/v1/indicators/gdp", json={}, headers={**auth, "If-Match": '"x"'})),
        (413, client.post(ECHO_PATH, content=b"x" * 2048)),
        (428, client.patch("/v1/indicators/gdp", json={}, headers=auth)),
        (500, client.post("/v1/failing-probe", headers=auth)),
    ]
    for status, request in cases:
        assert_error_headers(await request, status)
    replay = {**auth, "Idempotency-Key": "k"}
    await client.post("/v1/indicators", json=INDICATOR, headers=replay)
    other = await client.post("/v1/indicators", json=INDICATOR | {"id": "x"}, headers=replay)
    assert_error_headers(other, 422)


async def test_a_rate_limited_answer_is_not_stored(keyed: tuple[AsyncTestClient[Any], str]) -> None:
    client, _ = keyed
    responses = [await client.get("/v1/indicators/gdp") for _ in range(4)]
    assert [r.status_code for r in responses] == [200, 200, 200, 429]
    assert_error_headers(responses[-1], 429)
    assert responses[0].headers["cache-control"] != "no-store"
