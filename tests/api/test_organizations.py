"""GET /v1/organizations, /v1/organizations/{id} and its relations."""

from __future__ import annotations

from typing import Any

import pytest
from litestar.testing import AsyncTestClient

from tests.api.support import (
    BAD_LIMITS,
    MALFORMED_IDS,
    ORGANIZATION_FIELDS,
    REGION_LINK_FIELDS,
    RELATION_FIELDS,
    assert_citation,
    assert_filters,
    assert_problem,
    ids,
    page,
)

BSBM = "basf-shanshan-battery-materials"
ALL_ORGANIZATIONS = [
    "basf",
    BSBM,
    "continental-hope-investment-development",
    "hs-photonics",
    "shanshan",
    "tbea-hengyang-transformer",
    "zoomlion",
]
IN_HUNAN = [BSBM, "hs-photonics", "tbea-hengyang-transformer", "zoomlion"]
ITEM_ROUTES = ["/v1/organizations/{}", "/v1/organizations/{}/relations"]


@pytest.fixture
async def zoomlion(client: AsyncTestClient) -> dict[str, Any]:
    response = await client.get("/v1/organizations/zoomlion")
    assert response.status_code == 200
    return response.json()


def relation_triples(relations: list[dict[str, Any]]) -> list[tuple[str, str, str]]:
    return [(r["subject"], r["kind"], r["object"]) for r in relations]


async def test_list_has_every_organization_with_its_full_shape(client: AsyncTestClient) -> None:
    response = await client.get("/v1/organizations", params={"limit": 500})
    assert ids(response) == ALL_ORGANIZATIONS
    assert response.json()["next_cursor"] is None
    for organization in page(response):
        assert set(organization) == ORGANIZATION_FIELDS
        assert organization["citations"], organization["id"]
        for citation in organization["citations"]:
            assert_citation(citation)
        for link in organization["regions"]:
            assert set(link) == REGION_LINK_FIELDS
            assert_citation(link["citation"])
        for relation in organization["relations"]:
            assert set(relation) == RELATION_FIELDS
            assert_citation(relation["citation"])


async def test_get_organization(zoomlion: dict[str, Any]) -> None:
    assert set(zoomlion) == ORGANIZATION_FIELDS
    assert zoomlion["name"] == "Zoomlion Heavy Industry Science & Technology Co., Ltd."
    assert zoomlion["short_name"] == "Zoomlion"
    assert zoomlion["kind"] == "company"
    assert zoomlion["headquarters"] == "changsha"
    assert zoomlion["sectors"] == ["construction-machinery"]
    assert zoomlion["aliases"] == []
    assert zoomlion["description"].startswith("Changsha-based global leader")
    assert [(link["region"], link["role"]) for link in zoomlion["regions"]] == [
        ("changsha", "headquarters"),
        ("xiangjiang-new-area", "located_in"),
    ]
    assert zoomlion["relations"] == []
    assert len(zoomlion["citations"]) == 2


async def test_organization_relations_and_sectors(client: AsyncTestClient) -> None:
    basf = (await client.get("/v1/organizations/basf")).json()
    assert basf["headquarters"] == "germany"
    assert basf["sectors"] == ["battery-materials", "chemicals"]
    assert relation_triples(basf["relations"]) == [("basf", "joint_venture_partner_of", BSBM)]
    bsbm = (await client.get(f"/v1/organizations/{BSBM}")).json()
    assert bsbm["kind"] == "joint_venture"
    assert bsbm["short_name"] == "BSBM"
    assert bsbm["headquarters"] is None
    assert relation_triples(bsbm["relations"]) == [
        ("basf", "joint_venture_partner_of", BSBM),
        ("shanshan", "joint_venture_partner_of", BSBM),
    ]


async def test_list_item_equals_single_item(
    client: AsyncTestClient, zoomlion: dict[str, Any]
) -> None:
    assert page(await client.get("/v1/organizations", params={"q": "zoomlion"})) == [zoomlion]


async def test_q_matches_name_short_name_and_aliases_in_any_case(client: AsyncTestClient) -> None:
    cases: list[tuple[dict[str, Any], list[str]]] = [
        ({"q": "zoomlion"}, ["zoomlion"]),
        ({"q": "ZOOMLION HEAVY"}, ["zoomlion"]),
        ({"q": "bsbm"}, [BSBM]),  # short name only
        ({"q": "TBEA"}, ["tbea-hengyang-transformer"]),  # short name only
        ({"q": "shanshan"}, [BSBM, "shanshan"]),
        (
            {"q": "Co., Ltd."},
            [
                BSBM,
                "continental-hope-investment-development",
                "tbea-hengyang-transformer",
                "zoomlion",
            ],
        ),
        ({"q": "photonics"}, ["hs-photonics"]),
        ({"q": "siemens"}, []),
    ]
    await assert_filters(client, "/v1/organizations", cases)


async def test_q_wildcards_are_taken_literally(client: AsyncTestClient) -> None:
    patterns = ["%", "_", "b_sf", "z%n", "%basf%"]
    await assert_filters(client, "/v1/organizations", [({"q": q}, []) for q in patterns])


async def test_kind_filter(client: AsyncTestClient) -> None:
    companies = [org for org in ALL_ORGANIZATIONS if org != BSBM]
    cases: list[tuple[dict[str, Any], list[str]]] = [
        ({"kind": "joint_venture"}, [BSBM]),
        ({"kind": "company"}, companies),
        ({"kind": "government_body"}, []),
        ({"kind": "association"}, []),
    ]
    await assert_filters(client, "/v1/organizations", cases)


async def test_sector_filter(client: AsyncTestClient) -> None:
    cases: list[tuple[dict[str, Any], list[str]]] = [
        ({"sector": "battery-materials"}, ["basf", BSBM, "shanshan"]),
        ({"sector": "chemicals"}, ["basf"]),
        ({"sector": "construction-machinery"}, ["zoomlion"]),
        ({"sector": "power-transmission-equipment"}, ["tbea-hengyang-transformer"]),
        ({"sector": "space"}, []),
    ]
    await assert_filters(client, "/v1/organizations", cases)


async def test_region_filter_finds_organizations_anywhere_below(client: AsyncTestClient) -> None:
    """Headquarters or located_in, in the region or any region under it; not operates_in."""
    cases: list[tuple[dict[str, Any], list[str]]] = [
        ({"region": "hunan"}, IN_HUNAN),
        ({"region": "germany"}, ["basf"]),
        (
            {"region": "china"},
            [BSBM, "hs-photonics", "shanshan", "tbea-hengyang-transformer", "zoomlion"],
        ),
        ({"region": "changsha"}, [BSBM, "hs-photonics", "zoomlion"]),
        ({"region": "xiangjiang-new-area"}, [BSBM, "hs-photonics", "zoomlion"]),
        ({"region": "hengyang"}, ["tbea-hengyang-transformer"]),
        ({"region": "asia-pacific"}, []),  # basf only operates_in it
        ({"region": "southeast-asia"}, []),  # tbea only has_offices_in it
        ({"region": "atlantis"}, []),
    ]
    await assert_filters(client, "/v1/organizations", cases)


async def test_filters_combine(client: AsyncTestClient) -> None:
    cases: list[tuple[dict[str, Any], list[str]]] = [
        ({"region": "hunan", "sector": "battery-materials"}, [BSBM]),
        ({"region": "china", "kind": "company", "q": "shanshan"}, ["shanshan"]),
        ({"region": "germany", "sector": "photonics"}, []),
    ]
    await assert_filters(client, "/v1/organizations", cases)


async def test_bad_filters_are_a_400(client: AsyncTestClient) -> None:
    cases = [
        ("kind", "planet"),
        ("kind", "Company"),
        ("sector", "Battery_Materials"),
        ("region", "HUNAN"),
        ("region", "x" * 65),
        ("q", ""),
    ]
    for name, value in cases:
        response = await client.get("/v1/organizations", params={name: value})
        assert_problem(response, 400, name)


async def test_relations_of_a_joint_venture(client: AsyncTestClient) -> None:
    response = await client.get(f"/v1/organizations/{BSBM}/relations")
    items = page(response)
    assert relation_triples(items) == [
        ("basf", "joint_venture_partner_of", BSBM),
        ("shanshan", "joint_venture_partner_of", BSBM),
    ]
    assert response.json()["next_cursor"] is None
    for relation in items:
        assert set(relation) == RELATION_FIELDS
        assert_citation(relation["citation"])


async def test_relations_list_both_directions(client: AsyncTestClient) -> None:
    basf = page(await client.get("/v1/organizations/basf/relations"))
    assert relation_triples(basf) == [("basf", "joint_venture_partner_of", BSBM)]
    assert page(await client.get("/v1/organizations/zoomlion/relations")) == []


async def test_relations_agree_with_the_organization(client: AsyncTestClient) -> None:
    for organization in ALL_ORGANIZATIONS:
        listed = page(await client.get(f"/v1/organizations/{organization}/relations"))
        embedded = (await client.get(f"/v1/organizations/{organization}")).json()["relations"]
        assert listed == embedded, organization


@pytest.mark.parametrize("route", ITEM_ROUTES)
async def test_unknown_organization_is_a_404(client: AsyncTestClient, route: str) -> None:
    body = assert_problem(await client.get(route.format("siemens")), 404)
    assert "siemens" in body["detail"]
    assert "errors" not in body


@pytest.mark.parametrize("route", ITEM_ROUTES)
async def test_malformed_id_is_a_400(client: AsyncTestClient, route: str) -> None:
    for organization_id in MALFORMED_IDS:
        response = await client.get(route.format(organization_id))
        assert_problem(response, 400, "organization_id", "path")


@pytest.mark.parametrize("route", ["/v1/organizations", f"/v1/organizations/{BSBM}/relations"])
async def test_bad_limit_is_a_400(client: AsyncTestClient, route: str) -> None:
    for limit in BAD_LIMITS:
        assert_problem(await client.get(route, params={"limit": limit}), 400, "limit")


async def test_cursor_reused_with_other_filters_is_a_400(client: AsyncTestClient) -> None:
    first = await client.get("/v1/organizations", params={"region": "hunan", "limit": 1})
    cursor = first.json()["next_cursor"]
    assert cursor
    for params in [{"region": "china"}, {}, {"region": "hunan", "sector": "photonics"}]:
        response = await client.get("/v1/organizations", params={**params, "cursor": cursor})
        assert_problem(response, 400, "cursor")
