"""Subtree pages are the same whichever way they are read: merged region by region, or by
walking the id order (what a subtree of more than `MERGE_MAX_REGIONS` regions gets)."""

from __future__ import annotations

from typing import Any

import pytest
from litestar.testing import AsyncTestClient

from service.observations import queries

SUBTREE_QUERIES = [
    {"region": "china", "include_subregions": "true"},
    {"region": "hunan", "include_subregions": "true", "period_from": "2023-01-01"},
    {"region": "changsha", "include_subregions": "true", "period_to": "2023-12-31"},
]


async def _all_pages(client: AsyncTestClient, query: dict[str, str]) -> list[list[str]]:
    """The ids of every page, one observation a page, following `next_cursor`."""
    pages: list[list[str]] = []
    params: dict[str, Any] = {**query, "limit": 1}
    while True:
        response = await client.get("/v1/observations", params=params)
        assert response.status_code == 200, response.text
        body = response.json()
        pages.append([item["id"] for item in body["items"]])
        if body["next_cursor"] is None:
            return pages
        params = {**params, "cursor": body["next_cursor"]}


@pytest.mark.parametrize("query", SUBTREE_QUERIES)
async def test_walking_the_id_order_gives_the_merged_pages(
    client: AsyncTestClient, monkeypatch: pytest.MonkeyPatch, query: dict[str, str]
) -> None:
    merged = await _all_pages(client, query)
    monkeypatch.setattr(queries, "MERGE_MAX_REGIONS", 1)
    walked = await _all_pages(client, query)
    assert walked == merged
    assert len(merged) > 2  # cursors were followed across several pages


async def test_an_unknown_subtree_is_an_empty_page(client: AsyncTestClient) -> None:
    response = await client.get(
        "/v1/observations", params={"region": "atlantis", "include_subregions": "true"}
    )
    assert response.status_code == 200
    assert response.json() == {"items": [], "next_cursor": None}
