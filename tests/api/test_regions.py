"""GET /v1/regions, /v1/regions/{id}, its children and its ancestors."""

from __future__ import annotations

from typing import Any

import pytest
from litestar.testing import AsyncTestClient

from tests.api.support import (
    BAD_LIMITS,
    MALFORMED_IDS,
    REGION_FIELDS,
    assert_citation,
    assert_filters,
    assert_problem,
    ids,
    page,
)

ALL_REGIONS = [
    "africa",
    "asia-pacific",
    "central-asia",
    "changsha",
    "china",
    "germany",
    "hengyang",
    "hunan",
    "latin-america",
    "middle-east",
    "southeast-asia",
    "xiangjiang-new-area",
]
WORLD_REGIONS = [
    "africa",
    "asia-pacific",
    "central-asia",
    "latin-america",
    "middle-east",
    "southeast-asia",
]
ITEM_ROUTES = ["/v1/regions/{}", "/v1/regions/{}/children", "/v1/regions/{}/ancestors"]


@pytest.fixture
async def hunan(client: AsyncTestClient) -> dict[str, Any]:
    response = await client.get("/v1/regions/hunan")
    assert response.status_code == 200
    return response.json()


async def test_list_has_every_region_in_id_order(client: AsyncTestClient) -> None:
    response = await client.get("/v1/regions", params={"limit": 500})
    assert ids(response) == ALL_REGIONS
    assert response.json()["next_cursor"] is None
    for region in page(response):
        assert set(region) == REGION_FIELDS
        assert region["citations"], region["id"]
        for citation in region["citations"]:
            assert_citation(citation)


async def test_default_page_holds_every_seeded_region(client: AsyncTestClient) -> None:
    assert ids(await client.get("/v1/regions")) == ALL_REGIONS


async def test_get_region(hunan: dict[str, Any]) -> None:
    assert set(hunan) == REGION_FIELDS
    assert hunan["id"] == "hunan"
    assert hunan["name"] == "Hunan"
    assert hunan["kind"] == "province"
    assert hunan["parent"] == "china"
    assert hunan["aliases"] == ["Hunan province"]
    assert hunan["iso_3166"] == "CN-HN"
    assert [c["source"] for c in hunan["citations"]] == [
        "global-rd-resources-shape-hunans-growth-drivers",
        "xiangjiang-new-area-innovation",
    ]


async def test_region_without_code_or_parent_says_null(client: AsyncTestClient) -> None:
    region = (await client.get("/v1/regions/africa")).json()
    assert (region["parent"], region["iso_3166"], region["aliases"]) == (None, None, [])
    assert region["kind"] == "world_region"


async def test_list_item_equals_single_item(client: AsyncTestClient, hunan: dict[str, Any]) -> None:
    listed = page(await client.get("/v1/regions", params={"q": "hunan"}))
    assert listed == [hunan]


async def test_q_matches_name_and_aliases_in_any_case(client: AsyncTestClient) -> None:
    cases = [
        ("hunan", ["hunan"]),
        ("HUNAN", ["hunan"]),
        ("hUnAn PrOvInCe", ["hunan"]),
        ("CITY", ["changsha", "hengyang"]),  # only in the aliases "Changsha city", "Hengyang city"
        ("changsha city", ["changsha"]),
        ("xiang", ["xiangjiang-new-area"]),
        ("new area", ["xiangjiang-new-area"]),
        ("asia", ["asia-pacific", "central-asia", "southeast-asia"]),
        ("Asia-Pacific", ["asia-pacific"]),
        ("atlantis", []),
    ]
    await assert_filters(client, "/v1/regions", [({"q": q}, expected) for q, expected in cases])


async def test_q_wildcards_are_taken_literally(client: AsyncTestClient) -> None:
    """As SQL patterns these would match (almost) every region; as text they match none."""
    patterns = ["%", "_", "a_i", "c%a", "%hunan%", "h_nan", "\\", "hun\\%", "/"]
    await assert_filters(client, "/v1/regions", [({"q": q}, []) for q in patterns])


async def test_q_out_of_bounds_is_a_400(client: AsyncTestClient) -> None:
    for q in ["", "x" * 201]:
        assert_problem(await client.get("/v1/regions", params={"q": q}), 400, "q")


async def test_kind_filter(client: AsyncTestClient) -> None:
    cases = [
        ("country", ["china", "germany"]),
        ("province", ["hunan"]),
        ("prefecture_city", ["changsha", "hengyang"]),
        ("state_level_new_area", ["xiangjiang-new-area"]),
        ("world_region", WORLD_REGIONS),
        ("district", []),
    ]
    await assert_filters(client, "/v1/regions", [({"kind": k}, expected) for k, expected in cases])


async def test_unknown_kind_is_a_400(client: AsyncTestClient) -> None:
    for kind in ["planet", "Country", "COUNTRY", "prefecture-city", ""]:
        assert_problem(await client.get("/v1/regions", params={"kind": kind}), 400, "kind")


async def test_parent_filter_lists_direct_children(client: AsyncTestClient) -> None:
    cases = [
        ("china", ["hunan"]),
        ("hunan", ["changsha", "hengyang"]),
        ("changsha", ["xiangjiang-new-area"]),
        ("germany", []),
        ("atlantis", []),
    ]
    await assert_filters(
        client, "/v1/regions", [({"parent": p}, expected) for p, expected in cases]
    )


async def test_filters_combine(client: AsyncTestClient) -> None:
    cases: list[tuple[dict[str, Any], list[str]]] = [
        ({"kind": "prefecture_city", "q": "heng", "parent": "hunan"}, ["hengyang"]),
        ({"kind": "prefecture_city", "q": "city"}, ["changsha", "hengyang"]),
        ({"kind": "world_region", "q": "central"}, ["central-asia"]),
        ({"kind": "country", "parent": "hunan"}, []),
    ]
    await assert_filters(client, "/v1/regions", cases)


async def test_malformed_parent_is_a_400(client: AsyncTestClient) -> None:
    for parent in ["HUNAN", "hu_nan", "x" * 65]:
        assert_problem(await client.get("/v1/regions", params={"parent": parent}), 400, "parent")


async def test_children(client: AsyncTestClient) -> None:
    cases = {
        "china": ["hunan"],
        "hunan": ["changsha", "hengyang"],
        "changsha": ["xiangjiang-new-area"],
        "xiangjiang-new-area": [],
        "africa": [],
    }
    for region, expected in cases.items():
        response = await client.get(f"/v1/regions/{region}/children")
        assert ids(response) == expected, region
        assert all(item["parent"] == region for item in page(response))


async def test_ancestors_are_listed_root_first(client: AsyncTestClient) -> None:
    cases = {
        "xiangjiang-new-area": ["china", "hunan", "changsha"],
        "hengyang": ["china", "hunan"],
        "hunan": ["china"],
        "china": [],
        "southeast-asia": [],
    }
    for region, expected in cases.items():
        response = await client.get(f"/v1/regions/{region}/ancestors")
        assert ids(response) == expected, region
        assert response.json()["next_cursor"] is None
        assert "link" not in response.headers
        assert all(set(item) == REGION_FIELDS for item in page(response))


@pytest.mark.parametrize("route", ITEM_ROUTES)
async def test_unknown_region_is_a_404(client: AsyncTestClient, route: str) -> None:
    body = assert_problem(await client.get(route.format("atlantis")), 404)
    assert "atlantis" in body["detail"]
    assert "errors" not in body


@pytest.mark.parametrize("route", ITEM_ROUTES)
async def test_malformed_id_is_a_400(client: AsyncTestClient, route: str) -> None:
    for region_id in MALFORMED_IDS:
        assert_problem(await client.get(route.format(region_id)), 400, "region_id", "path")


@pytest.mark.parametrize("route", ["/v1/regions", "/v1/regions/hunan/children"])
async def test_bad_limit_is_a_400(client: AsyncTestClient, route: str) -> None:
    for limit in BAD_LIMITS:
        assert_problem(await client.get(route, params={"limit": limit}), 400, "limit")


async def test_cursor_reused_with_other_filters_is_a_400(client: AsyncTestClient) -> None:
    first = await client.get("/v1/regions", params={"kind": "world_region", "limit": 1})
    cursor = first.json()["next_cursor"]
    assert cursor
    for params in [{"kind": "country"}, {}, {"kind": "world_region", "q": "a"}]:
        response = await client.get("/v1/regions", params={**params, "cursor": cursor})
        assert_problem(response, 400, "cursor")
    children = await client.get("/v1/regions/china/children", params={"cursor": cursor})
    assert_problem(children, 400, "cursor")
