"""GET /v1/observations and /v1/observations/{id}."""

from __future__ import annotations

from typing import Any

import pytest
from litestar.testing import AsyncTestClient

from service.seeding.verify import read_facts
from tests.api.support import (
    BAD_LIMITS,
    MALFORMED_IDS,
    OBSERVATION_FIELDS,
    assert_citation,
    assert_filters,
    assert_problem,
    ids,
    page,
)
from tests.conftest import SEEDS_DIR

Cases = list[tuple[dict[str, Any], list[str]]]
FACTS = read_facts(SEEDS_DIR)
ALL_OBSERVATIONS = sorted(o.id for o in FACTS.observations)
XIANGJIANG = sorted(o.id for o in FACTS.observations if o.region == "xiangjiang-new-area")
GDP_2023 = "xiangjiang-new-area-gdp-2023"
ZOOMLION_REVENUE = "zoomlion-overseas-revenue-2023-q1-q3"
# Observations whose period is the whole of 2023.
YEAR_2023 = [
    GDP_2023,
    "xiangjiang-new-area-new-high-tech-firms-2023",
    "xiangjiang-new-area-new-high-tech-firms-rank-2023",
    "xiangjiang-new-area-new-specialized-sophisticated-smes-2023",
    "xiangjiang-new-area-new-specialized-sophisticated-smes-rank-2023",
    "xiangjiang-new-area-rd-expenditure-share-of-gdp-2023",
    "xiangjiang-new-area-rd-intensity-rank-2023",
]


@pytest.fixture
async def gdp_2023(client: AsyncTestClient) -> dict[str, Any]:
    response = await client.get(f"/v1/observations/{GDP_2023}")
    assert response.status_code == 200
    return response.json()


async def test_list_has_every_observation_with_its_full_shape(client: AsyncTestClient) -> None:
    response = await client.get("/v1/observations", params={"limit": 500})
    assert ids(response) == ALL_OBSERVATIONS
    assert len(ALL_OBSERVATIONS) == 21
    for observation in page(response):
        assert set(observation) == OBSERVATION_FIELDS
        assert (observation["region"] is None) != (observation["organization"] is None)
        assert observation["comparator"] in {"eq", "gt", "gte", "lt", "lte", "approx"}
        assert_citation(observation["citation"])


async def test_get_observation(gdp_2023: dict[str, Any]) -> None:
    assert gdp_2023 == {
        "id": GDP_2023,
        "indicator": "gdp",
        "region": "xiangjiang-new-area",
        "organization": None,
        "period_start": "2023-01-01",
        "period_end": "2023-12-31",
        "period_label": "2023",
        "value": 450_000_000_000,
        "unit": "CNY",
        "unit_base": "CNY",
        "unit_scale": 1,
        "comparator": "eq",
        "as_reported": "450 billion yuan",
        "citation": gdp_2023["citation"],
    }
    assert gdp_2023["citation"]["source"] == "xiangjiang-new-area-innovation"
    assert "450 billion yuan in 2023" in gdp_2023["citation"]["quote"]


@pytest.mark.parametrize(
    ("observation_id", "value", "unit", "comparator"),
    [
        (ZOOMLION_REVENUE, 13e9, "CNY", "eq"),
        ("zoomlion-countries-and-regions-served", 140, "count", "gt"),
        ("xiangjiang-new-area-share-of-provincial-land-area", 0.5, "percent", "eq"),
        ("xiangjiang-new-area-rd-expenditure-share-of-gdp-2023", 5, "percent", "gt"),
        ("shanshan-national-enterprise-ranking", 500, "rank", "lte"),
        ("basf-shanshan-battery-materials-external-power-line-voltage", 110, "kV", "eq"),
    ],
)
async def test_values_are_in_base_units_with_their_comparator(
    client: AsyncTestClient, observation_id: str, value: float, unit: str, comparator: str
) -> None:
    observation = (await client.get(f"/v1/observations/{observation_id}")).json()
    assert (observation["value"], observation["unit"]) == (value, unit)
    assert observation["comparator"] == comparator


async def test_an_organization_observation_has_no_region(client: AsyncTestClient) -> None:
    observation = (await client.get(f"/v1/observations/{ZOOMLION_REVENUE}")).json()
    assert (observation["region"], observation["organization"]) == (None, "zoomlion")
    assert (observation["period_start"], observation["period_end"]) == ("2023-01-01", "2023-09-30")
    assert observation["period_label"] == "2023 Q1-Q3"


async def test_an_observation_without_period_says_null(client: AsyncTestClient) -> None:
    observation = (
        await client.get("/v1/observations/xiangjiang-new-area-major-science-labs")
    ).json()
    assert [observation[k] for k in ("period_start", "period_end", "period_label")] == [None] * 3


async def test_list_item_equals_single_item(
    client: AsyncTestClient, gdp_2023: dict[str, Any]
) -> None:
    listed = page(await client.get("/v1/observations", params={"indicator": "gdp"}))
    assert gdp_2023 in listed


async def test_indicator_and_organization_filters(client: AsyncTestClient) -> None:
    cases: Cases = [
        ({"indicator": "gdp"}, ["xiangjiang-new-area-gdp-2015", GDP_2023]),
        ({"indicator": "overseas-revenue"}, [ZOOMLION_REVENUE]),
        ({"indicator": "unemployment"}, []),
        ({"organization": "zoomlion"}, ["zoomlion-countries-and-regions-served", ZOOMLION_REVENUE]),
        ({"organization": "shanshan"}, ["shanshan-national-enterprise-ranking"]),
        ({"organization": "hs-photonics"}, []),
        ({"organization": "zoomlion", "indicator": "overseas-revenue"}, [ZOOMLION_REVENUE]),
        ({"organization": "zoomlion", "indicator": "gdp"}, []),
    ]
    await assert_filters(client, "/v1/observations", cases)


async def test_region_filter_with_and_without_subregions(client: AsyncTestClient) -> None:
    cases: Cases = [
        ({"region": "xiangjiang-new-area"}, XIANGJIANG),
        ({"region": "hunan"}, []),
        ({"region": "hunan", "include_subregions": "false"}, []),
        ({"region": "hunan", "include_subregions": "true"}, XIANGJIANG),
        ({"region": "china", "include_subregions": "true"}, XIANGJIANG),
        ({"region": "changsha", "include_subregions": "true"}, XIANGJIANG),
        ({"region": "xiangjiang-new-area", "include_subregions": "true"}, XIANGJIANG),
        ({"region": "hengyang", "include_subregions": "true"}, []),
        ({"region": "germany", "include_subregions": "true"}, []),
        ({"region": "atlantis", "include_subregions": "true"}, []),
        (
            {"region": "hunan", "include_subregions": "true", "indicator": "gdp"},
            ["xiangjiang-new-area-gdp-2015", GDP_2023],
        ),
    ]
    await assert_filters(client, "/v1/observations", cases)


async def test_period_filters_keep_overlapping_periods(client: AsyncTestClient) -> None:
    cases: Cases = [
        ({"period_from": "2023-10-01"}, YEAR_2023),  # Q1-Q3 ended before
        ({"period_from": "2023-09-30"}, sorted([*YEAR_2023, ZOOMLION_REVENUE])),  # touches end
        ({"period_to": "2015-12-31"}, ["xiangjiang-new-area-gdp-2015"]),
        ({"period_to": "2014-12-31"}, []),
        (
            {"period_from": "2015-06-01", "period_to": "2015-06-01"},
            ["xiangjiang-new-area-gdp-2015"],
        ),
        ({"period_from": "2016-01-01", "period_to": "2022-12-31"}, []),
        (
            {"period_from": "2023-09-30", "period_to": "2023-09-30"},
            sorted([*YEAR_2023, ZOOMLION_REVENUE]),
        ),
        ({"period_from": "2024-01-01"}, []),
        (
            {"period_from": "2000-01-01", "indicator": "gdp"},
            ["xiangjiang-new-area-gdp-2015", GDP_2023],
        ),
    ]
    await assert_filters(client, "/v1/observations", cases)


async def test_observations_without_a_period_never_match_a_period_filter(
    client: AsyncTestClient,
) -> None:
    everything = ids(await client.get("/v1/observations", params={"period_from": "1900-01-01"}))
    with_period = sorted(o.id for o in FACTS.observations if o.period_start and o.period_end)
    assert everything == with_period
    assert "xiangjiang-new-area-major-science-labs" not in everything


async def test_period_from_after_period_to_is_a_400_naming_period_to(
    client: AsyncTestClient,
) -> None:
    params = {"period_from": "2024-01-01", "period_to": "2023-12-31"}
    body = assert_problem(await client.get("/v1/observations", params=params), 400, "period_to")
    assert [error["name"] for error in body["errors"]] == ["period_to"]


async def test_bad_parameters_are_a_400_naming_them(client: AsyncTestClient) -> None:
    cases = [
        ("period_from", "2023-13-01"),
        ("period_from", "2023-02-30"),
        ("period_from", "2023/01/01"),
        ("period_to", "yesterday"),
        ("period_to", "2023"),
        ("include_subregions", "maybe"),
        ("indicator", "GDP"),
        ("region", "Hunan"),
        ("organization", "x" * 65),
    ]
    for name, value in cases:
        response = await client.get("/v1/observations", params={name: value})
        assert_problem(response, 400, name)


async def test_unknown_observation_is_a_404(client: AsyncTestClient) -> None:
    body = assert_problem(await client.get("/v1/observations/hunan-gdp-1999"), 404)
    assert "hunan-gdp-1999" in body["detail"]


async def test_malformed_id_is_a_400(client: AsyncTestClient) -> None:
    for observation_id in MALFORMED_IDS:
        response = await client.get(f"/v1/observations/{observation_id}")
        assert_problem(response, 400, "observation_id", "path")


async def test_bad_limit_is_a_400(client: AsyncTestClient) -> None:
    for limit in BAD_LIMITS:
        assert_problem(await client.get("/v1/observations", params={"limit": limit}), 400, "limit")


async def test_cursor_reused_with_other_filters_is_a_400(client: AsyncTestClient) -> None:
    params = {"region": "hunan", "include_subregions": "true", "limit": 2}
    cursor = (await client.get("/v1/observations", params=params)).json()["next_cursor"]
    assert cursor
    for other in [
        {"region": "hunan"},
        {"region": "china", "include_subregions": "true"},
        {"region": "hunan", "include_subregions": "true", "period_from": "2023-01-01"},
        {},
    ]:
        response = await client.get("/v1/observations", params={**other, "cursor": cursor})
        assert_problem(response, 400, "cursor")
