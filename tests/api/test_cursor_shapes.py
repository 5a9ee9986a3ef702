"""Cursors: signed with a key that is never public, and checked for shape after the signature.

The forged cursors here are signed with the test's own configured key, standing for a key that
leaked: even then, a cursor of the wrong shape is a 400 naming `cursor`, never a 5xx.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

import msgspec
import pytest
from litestar.testing import AsyncTestClient

from service.app import create_app
from service.db.engine import create_engine
from service.db.secrets import shared_secret
from service.pagination import CursorCodec
from service.settings import Settings
from tests.api.support import assert_problem
from tests.conftest import RunningApp, shared_app

SECRET = "a-test-cursor-secret-standing-for-a-leaked-one"
BSBM = "basf-shanshan-battery-materials"
ARTICLE = "global-rd-resources-shape-hunans-growth-drivers"
# (path, filters) of every list that pages with cursors
LISTS: list[tuple[str, dict[str, str]]] = [
    ("/v1/regions", {}),
    ("/v1/regions", {"kind": "province"}),
    ("/v1/regions/hunan/children", {}),
    ("/v1/organizations", {}),
    (f"/v1/organizations/{BSBM}/relations", {}),
    ("/v1/indicators", {}),
    ("/v1/observations", {}),
    ("/v1/sources", {}),
    ("/v1/changes", {}),
    ("/v1/search", {"q": "a"}),
    (f"/v1/sources/{ARTICLE}/candidates", {}),
]
# Shapes no list accepts.
NEVER_VALID: list[Any] = [
    [],
    [2**63],
    [-(2**63) - 1],
    [1, "x"],
    ["x", 1],
    [None],
    [1.5],
    [[1]],
    [{"a": 1}],
    [True],
    ["a" * 5000],
    ["hu\x00nan"],
    ["\ud7ff" * 10],
    [0, 0, "hunan", 0],
]
# Shapes some lists accept and others refuse.
SOMETIMES_VALID: list[Any] = [["zzz"], [0], [2**63 - 1], [2, 2, "zzz"], [3, 0, "zzz"]]


def forge(key: list[Any], path: str, filters: dict[str, str], secret: str = SECRET) -> str:
    scope = path + "?" + urlencode(sorted(filters.items()))
    return CursorCodec(secret).encode(tuple(key), scope)


@pytest.fixture(scope="module")
def signing_app(seeded_settings: Settings) -> Iterator[RunningApp]:
    """One app for the module's read-only tests, signing cursors with SECRET."""
    with shared_app(msgspec.structs.replace(seeded_settings, cursor_secret=SECRET)) as running:
        yield running


@pytest.fixture
def client(signing_app: RunningApp) -> AsyncTestClient:
    return signing_app.client()


@pytest.mark.parametrize(("path", "filters"), LISTS, ids=[p + str(f) for p, f in LISTS])
async def test_a_signed_cursor_of_the_wrong_shape_is_a_400(
    client: AsyncTestClient, path: str, filters: dict[str, str]
) -> None:
    for key in NEVER_VALID:
        response = await client.get(path, params={**filters, "cursor": forge(key, path, filters)})
        assert_problem(response, 400, "cursor")
    for key in SOMETIMES_VALID:
        response = await client.get(path, params={**filters, "cursor": forge(key, path, filters)})
        if response.status_code != 200:
            assert_problem(response, 400, "cursor")


@pytest.mark.parametrize(
    ("path", "filters", "key"),
    [
        ("/v1/changes", {}, ["zzz"]),
        ("/v1/changes", {}, [-1]),
        (f"/v1/sources/{ARTICLE}/candidates", {}, ["zzz"]),
        ("/v1/regions", {}, [0]),
        ("/v1/regions", {}, ["HUNAN"]),
        ("/v1/search", {"q": "a"}, [3, 0, "zzz"]),
        ("/v1/search", {"q": "a"}, [0, 3, "zzz"]),
        (f"/v1/organizations/{BSBM}/relations", {}, ["zzz"]),
        (f"/v1/organizations/{BSBM}/relations", {}, [2**31]),
    ],
)
async def test_each_list_checks_its_own_shape(
    client: AsyncTestClient, path: str, filters: dict[str, str], key: list[Any]
) -> None:
    response = await client.get(path, params={**filters, "cursor": forge(key, path, filters)})
    assert_problem(response, 400, "cursor")


async def test_without_a_configured_secret_the_public_default_signs_nothing(
    seeded_settings: Settings,
) -> None:
    """The key once built in (and shown in the source) must not sign cursors anywhere."""
    async with AsyncTestClient(app=create_app(seeded_settings)) as client:
        for old_default in ("growth-atlas-cursor", SECRET):
            cursor = forge(["changsha"], "/v1/regions", {}, old_default)
            assert_problem(await client.get("/v1/regions", params={"cursor": cursor}), 400)


async def test_replicas_without_a_configured_secret_accept_each_others_cursors(
    seeded_settings: Settings,
) -> None:
    """Two processes on one database find the same generated key."""
    async with AsyncTestClient(app=create_app(seeded_settings)) as one:
        cursor = (await one.get("/v1/regions", params={"limit": 2})).json()["next_cursor"]
    async with AsyncTestClient(app=create_app(seeded_settings)) as two:
        response = await two.get("/v1/regions", params={"limit": 2, "cursor": cursor})
    assert response.status_code == 200, response.text


async def test_processes_starting_together_agree_on_the_generated_secret(
    empty_settings: Settings,
) -> None:
    engines = [create_engine(empty_settings) for _ in range(6)]
    try:
        found = await asyncio.wait_for(
            asyncio.gather(*(shared_secret(engine, "cursor") for engine in engines)), 30
        )
    finally:
        for engine in engines:
            await engine.dispose()
    assert len(set(found)) == 1
    assert len(found[0]) >= 40  # 32 random bytes, URL-safe base64
