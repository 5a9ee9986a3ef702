"""Search folds compatibility forms and case on both sides: full-width, NFD, ß all match."""

from __future__ import annotations

import asyncio
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from litestar.testing import AsyncTestClient
from sqlalchemy import select, update
from sqlmodel import col

from service.db.engine import create_engine
from service.db.migrate import upgrade
from service.db.tables import Organization, Region
from service.regions.queries import search_text
from service.search.folding import fold
from service.settings import Settings
from tests.conftest import RunningApp, seed_database, shared_app
from tests.databases import temporary_database
from tests.keys import new_key


def full_width(text: str) -> str:
    """The full-width forms (U+FF01 on) of ASCII letters, as East Asian input methods type them."""
    return "".join(chr(ord(c) + 0xFEE0) for c in text)


NFC_CAFE = "Café Xiangjiang"
NFD_CAFE = unicodedata.normalize("NFD", NFC_CAFE)
CITATION = {
    "source": "global-rd-resources-shape-hunans-growth-drivers",
    "quote": "One notable collaboration is the BASF Shanshan Battery Materials Co.,Ltd. (BSBM)",
}


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        (full_width("Hunan"), "hunan"),
        (NFD_CAFE, "café xiangjiang"),
        ("Straße", "strasse"),
        ("\ufb01", "fi"),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded
    assert fold(folded) == folded


@pytest.fixture(scope="module")
def folding_settings(
    backend: str, seeded_template: Settings, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Settings]:
    directory = tmp_path_factory.mktemp("folding")
    with temporary_database(backend, directory, template=seeded_template) as settings:
        yield settings


@pytest.fixture(scope="module")
def folding_app(folding_settings: Settings) -> Iterator[RunningApp]:
    """One app for the module: after `cafe` is written, the tests only read."""
    with shared_app(folding_settings) as running:
        yield running


@pytest.fixture(scope="module")
async def cafe(folding_settings: Settings, folding_app: RunningApp) -> None:
    """An organization named with decomposed accents, written through the API."""
    key = await new_key(folding_settings, "folding")
    body = {"id": "cafe", "name": NFD_CAFE, "kind": "company", "citations": [CITATION]}
    created = await folding_app.client().post(
        "/v1/organizations", json=body, headers={"Authorization": f"Bearer {key}"}
    )
    assert created.status_code == 201, created.text


@pytest.fixture
def client(folding_app: RunningApp, cafe: None) -> AsyncTestClient[Any]:
    return folding_app.client()


async def search_ids(client: AsyncTestClient[Any], path: str, q: str) -> list[str]:
    response = await client.get(path, params={"q": q})
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["items"]]


@pytest.mark.parametrize("q", [full_width("Hunan"), full_width("HUNAN"), "hunan"])
async def test_full_width_text_finds_its_ascii_name(client: AsyncTestClient[Any], q: str) -> None:
    assert "hunan" in await search_ids(client, "/v1/search", q)
    assert "hunan" in await search_ids(client, "/v1/regions", q)


async def test_the_search_page_folds_as_the_api_does(client: AsyncTestClient[Any]) -> None:
    response = await client.get("/search", params={"q": full_width("Hunan")})
    assert response.status_code == 200
    assert 'href="/regions/hunan"' in response.text


@pytest.mark.parametrize("q", [NFC_CAFE, NFD_CAFE, "CAFÉ", full_width("caf") + "é"])
async def test_composed_and_decomposed_accents_match(client: AsyncTestClient[Any], q: str) -> None:
    assert await search_ids(client, "/v1/search", q) == ["cafe"]
    assert await search_ids(client, "/v1/organizations", q) == ["cafe"]


def test_the_migration_refolds_existing_rows(backend: str, tmp_path: Path) -> None:
    """Rows written before folding (case folding only) are folded by migration 0009."""
    name, aliases = full_width("Hunan"), [NFD_CAFE]
    with temporary_database(backend, tmp_path) as settings:
        upgrade(settings, "0008")
        asyncio.run(seed_database(settings))
        old = "\n".join(term.casefold() for term in (name, *aliases))
        asyncio.run(_set(settings, name, aliases, old))
        upgrade(settings)
        # An organization's terms are its name, short name (none here) and aliases.
        expected = (search_text(name, aliases), search_text(name, ["", *aliases]))
        assert asyncio.run(_search_texts(settings)) == expected


async def _set(settings: Settings, name: str, aliases: list[str], text: str) -> None:
    engine = create_engine(settings)
    try:
        async with engine.begin() as connection:
            for table in (Region, Organization):
                await connection.execute(
                    update(table)
                    .where(col(table.id) == ("hunan" if table is Region else "zoomlion"))
                    .values(name=name, aliases=aliases, search_text=text)
                )
            await connection.execute(
                update(Organization)
                .where(col(Organization.id) == "zoomlion")
                .values(short_name=None)
            )
    finally:
        await engine.dispose()


async def _search_texts(settings: Settings) -> tuple[str, str]:
    engine = create_engine(settings)
    try:
        async with engine.connect() as connection:
            region = await connection.scalar(
                select(col(Region.search_text)).where(col(Region.id) == "hunan")
            )
            organization = await connection.scalar(
                select(col(Organization.search_text)).where(col(Organization.id) == "zoomlion")
            )
    finally:
        await engine.dispose()
    return str(region), str(organization)
