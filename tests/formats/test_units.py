"""Units: scale metadata on every observation, `?unit=` conversion, refusal across bases."""

from __future__ import annotations

import pytest
from litestar.testing import AsyncTestClient

from service.units import IncompatibleUnits, convert_value, unit_of
from tests.api.support import assert_problem

GDP_2023 = "/v1/observations/xiangjiang-new-area-gdp-2023"


@pytest.mark.parametrize(
    ("value", "source", "target", "expected"),
    [
        (450_000_000_000, "CNY", "CNY_billion", 450),
        (450, "CNY_billion", "CNY", 450_000_000_000),
        (1.5, "CNY_trillion", "CNY_billion", 1500),
        (2_500, "CNY_billion", "CNY_hundred_million", 25_000),
        (123_456, "CNY", "CNY_ten_thousand", 12.3456),
        (8, "percent", "percent", 8),
        (1_000, "kV", "V", 1_000_000),
    ],
)
def test_values_convert_exactly_between_scales(
    value: float, source: str, target: str, expected: float
) -> None:
    assert convert_value(value, source, target) == expected


@pytest.mark.parametrize(
    ("source", "target"),
    [("CNY", "USD"), ("percent", "CNY"), ("count", "rank"), ("widgets", "count")],
)
def test_values_never_convert_across_bases(source: str, target: str) -> None:
    with pytest.raises(IncompatibleUnits) as raised:
        convert_value(1, source, target)
    assert source in str(raised.value)
    assert target in str(raised.value)


def test_an_unknown_unit_is_its_own_base() -> None:
    assert (unit_of("widgets").base, unit_of("widgets").scale) == ("widgets", 1.0)


async def test_observations_carry_their_unit_and_its_scale(client: AsyncTestClient) -> None:
    observation = (await client.get(GDP_2023)).json()
    assert (observation["unit"], observation["unit_base"], observation["unit_scale"]) == (
        "CNY",
        "CNY",
        1,
    )
    items = (await client.get("/v1/observations", params={"limit": 500})).json()["items"]
    for item in items:
        assert item["unit_base"] == unit_of(item["unit"]).base, item
        assert item["value"] * item["unit_scale"] == pytest.approx(
            convert_value(item["value"], item["unit"], item["unit_base"])
        )


async def test_unit_converts_a_list(client: AsyncTestClient) -> None:
    in_cny = (await client.get("/v1/observations", params={"indicator": "gdp"})).json()["items"]
    response = await client.get(
        "/v1/observations", params={"indicator": "gdp", "unit": "CNY_billion"}
    )
    assert response.status_code == 200, response.text
    in_billions = response.json()["items"]
    assert [item["id"] for item in in_billions] == [item["id"] for item in in_cny]
    for before, after in zip(in_cny, in_billions, strict=True):
        assert after["value"] * 1e9 == pytest.approx(before["value"])
        assert (after["unit"], after["unit_base"], after["unit_scale"]) == (
            "CNY_billion",
            "CNY",
            1e9,
        )
        assert after["as_reported"] == before["as_reported"]
    gdp_2023 = next(item for item in in_billions if item["id"].endswith("gdp-2023"))
    assert gdp_2023["value"] == pytest.approx(float(gdp_2023["as_reported"].split()[0]))


async def test_unit_refuses_observations_in_another_base(client: AsyncTestClient) -> None:
    response = await client.get(
        "/v1/observations", params={"indicator": "share-of-provincial-gdp", "unit": "CNY_billion"}
    )
    body = assert_problem(response, 400, "unit")
    assert "'percent'" in body["detail"]
    assert "'CNY_billion'" in body["detail"]


async def test_unit_is_checked_over_the_whole_selection_not_one_page(
    client: AsyncTestClient,
) -> None:
    """Mixed units are refused on the first page already, not midway through the pages."""
    response = await client.get("/v1/observations", params={"limit": 1, "unit": "CNY"})
    assert_problem(response, 400, "unit")


async def test_an_unknown_unit_code_is_a_400(client: AsyncTestClient) -> None:
    response = await client.get("/v1/observations", params={"unit": "parsecs"})
    assert_problem(response, 400, "unit")


async def test_unit_is_checked_over_the_rows_updated_since_selects(
    client: AsyncTestClient,
) -> None:
    # Nothing was written after 2100, so no percent observation is selected and none refuses.
    params = {"unit": "CNY_billion", "updated_since": "2100-01-01T00:00:00Z"}
    response = await client.get("/v1/observations", params=params)
    assert response.status_code == 200, response.text
    assert response.json()["items"] == []
