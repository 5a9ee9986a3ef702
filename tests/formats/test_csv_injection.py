"""CSV cells that a spreadsheet would run as formulas are written as text (OWASP CSV injection)."""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator
from typing import Any

import msgspec
import pytest
from litestar.testing import AsyncTestClient

from schemas.indicators import IndicatorRead
from service.app import create_app
from service.representations.tabular import to_csv
from service.settings import Settings
from tests.conftest import seed_database
from tests.keys import new_key

HOSTILE_NAME = '=HYPERLINK("http://evil.example/x","click")'
CITATION = {
    "source": "global-rd-resources-shape-hunans-growth-drivers",
    "quote": "One notable collaboration is the BASF Shanshan Battery Materials Co.,Ltd. (BSBM)",
}
ORGANIZATION = {
    "id": "hostile",
    "name": HOSTILE_NAME,
    "short_name": "+cmd",
    "kind": "company",
    "sectors": ["battery-materials"],
    "aliases": ["-2+3"],
    "description": "\tindented",
    "citations": [CITATION],
}


def cells(document: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(document.decode("utf-8"), newline="")))


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("a=1", "a=1"),
        ("Gross domestic product", "Gross domestic product"),
        ("'quoted", "'quoted"),
    ],
)
def test_text_cells_that_start_a_formula_get_a_quote(text: str, written: str) -> None:
    row = IndicatorRead(id="x", name=text, description=None, unit="count")
    assert cells(to_csv(IndicatorRead, [row]))[0]["name"] == written


class Row(msgspec.Struct):
    name: str
    value: float
    tags: list[str]


def test_numbers_stay_numbers_and_lists_stay_json() -> None:
    row = Row(name="-x", value=-5.0, tags=["=a"])
    assert cells(to_csv(Row, [row]))[0] == {"name": "'-x", "value": "-5", "tags": '["=a"]'}


@pytest.fixture
async def client(empty_settings: Settings) -> AsyncIterator[AsyncTestClient[Any]]:
    await seed_database(empty_settings)
    key = await new_key(empty_settings, "csv")
    async with AsyncTestClient(app=create_app(empty_settings)) as test_client:
        created = await test_client.post(
            "/v1/organizations", json=ORGANIZATION, headers={"Authorization": f"Bearer {key}"}
        )
        assert created.status_code == 201, created.text
        yield test_client


@pytest.mark.parametrize(
    "path",
    ["/v1/organizations", "/v1/organizations/export", "/v1/organizations/hostile", "/v1/search"],
)
async def test_every_csv_defuses_a_hostile_name(client: AsyncTestClient[Any], path: str) -> None:
    params = {"format": "csv"} | ({"q": "hyperlink"} if path == "/v1/search" else {})
    response = await client.get(path, params=params)

    assert response.status_code == 200, response.text
    row = next(r for r in cells(response.content) if r["id"] == "hostile")
    assert row["name"] == "'" + HOSTILE_NAME
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row.values())
    as_json = (await client.get("/v1/organizations/hostile")).json()
    assert as_json["name"] == HOSTILE_NAME  # only the CSV is escaped, the data is not
