"""Search: exact before prefix before substring, names, short names and aliases, any script."""

from __future__ import annotations

from typing import Any

import pytest
from litestar.testing import AsyncTestClient

from tests.api.support import assert_problem

HIT_FIELDS = {"kind", "id", "name", "match", "matched"}


async def hits(client: AsyncTestClient, **params: Any) -> list[tuple[str, str, str, str]]:
    response = await client.get("/v1/search", params=params)
    assert response.status_code == 200, response.text
    items = response.json()["items"]
    assert all(set(item) == HIT_FIELDS for item in items)
    return [(item["kind"], item["id"], item["match"], item["matched"]) for item in items]


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        # a short name equal to the text beats a name that starts with it
        (
            "shanshan",
            [
                ("organization", "shanshan", "exact", "Shanshan"),
                (
                    "organization",
                    "basf-shanshan-battery-materials",
                    "contains",
                    "BASF Shanshan Battery Materials Co., Ltd.",
                ),
            ],
        ),
        (
            "basf",
            [
                ("organization", "basf", "exact", "BASF"),
                (
                    "organization",
                    "basf-shanshan-battery-materials",
                    "prefix",
                    "BASF Shanshan Battery Materials Co., Ltd.",
                ),
            ],
        ),
        # a region's prefix ranks above an organization's substring
        (
            "HENG",
            [
                ("region", "hengyang", "prefix", "Hengyang"),
                (
                    "organization",
                    "tbea-hengyang-transformer",
                    "contains",
                    "Tebian Electric Apparatus Hengyang Transformer Co., Ltd.",
                ),
            ],
        ),
        (
            "gdp",
            [
                (
                    "indicator",
                    "rd-expenditure-share-of-gdp",
                    "contains",
                    "R&D expenditure as a share of GDP",
                ),
                ("indicator", "share-of-provincial-gdp", "contains", "Share of provincial GDP"),
            ],
        ),
        ("50%", []),
        ("atlantis", []),
    ],
)
async def test_hits_are_ranked_exact_prefix_contains(
    search_client: AsyncTestClient, q: str, expected: list[tuple[str, str, str, str]]
) -> None:
    assert await hits(search_client, q=q) == expected


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        (
            "湖南",
            [
                ("region", "hunan", "exact", "湖南"),
                ("region", "xiangjiang-new-area", "prefix", "湖南湘江新区"),
            ],
        ),
        ("湘江", [("region", "xiangjiang-new-area", "contains", "湖南湘江新区")]),
        ("长沙市", [("region", "changsha", "exact", "长沙市")]),
        ("中联", [("organization", "zoomlion", "prefix", "中联重科")]),
        ("零售", [("indicator", "retail-sales", "contains", "社会消费品零售总额")]),
    ],
)
async def test_chinese_names_and_aliases_are_found(
    search_client: AsyncTestClient, q: str, expected: list[tuple[str, str, str, str]]
) -> None:
    assert await hits(search_client, q=q) == expected


async def test_case_and_surrounding_space_do_not_matter(search_client: AsyncTestClient) -> None:
    assert await hits(search_client, q="  zoomLION ") == [
        ("organization", "zoomlion", "exact", "Zoomlion")
    ]


async def test_kind_keeps_one_kind(search_client: AsyncTestClient) -> None:
    found = await hits(search_client, q="an", kind="region")
    assert found
    assert {kind for kind, *_ in found} == {"region"}


async def test_pages_follow_the_ranking_without_loss_or_repeat(
    search_client: AsyncTestClient,
) -> None:
    everything = (await search_client.get("/v1/search", params={"q": "a", "limit": 500})).json()
    assert everything["next_cursor"] is None
    assert len(everything["items"]) > 10
    paged: list[Any] = []
    params: dict[str, Any] = {"q": "a", "limit": 3}
    while True:
        body = (await search_client.get("/v1/search", params=params)).json()
        paged += body["items"]
        if body["next_cursor"] is None:
            break
        params["cursor"] = body["next_cursor"]
    assert paged == everything["items"]
    ranks = [["exact", "prefix", "contains"].index(item["match"]) for item in paged]
    assert ranks == sorted(ranks)


async def test_a_cursor_of_another_search_is_refused(search_client: AsyncTestClient) -> None:
    first = (await search_client.get("/v1/search", params={"q": "a", "limit": 1})).json()
    response = await search_client.get(
        "/v1/search", params={"q": "e", "limit": 1, "cursor": first["next_cursor"]}
    )
    assert_problem(response, 400, "cursor")


@pytest.mark.parametrize("params", [{"q": ""}, {"q": "   "}, {"q": "x" * 201}])
async def test_text_must_be_sensible(
    search_client: AsyncTestClient, params: dict[str, str]
) -> None:
    assert_problem(await search_client.get("/v1/search", params=params), 400, "q")


async def test_text_is_required(search_client: AsyncTestClient) -> None:
    body = assert_problem(await search_client.get("/v1/search"), 400)
    assert "'q'" in body["detail"]
