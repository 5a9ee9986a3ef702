"""Keyset pagination on every list endpoint: cursors, `Link: rel="next"`, and refused cursors."""

from __future__ import annotations

import itertools
import math
import re
from typing import Any

import httpx
import pytest
from litestar.testing import AsyncTestClient

from service.services import services_of
from tests.api.support import assert_problem

LINK_NEXT = re.compile(r'^<(?P<url>[^>]+)>; rel="next"$')
BSBM = "basf-shanshan-battery-materials"

# (path, filters, how many items the seed gives it)
LISTS: list[tuple[str, dict[str, str], int]] = [
    ("/v1/regions", {}, 12),
    ("/v1/regions", {"kind": "world_region"}, 6),
    ("/v1/organizations", {}, 7),
    ("/v1/organizations", {"region": "hunan"}, 4),
    ("/v1/indicators", {}, 20),
    ("/v1/observations", {}, 21),
    ("/v1/observations", {"region": "hunan", "include_subregions": "true"}, 15),
    ("/v1/sources", {}, 2),
    ("/v1/regions/hunan/children", {}, 2),
    (f"/v1/organizations/{BSBM}/relations", {}, 2),
]
LIST_IDS = [str(httpx.URL(path, params=filters)) for path, filters, _ in LISTS]


def key(item: dict[str, Any]) -> Any:
    """Items with an id are ordered by it; relations have none, and are compared whole."""
    return item.get("id")


def next_link(response: httpx.Response) -> str | None:
    link = response.headers.get("link")
    if link is None:
        return None
    match = LINK_NEXT.match(link)
    assert match, f"malformed Link header: {link!r}"
    return match["url"]


async def walk(
    client: AsyncTestClient, path: str, filters: dict[str, str], limit: int
) -> list[list[dict[str, Any]]]:
    """Every page from the first, following `next_cursor`; each step checked against `Link`."""
    pages: list[list[dict[str, Any]]] = []
    response = await client.get(path, params={**filters, "limit": limit})
    while True:
        assert response.status_code == 200, response.text
        body = response.json()
        pages.append(body["items"])
        link = next_link(response)
        if body["next_cursor"] is None:
            assert link is None, "a last page must not link to a next one"
            return pages
        assert link is not None, "a page with next_cursor must send Link: rel=next"
        params = {**filters, "limit": limit, "cursor": body["next_cursor"]}
        response = await client.get(path, params=params)
        followed = await client.get(link)
        assert followed.status_code == 200, followed.text
        assert followed.json() == response.json(), "Link and next_cursor lead to different pages"
        assert len(pages) <= 100, "pagination does not terminate"


@pytest.mark.parametrize("limit", [1, 2])
@pytest.mark.parametrize(("path", "filters", "total"), LISTS, ids=LIST_IDS)
async def test_walking_all_pages_gives_every_item_once(
    client: AsyncTestClient, path: str, filters: dict[str, str], total: int, limit: int
) -> None:
    everything = (await client.get(path, params={**filters, "limit": 500})).json()
    assert everything["next_cursor"] is None
    assert len(everything["items"]) == total

    pages = await walk(client, path, filters, limit)
    walked = [item for page in pages for item in page]
    assert walked == everything["items"]
    assert len(pages) == math.ceil(total / limit), "no empty or missing page"
    assert all(len(page) == limit for page in pages[:-1])
    keys = [key(item) for item in walked]
    if keys[0] is not None:
        assert all(a < b for a, b in itertools.pairwise(keys)), keys


async def test_link_keeps_the_filters(client: AsyncTestClient) -> None:
    for path, filters, _ in LISTS:
        first = await client.get(path, params={**filters, "limit": 1})
        link = next_link(first)
        assert link is not None, path
        assert link.startswith(path + "?")
        query = dict(httpx.URL(link).params)
        assert query == {**filters, "limit": "1", "cursor": first.json()["next_cursor"]}


async def test_the_page_size_may_change_between_pages(client: AsyncTestClient) -> None:
    everything = (await client.get("/v1/regions")).json()["items"]
    cursor = (await client.get("/v1/regions", params={"limit": 1})).json()["next_cursor"]
    second = await client.get("/v1/regions", params={"limit": 3, "cursor": cursor})
    assert second.json()["items"] == everything[1:4]


async def test_a_tampered_cursor_is_a_400(client: AsyncTestClient) -> None:
    for path, filters, _ in LISTS:
        cursor = (await client.get(path, params={**filters, "limit": 1})).json()["next_cursor"]
        middle = len(cursor) // 2
        tampered = [
            ("A" if cursor[0] != "A" else "B") + cursor[1:],
            cursor[:middle] + ("x" if cursor[middle] != "x" else "y") + cursor[middle + 1 :],
            cursor[:-2],
            cursor + "AAAA",
            "garbage",
            "%%%",
        ]
        for token in tampered:
            response = await client.get(path, params={**filters, "cursor": token})
            assert_problem(response, 400, "cursor")


async def test_a_cursor_from_another_list_is_a_400(client: AsyncTestClient) -> None:
    cursors = {}
    for path, filters, _ in LISTS:
        response = await client.get(path, params={**filters, "limit": 1})
        cursors[(path, tuple(filters.items()))] = response.json()["next_cursor"]
    for path, filters, _ in LISTS:
        for (other_path, other_filters), cursor in cursors.items():
            if (other_path, other_filters) == (path, tuple(filters.items())):
                continue
            response = await client.get(path, params={**filters, "cursor": cursor})
            assert_problem(response, 400, "cursor")


async def test_a_cursor_over_512_characters_is_a_400(client: AsyncTestClient) -> None:
    assert_problem(await client.get("/v1/regions", params={"cursor": "A" * 513}), 400, "cursor")


async def test_an_empty_cursor_is_a_400(client: AsyncTestClient) -> None:
    assert_problem(await client.get("/v1/regions", params={"cursor": ""}), 400, "cursor")


async def test_a_refused_cursor_returns_its_database_connection(client: AsyncTestClient) -> None:
    """A tampered cursor must not cost a pooled connection (it used to leak until GC)."""
    pool = services_of(client.app).engine.pool
    assert (await client.get("/v1/regions")).status_code == 200
    assert pool.checkedout() == 0
    for path in ["/v1/regions", "/v1/regions/hunan/children", "/v1/observations"]:
        assert_problem(await client.get(path, params={"cursor": "garbage"}), 400, "cursor")
        assert pool.checkedout() == 0, path
