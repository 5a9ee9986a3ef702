"""GET /v1/sources (without text) and /v1/sources/{id} (with the text citations point into)."""

from __future__ import annotations

from typing import Any

import pytest
from litestar.testing import AsyncTestClient

from tests.api.support import (
    BAD_LIMITS,
    MALFORMED_IDS,
    SOURCE_FIELDS,
    SOURCE_SUMMARY_FIELDS,
    assert_problem,
    ids,
    page,
)
from tests.conftest import SEEDS_DIR

ARTICLE_000 = "global-rd-resources-shape-hunans-growth-drivers"
ARTICLE_001 = "xiangjiang-new-area-innovation"
FILES = {
    ARTICLE_000: SEEDS_DIR / "articles" / "000_b2b969e3c19eb559.txt",
    ARTICLE_001: SEEDS_DIR / "articles" / "001_5d0a964235a9b470.txt",
}


@pytest.fixture
async def article_000(client: AsyncTestClient) -> dict[str, Any]:
    response = await client.get(f"/v1/sources/{ARTICLE_000}")
    assert response.status_code == 200
    return response.json()


async def test_list_has_every_source_without_its_text(client: AsyncTestClient) -> None:
    response = await client.get("/v1/sources")
    assert ids(response) == [ARTICLE_000, ARTICLE_001]
    assert response.json()["next_cursor"] is None
    for source in page(response):
        assert set(source) == SOURCE_SUMMARY_FIELDS
        assert "text" not in source


async def test_get_source_has_its_metadata_and_text(article_000: dict[str, Any]) -> None:
    assert set(article_000) == SOURCE_FIELDS
    assert article_000["title"] == "Global R&D Resources Shape Hunan's Growth Drivers"
    assert article_000["publisher"] == "Science and Technology Daily"
    assert article_000["published_on"] == "2024-04-01"
    assert article_000["authors"] == ["CHEN Chunyou", "YU Huiyou"]
    assert (article_000["url"], article_000["language"]) == (None, "en")


async def test_source_text_is_the_article_verbatim(client: AsyncTestClient) -> None:
    """Offsets are code points into this exact string: en spaces and curly quotes included."""
    for source_id, path in FILES.items():
        text = (await client.get(f"/v1/sources/{source_id}")).json()["text"]
        assert text == path.read_text(encoding="utf-8"), source_id
    article_001 = (await client.get(f"/v1/sources/{ARTICLE_001}")).json()["text"]
    assert "Changsha\u2019s Xiangjiang New Area" in article_001


async def test_unstated_metadata_is_null(client: AsyncTestClient) -> None:
    source = (await client.get(f"/v1/sources/{ARTICLE_001}")).json()
    assert [source[k] for k in ("title", "publisher", "published_on", "url")] == [None] * 4
    assert source["authors"] == []


async def test_list_item_is_the_single_item_without_text(
    client: AsyncTestClient, article_000: dict[str, Any]
) -> None:
    (listed,) = page(await client.get("/v1/sources", params={"limit": 1}))
    assert listed == {k: v for k, v in article_000.items() if k != "text"}


async def test_unknown_source_is_a_404(client: AsyncTestClient) -> None:
    body = assert_problem(await client.get("/v1/sources/the-daily-planet"), 404)
    assert "the-daily-planet" in body["detail"]


async def test_malformed_id_is_a_400(client: AsyncTestClient) -> None:
    for source_id in MALFORMED_IDS:
        response = await client.get(f"/v1/sources/{source_id}")
        assert_problem(response, 400, "source_id", "path")


async def test_bad_limit_is_a_400(client: AsyncTestClient) -> None:
    for limit in BAD_LIMITS:
        assert_problem(await client.get("/v1/sources", params={"limit": limit}), 400, "limit")
