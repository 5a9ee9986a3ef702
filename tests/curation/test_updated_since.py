"""`updated_since` on every list: what changed at or after a moment, for mirrors catching up."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.curation.conftest import Curator

LISTS = ["/v1/regions", "/v1/organizations", "/v1/indicators", "/v1/observations", "/v1/sources"]


async def ids(curator: Curator, path: str, since: dt.datetime) -> list[str]:
    response = await curator.client.get(
        path, params={"updated_since": since.isoformat(), "limit": 500}
    )
    assert response.status_code == 200, response.text
    page: dict[str, Any] = response.json()
    return [item["id"] for item in page["items"]]


@pytest.mark.parametrize("path", LISTS)
async def test_nothing_has_changed_since_a_moment_in_the_future(
    curator: Curator, path: str
) -> None:
    tomorrow = dt.datetime.now(dt.UTC) + dt.timedelta(days=1)

    assert await ids(curator, path, tomorrow) == []
    assert await ids(curator, path, tomorrow - dt.timedelta(days=365))


async def test_only_what_was_written_since_is_listed(curator: Curator) -> None:
    before = dt.datetime.now(dt.UTC)
    _, etag = await curator.read("/v1/regions/hengyang")
    await curator.patch("/v1/regions/hengyang", {"aliases": ["衡阳"]}, etag)
    _, etag = await curator.read("/v1/organizations/zoomlion")
    await curator.patch("/v1/organizations/zoomlion", {"description": "Cranes."}, etag)

    assert await ids(curator, "/v1/regions", before) == ["hengyang"]
    assert await ids(curator, "/v1/organizations", before) == ["zoomlion"]
    assert await ids(curator, "/v1/indicators", before) == []


async def test_a_moment_with_an_offset_is_compared_in_utc(curator: Curator) -> None:
    before = dt.datetime.now(dt.UTC)
    _, etag = await curator.read("/v1/indicators/gdp")
    await curator.patch("/v1/indicators/gdp", {"name": "Regional output"}, etag)
    in_shanghai = before.astimezone(dt.timezone(dt.timedelta(hours=8)))

    assert await ids(curator, "/v1/indicators", in_shanghai) == ["gdp"]
    assert await ids(curator, "/v1/indicators", in_shanghai + dt.timedelta(hours=1)) == []


@pytest.mark.parametrize("moment", ["yesterday", "0.5", "2026-13-01T00:00:00Z"])
async def test_a_malformed_moment_is_a_400(curator: Curator, moment: str) -> None:
    response = await curator.client.get("/v1/regions", params={"updated_since": moment})

    assert response.status_code == 400
    assert response.json()["errors"][0]["name"] == "updated_since"
