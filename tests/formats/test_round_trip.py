"""Every media type carries the same data as JSON: MessagePack and CSV decoded and compared."""

from __future__ import annotations

import msgspec
import pytest
from litestar.testing import AsyncTestClient

from schemas.indicators import IndicatorRead
from schemas.observations import ObservationRead
from schemas.organizations import OrganizationRead, RelationRead
from schemas.regions import RegionRead
from schemas.sources import SourceRead, SourceSummary
from tests.formats.support import csv_rows, from_csv, from_msgpack

LISTS = [
    ("/v1/regions?limit=500", RegionRead),
    ("/v1/regions/hunan/children", RegionRead),
    ("/v1/regions/xiangjiang-new-area/ancestors", RegionRead),
    ("/v1/organizations?limit=500", OrganizationRead),
    ("/v1/organizations/basf-shanshan-battery-materials/relations", RelationRead),
    ("/v1/indicators?limit=500", IndicatorRead),
    ("/v1/observations?limit=500", ObservationRead),
    ("/v1/sources", SourceSummary),
]
ITEMS = [
    ("/v1/regions/hunan", RegionRead),
    ("/v1/organizations/basf-shanshan-battery-materials", OrganizationRead),
    ("/v1/indicators/gdp", IndicatorRead),
    ("/v1/observations/xiangjiang-new-area-gdp-2023", ObservationRead),
    ("/v1/sources/xiangjiang-new-area-innovation", SourceRead),
]


@pytest.mark.parametrize(("path", "item_type"), LISTS)
async def test_lists_say_the_same_in_every_format(
    client: AsyncTestClient, path: str, item_type: type[msgspec.Struct]
) -> None:
    as_json = await client.get(path)
    assert as_json.status_code == 200, as_json.text
    assert as_json.headers["content-type"] == "application/json"
    items = as_json.json()["items"]
    assert items, f"{path} should list something to compare"

    as_msgpack = await client.get(path, headers={"Accept": "application/msgpack"})
    assert from_msgpack(as_msgpack) == as_json.json()

    as_csv = await client.get(path, headers={"Accept": "text/csv"})
    assert from_csv(as_csv, item_type) == items


@pytest.mark.parametrize(("path", "item_type"), ITEMS)
async def test_items_say_the_same_in_every_format(
    client: AsyncTestClient, path: str, item_type: type[msgspec.Struct]
) -> None:
    as_json = await client.get(path)
    assert as_json.status_code == 200, as_json.text
    assert from_msgpack(await client.get(path, params={"format": "msgpack"})) == as_json.json()
    assert from_csv(await client.get(path, params={"format": "csv"}), item_type) == [as_json.json()]


async def test_item_json_is_msgspec_encoding_of_the_read_struct(client: AsyncTestClient) -> None:
    """The write API hashes exactly these bytes for `If-Match`."""
    response = await client.get("/v1/observations/xiangjiang-new-area-gdp-2023")
    decoded = msgspec.json.decode(response.content, type=ObservationRead)
    assert msgspec.json.encode(decoded) == response.content


async def test_observation_csv_has_the_documented_citation_columns(
    client: AsyncTestClient,
) -> None:
    response = await client.get("/v1/observations", params={"format": "csv", "indicator": "gdp"})
    assert response.headers["content-type"] == "text/csv; header=present; charset=utf-8"
    header, rows = csv_rows(response.text)
    assert header[-4:] == ["citation_source", "citation_quote", "citation_start", "citation_end"]
    assert {"value", "unit", "unit_base", "unit_scale", "as_reported"} <= set(header)
    assert response.content.count(b"\r\n") == len(rows) + 1, "RFC 4180 ends lines with CRLF"
    source = (await client.get(f"/v1/sources/{rows[0][-4]}")).json()
    start, end = int(rows[0][-2]), int(rows[0][-1])
    assert source["text"][start:end] == rows[0][-3], "the CSV citation points into the source"


async def test_csv_quotes_commas_quotes_and_newlines(client: AsyncTestClient) -> None:
    """Quotes hold commas and double quotes; a reader gets the text back unchanged."""
    as_json = (await client.get("/v1/sources/xiangjiang-new-area-innovation")).json()
    response = await client.get("/v1/sources/xiangjiang-new-area-innovation?format=csv")
    header, rows = csv_rows(response.text)
    assert "," in as_json["text"]
    assert rows[0][header.index("text")] == as_json["text"]


async def test_an_empty_list_in_csv_is_the_header_alone(client: AsyncTestClient) -> None:
    response = await client.get("/v1/regions", params={"q": "atlantis", "format": "csv"})
    header, rows = csv_rows(response.text)
    assert header[:3] == ["id", "name", "kind"]
    assert rows == []


async def test_next_page_link_keeps_the_format(client: AsyncTestClient) -> None:
    response = await client.get("/v1/regions", params={"limit": 2, "format": "csv"})
    link = response.headers["link"]
    assert "format=csv" in link
    target = link[link.index("<") + 1 : link.index(">")]
    second = await client.get(target)
    assert second.status_code == 200
    assert second.headers["content-type"].startswith("text/csv")
