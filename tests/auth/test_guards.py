"""Writes need `Authorization: Bearer <key>` with the right scope: 401, 403, or through."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from litestar.testing import AsyncTestClient

from service.settings import Settings
from tests.auth.support import ADMIN_PATH, WRITE_PATH, guarded_app, revoke
from tests.keys import new_key

CHALLENGE = 'Bearer realm="growth-atlas"'
INVALID_TOKEN = 'Bearer realm="growth-atlas", error="invalid_token"'


@pytest.fixture
async def client(empty_settings: Settings) -> AsyncIterator[AsyncTestClient]:
    async with AsyncTestClient(app=guarded_app(empty_settings)) as test_client:
        yield test_client


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def test_no_key_is_401_with_a_bearer_challenge(client: AsyncTestClient) -> None:
    response = await client.post(WRITE_PATH)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == CHALLENGE
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["status"] == 401
    assert "Authorization: Bearer" in response.json()["detail"]


@pytest.mark.parametrize(
    "authorization",
    [
        "Bearer ga_0123456789ab_" + "A" * 43,  # well formed, unknown
        "Bearer not-a-key",
        "Bearer ",
        "Basic dXNlcjpwYXNz",
        "Bearer ga_0123456789ab_" + "A" * 43 + "'; DROP TABLE api_keys; --",
    ],
)
async def test_an_invalid_key_is_401_invalid_token(
    client: AsyncTestClient, authorization: str
) -> None:
    response = await client.post(WRITE_PATH, headers={"Authorization": authorization})
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == INVALID_TOKEN
    assert response.headers["content-type"] == "application/problem+json"


async def test_a_write_key_writes_and_is_named_as_the_actor(
    client: AsyncTestClient, empty_settings: Settings
) -> None:
    token = await new_key(empty_settings, "curator", "write")
    response = await client.post(WRITE_PATH, headers=_bearer(token))
    assert response.status_code == 200
    assert response.json() == {"actor": "curator"}


async def test_the_scheme_name_is_case_insensitive(
    client: AsyncTestClient, empty_settings: Settings
) -> None:
    token = await new_key(empty_settings, "curator", "write")
    response = await client.post(WRITE_PATH, headers={"Authorization": f"bearer {token}"})
    assert response.status_code == 200


async def test_a_write_key_lacks_admin_scope_403(
    client: AsyncTestClient, empty_settings: Settings
) -> None:
    token = await new_key(empty_settings, "curator", "write")
    response = await client.post(ADMIN_PATH, headers=_bearer(token))
    assert response.status_code == 403
    assert response.headers["content-type"] == "application/problem+json"
    assert "'admin'" in response.json()["detail"]
    assert "www-authenticate" not in response.headers


async def test_admin_includes_write(client: AsyncTestClient, empty_settings: Settings) -> None:
    token = await new_key(empty_settings, "lead", "admin")
    for path in (WRITE_PATH, ADMIN_PATH):
        response = await client.post(path, headers=_bearer(token))
        assert response.status_code == 200
        assert response.json() == {"actor": "lead"}


async def test_a_revoked_key_stops_working_at_once(
    client: AsyncTestClient, empty_settings: Settings
) -> None:
    token = await new_key(empty_settings, "curator", "write")
    assert (await client.post(WRITE_PATH, headers=_bearer(token))).status_code == 200
    await revoke(empty_settings, "curator")
    response = await client.post(WRITE_PATH, headers=_bearer(token))
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == INVALID_TOKEN


async def test_a_key_with_its_secret_altered_is_refused(
    client: AsyncTestClient, empty_settings: Settings
) -> None:
    token = await new_key(empty_settings, "curator", "write")
    last = "A" if token[-1] != "A" else "B"
    response = await client.post(WRITE_PATH, headers=_bearer(token[:-1] + last))
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == INVALID_TOKEN


async def test_reads_stay_public_whatever_the_key(client: AsyncTestClient) -> None:
    for headers in ({}, {"Authorization": "Bearer not-a-key"}):
        response = await client.get("/v1/regions", headers=headers)
        assert response.status_code == 200
