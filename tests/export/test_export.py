"""Bulk exports: the whole filtered set, in id order, as NDJSON or CSV, without paging."""

from __future__ import annotations

import json
from typing import Any

import msgspec
import pytest
from litestar.testing import AsyncTestClient

from schemas.observations import ObservationRead
from schemas.organizations import OrganizationRead
from schemas.regions import RegionRead
from service.exports import routes as exports
from tests.api.support import assert_problem
from tests.formats.support import csv_rows, from_csv

EXPORTS = [
    ("/v1/observations", ObservationRead),
    ("/v1/organizations", OrganizationRead),
    ("/v1/regions", RegionRead),
]


async def all_pages(client: AsyncTestClient, path: str, params: dict[str, Any]) -> list[Any]:
    """Every item of a list, following its cursors with the smallest page size."""
    items: list[Any] = []
    cursor = None
    while True:
        query = {**params, "limit": 1} | ({"cursor": cursor} if cursor else {})
        body = (await client.get(path, params=query)).json()
        items += body["items"]
        cursor = body["next_cursor"]
        if cursor is None:
            return items


def ndjson(text: str) -> list[Any]:
    assert text == "" or text.endswith("\n"), "every line ends with LF"
    return [json.loads(line) for line in text.splitlines()]


@pytest.mark.parametrize(("path", "item_type"), EXPORTS)
async def test_export_is_every_page_of_the_list_in_order(
    client: AsyncTestClient, path: str, item_type: type[msgspec.Struct]
) -> None:
    expected = await all_pages(client, path, {})
    response = await client.get(f"{path}/export")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/x-ndjson"
    exported = ndjson(response.text)
    assert exported == expected
    assert [item["id"] for item in exported] == sorted(item["id"] for item in exported)
    as_csv = await client.get(f"{path}/export", params={"format": "csv"})
    assert from_csv(as_csv, item_type) == expected


async def test_export_lines_are_the_item_representation(client: AsyncTestClient) -> None:
    response = await client.get("/v1/observations/export", params={"indicator": "gdp"})
    for line in response.content.splitlines():
        item = msgspec.json.decode(line, type=ObservationRead)
        single = await client.get(f"/v1/observations/{item.id}")
        assert single.content == line


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/v1/observations", {"region": "hunan", "include_subregions": "true"}),
        ("/v1/observations", {"indicator": "gdp", "period_from": "2020-01-01"}),
        ("/v1/observations", {"organization": "basf-shanshan-battery-materials"}),
        ("/v1/organizations", {"region": "hunan"}),
        ("/v1/organizations", {"q": "shanshan"}),
        ("/v1/regions", {"kind": "world_region"}),
        ("/v1/regions", {"parent": "hunan"}),
    ],
)
async def test_export_applies_the_list_filters(
    client: AsyncTestClient, path: str, params: dict[str, str]
) -> None:
    expected = await all_pages(client, path, params)
    assert expected, "the filter should select something"
    exported = ndjson((await client.get(f"{path}/export", params=params)).text)
    assert exported == expected


async def test_export_spans_many_batches(
    client: AsyncTestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Batch boundaries lose and repeat nothing (here, two observations a batch)."""
    monkeypatch.setattr(exports, "OBSERVATION_BATCH", 2)
    expected = await all_pages(client, "/v1/observations", {})
    assert len(expected) > 4
    exported = ndjson((await client.get("/v1/observations/export")).text)
    assert exported == expected
    as_csv = await client.get("/v1/observations/export", params={"format": "csv"})
    assert from_csv(as_csv, ObservationRead) == expected


async def test_export_converts_units(client: AsyncTestClient) -> None:
    params = {"indicator": "gdp", "unit": "CNY_billion"}
    expected = await all_pages(client, "/v1/observations", params)
    exported = ndjson((await client.get("/v1/observations/export", params=params)).text)
    assert exported == expected
    assert {item["unit"] for item in exported} == {"CNY_billion"}


async def test_export_refuses_incompatible_units_before_streaming(
    client: AsyncTestClient,
) -> None:
    response = await client.get("/v1/observations/export", params={"unit": "CNY_billion"})
    body = assert_problem(response, 400, "unit")
    assert "CNY_billion" in body["detail"]


async def test_an_empty_export(client: AsyncTestClient) -> None:
    params = {"region": "atlantis"}
    assert (await client.get("/v1/observations/export", params=params)).content == b""
    response = await client.get("/v1/observations/export", params={**params, "format": "csv"})
    header, rows = csv_rows(response.text)
    assert header[0] == "id"
    assert rows == []


async def test_export_is_not_taken_for_an_id(client: AsyncTestClient) -> None:
    """`/export` is its own route, not an observation, organization or region named export."""
    for path in ("/v1/observations/export", "/v1/regions/export", "/v1/organizations/export"):
        response = await client.get(path)
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/x-ndjson"


@pytest.mark.parametrize(
    ("accept", "media_type"),
    [
        ("text/csv", "text/csv; header=present; charset=utf-8"),
        ("application/x-ndjson", "application/x-ndjson"),
        ("*/*", "application/x-ndjson"),
    ],
)
async def test_export_negotiates_its_media_type(
    client: AsyncTestClient, accept: str, media_type: str
) -> None:
    response = await client.get("/v1/regions/export", headers={"Accept": accept})
    assert response.headers["content-type"] == media_type
    assert response.headers["content-disposition"].startswith("attachment; filename=")


async def test_export_refuses_what_it_cannot_send(client: AsyncTestClient) -> None:
    response = await client.get("/v1/regions/export", headers={"Accept": "application/json"})
    assert_problem(response, 406, "Accept", location="header")
    assert_problem(await client.get("/v1/regions/export?format=json"), 400, "format")
    assert_problem(await client.get("/v1/regions/export?limit=5"), 400, "limit")


async def test_export_is_compressed_as_it_streams(client: AsyncTestClient) -> None:
    identity = await client.get("/v1/observations/export", headers={"Accept-Encoding": "identity"})
    for coding in ("gzip", "br"):
        response = await client.get("/v1/observations/export", headers={"Accept-Encoding": coding})
        assert response.headers["content-encoding"] == coding
        assert "etag" not in response.headers, "a stream has no tag: it would need the whole body"
        assert response.content == identity.content
