"""A filter the client sent is never silently dropped: repeats and `null` are refused."""

from __future__ import annotations

import pytest
from litestar.testing import AsyncTestClient


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/v1/regions?kind=province&kind=country", "kind"),
        ("/v1/organizations?q=zoom&q=basf", "q"),
        ("/v1/observations?region=hunan&region=changsha", "region"),
        ("/v1/regions?limit=1&limit=2", "limit"),
    ],
)
async def test_a_repeated_parameter_is_a_400_naming_it(
    client: AsyncTestClient, url: str, parameter: str
) -> None:
    response = await client.get(url)
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    assert [e["name"] for e in response.json()["errors"]] == [parameter]


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/v1/regions?kind=null", "kind"),
        ("/v1/organizations?kind=null", "kind"),
        ("/v1/observations?period_from=null", "period_from"),
        ("/v1/observations?period_to=null", "period_to"),
        ("/v1/observations?include_subregions=null", "include_subregions"),
    ],
)
async def test_null_is_not_a_value_of_a_typed_parameter(
    client: AsyncTestClient, url: str, parameter: str
) -> None:
    response = await client.get(url)
    assert response.status_code == 400
    assert [e["name"] for e in response.json()["errors"]] == [parameter]


async def test_null_is_ordinary_text_where_text_is_expected(client: AsyncTestClient) -> None:
    response = await client.get("/v1/regions?q=null")
    assert response.status_code == 200
    assert response.json() == {"items": [], "next_cursor": None}


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/v1/regions?kindd=country", "kindd"),
        ("/v1/regions/hunan?limit=5", "limit"),
        ("/v1/observations?region=hunan&subregions=true", "subregions"),
    ],
)
async def test_a_parameter_the_operation_does_not_have_is_a_400(
    client: AsyncTestClient, url: str, parameter: str
) -> None:
    response = await client.get(url)
    assert response.status_code == 400
    assert [e["name"] for e in response.json()["errors"]] == [parameter]
