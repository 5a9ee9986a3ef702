"""Scopes: `read` < `write` (create, update) < `admin` (delete); closed reads need a key."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import msgspec
import pytest
from litestar.testing import AsyncTestClient

from service.app import create_app
from service.auth.guards import SECURITY_SCHEME
from service.settings import Settings
from tests.api.support import assert_problem
from tests.conftest import seed_database
from tests.keys import new_key

INDICATOR = {"id": "exports", "name": "Exports", "description": "Goods sold.", "unit": "CNY"}


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


@pytest.fixture
async def keys(empty_settings: Settings) -> dict[str, str]:
    await seed_database(empty_settings)
    return {
        scope: await new_key(empty_settings, scope, scope) for scope in ("read", "write", "admin")
    }


@pytest.fixture
async def client(
    empty_settings: Settings, keys: dict[str, str]
) -> AsyncIterator[AsyncTestClient[Any]]:
    async with AsyncTestClient(app=create_app(empty_settings)) as test_client:
        yield test_client


async def etag(client: AsyncTestClient[Any], path: str) -> dict[str, str]:
    return {"If-Match": (await client.get(path)).headers["etag"]}


async def test_a_read_key_cannot_write(client: AsyncTestClient[Any], keys: dict[str, str]) -> None:
    response = await client.post("/v1/indicators", json=INDICATOR, headers=bearer(keys["read"]))

    body = assert_problem(response, 403, "Authorization", "header")
    assert "'write'" in body["detail"]
    assert (await client.get("/v1/indicators/exports")).status_code == 404


async def test_a_write_key_creates_and_updates_but_cannot_delete(
    client: AsyncTestClient[Any], keys: dict[str, str]
) -> None:
    auth = bearer(keys["write"])
    created = await client.post("/v1/indicators", json=INDICATOR, headers=auth)
    changes = {**auth, **await etag(client, "/v1/indicators/exports")}
    updated = await client.patch("/v1/indicators/exports", json={"name": "X"}, headers=changes)
    deleted = await client.delete(
        "/v1/indicators/exports", headers={**auth, **await etag(client, "/v1/indicators/exports")}
    )

    assert (created.status_code, updated.status_code) == (201, 200)
    body = assert_problem(deleted, 403, "Authorization", "header")
    assert "'admin'" in body["detail"]
    assert (await client.get("/v1/indicators/exports")).status_code == 200


async def test_an_admin_key_deletes(client: AsyncTestClient[Any], keys: dict[str, str]) -> None:
    auth = bearer(keys["admin"])
    await client.post("/v1/indicators", json=INDICATOR, headers=auth)
    headers = {**auth, **await etag(client, "/v1/indicators/exports")}

    assert (await client.delete("/v1/indicators/exports", headers=headers)).status_code == 204


async def test_closed_reads_need_a_key_of_any_scope(
    empty_settings: Settings, keys: dict[str, str]
) -> None:
    closed = msgspec.structs.replace(empty_settings, anonymous_reads=False)
    async with AsyncTestClient(app=create_app(closed)) as client:
        for key in keys.values():  # and answers kept by the response cache stay behind the key
            assert (await client.get("/v1/regions/hunan", headers=bearer(key))).status_code == 200
        anonymous = await client.get("/v1/regions/hunan")
        listed = await client.get("/v1/regions", params={"format": "csv"})
        open_paths = [await client.get(p) for p in ("/health/live", "/schema/openapi.json")]

    assert_problem(anonymous, 401)
    assert anonymous.headers["www-authenticate"].startswith("Bearer")
    assert_problem(listed, 401)
    assert [r.status_code for r in open_paths] == [200, 200]


async def test_reads_are_open_by_default(client: AsyncTestClient[Any]) -> None:
    assert Settings().anonymous_reads is True
    assert (await client.get("/v1/regions/hunan")).status_code == 200


# Operations that take a body but write nothing, open to anyone.
ANONYMOUS = {"extractFacts"}


def test_the_contract_names_the_scope_of_every_write(empty_settings: Settings) -> None:
    paths = create_app(empty_settings).openapi_schema.to_schema()["paths"]
    for path, item in paths.items():
        for method, operation in item.items():
            needed = {"post": "write", "patch": "write", "delete": "admin"}.get(method)
            if needed is None or operation["operationId"] in ANONYMOUS:
                assert "security" not in operation, (path, method)
                continue
            assert operation["security"] == [{SECURITY_SCHEME: [needed]}], (path, method)
            assert {"401", "403"} <= operation["responses"].keys(), (path, method)
