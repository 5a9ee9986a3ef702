"""GET /v1/indicators and /v1/indicators/{id}."""

from __future__ import annotations

from typing import Any

import pytest
from litestar.testing import AsyncTestClient

from service.seeding.verify import read_facts
from tests.api.support import (
    BAD_LIMITS,
    INDICATOR_FIELDS,
    MALFORMED_IDS,
    assert_problem,
    ids,
    page,
)
from tests.conftest import SEEDS_DIR

FACTS = read_facts(SEEDS_DIR)


@pytest.fixture
async def gdp(client: AsyncTestClient) -> dict[str, Any]:
    response = await client.get("/v1/indicators/gdp")
    assert response.status_code == 200
    return response.json()


async def test_list_has_every_indicator_in_id_order(client: AsyncTestClient) -> None:
    response = await client.get("/v1/indicators", params={"limit": 500})
    assert ids(response) == sorted(i.id for i in FACTS.indicators)
    assert len(FACTS.indicators) == 20
    assert response.json()["next_cursor"] is None
    for indicator in page(response):
        assert set(indicator) == INDICATOR_FIELDS
        assert indicator["name"]
        assert indicator["description"]
        assert indicator["unit"]


async def test_get_indicator(gdp: dict[str, Any]) -> None:
    assert gdp == {
        "id": "gdp",
        "name": "Gross domestic product",
        "description": (
            "Total economic output (GDP) of a region over the period, in yuan as reported."
        ),
        "unit": "CNY",
    }


async def test_list_item_equals_single_item(client: AsyncTestClient, gdp: dict[str, Any]) -> None:
    assert gdp in page(await client.get("/v1/indicators", params={"limit": 500}))


async def test_every_observed_indicator_is_served(client: AsyncTestClient) -> None:
    """An observation's indicator id always leads to its definition."""
    units = {}
    for indicator_id in sorted({o.indicator for o in FACTS.observations}):
        response = await client.get(f"/v1/indicators/{indicator_id}")
        assert response.status_code == 200, indicator_id
        units[indicator_id] = response.json()["unit"]
    assert units["gdp"] == "CNY"
    assert units["share-of-provincial-gdp"] == "percent"
    assert units["permanent-overseas-offices"] == "count"


async def test_unknown_indicator_is_a_404(client: AsyncTestClient) -> None:
    body = assert_problem(await client.get("/v1/indicators/gnp"), 404)
    assert "gnp" in body["detail"]


async def test_malformed_id_is_a_400(client: AsyncTestClient) -> None:
    for indicator_id in MALFORMED_IDS:
        response = await client.get(f"/v1/indicators/{indicator_id}")
        assert_problem(response, 400, "indicator_id", "path")


async def test_bad_limit_is_a_400(client: AsyncTestClient) -> None:
    for limit in BAD_LIMITS:
        assert_problem(await client.get("/v1/indicators", params={"limit": limit}), 400, "limit")
