"""Entity tags on every GET, lists included, and `If-None-Match` -> 304."""

from __future__ import annotations

import pytest
from litestar.testing import AsyncTestClient

from service.etags import etag_of

PATHS = [
    "/v1/regions",
    "/v1/regions/hunan",
    "/v1/regions/hunan/children",
    "/v1/regions/xiangjiang-new-area/ancestors",
    "/v1/organizations?limit=3",
    "/v1/organizations/zoomlion",
    "/v1/organizations/basf-shanshan-battery-materials/relations",
    "/v1/indicators",
    "/v1/indicators/gdp",
    "/v1/observations?indicator=gdp",
    "/v1/observations/xiangjiang-new-area-gdp-2023",
    "/v1/sources",
    "/v1/sources/xiangjiang-new-area-innovation",
    "/v1/search?q=hunan",
]
IDENTITY = {"Accept-Encoding": "identity"}


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("media_type", ["application/json", "application/msgpack", "text/csv"])
async def test_every_get_has_the_tag_of_its_body(
    client: AsyncTestClient, path: str, media_type: str
) -> None:
    response = await client.get(path, headers={"Accept": media_type, **IDENTITY})
    assert response.status_code == 200, response.text
    assert response.headers["etag"] == etag_of(response.content)


async def test_each_media_type_has_its_own_tag(client: AsyncTestClient) -> None:
    tags = {
        (await client.get("/v1/regions/hunan", params={"format": name})).headers["etag"]
        for name in ("json", "msgpack", "csv")
    }
    assert len(tags) == 3


async def test_the_tag_is_stable_across_apps(client: AsyncTestClient) -> None:
    """A pure function of the representation: another replica answers the same tag."""
    first = await client.get("/v1/observations?indicator=gdp")
    again = await client.get("/v1/observations?indicator=gdp")
    assert first.headers["etag"] == again.headers["etag"]


@pytest.mark.parametrize("path", PATHS)
async def test_if_none_match_with_the_current_tag_is_304(
    client: AsyncTestClient, path: str
) -> None:
    fresh = await client.get(path)
    cached = await client.get(path, headers={"If-None-Match": fresh.headers["etag"]})
    assert cached.status_code == 304
    assert cached.content == b""
    assert cached.headers["etag"] == fresh.headers["etag"]
    assert cached.headers["cache-control"] == fresh.headers["cache-control"]
    assert cached.headers["vary"] == fresh.headers["vary"]
    assert "content-type" not in cached.headers


@pytest.mark.parametrize(
    "header",
    ['"stale", {tag}', "W/{tag}", "*", '"a",{tag}'],
)
async def test_if_none_match_compares_weakly_and_lists(
    client: AsyncTestClient, header: str
) -> None:
    tag = (await client.get("/v1/indicators/gdp")).headers["etag"]
    response = await client.get(
        "/v1/indicators/gdp", headers={"If-None-Match": header.format(tag=tag)}
    )
    assert response.status_code == 304


async def test_a_stale_tag_gets_the_full_answer(client: AsyncTestClient) -> None:
    response = await client.get("/v1/indicators/gdp", headers={"If-None-Match": '"stale"'})
    assert response.status_code == 200
    assert response.json()["id"] == "gdp"


async def test_a_tag_of_another_media_type_does_not_match(client: AsyncTestClient) -> None:
    json_tag = (await client.get("/v1/regions/hunan")).headers["etag"]
    response = await client.get(
        "/v1/regions/hunan", params={"format": "csv"}, headers={"If-None-Match": json_tag}
    )
    assert response.status_code == 200
