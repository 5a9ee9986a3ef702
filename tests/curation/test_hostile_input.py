"""Strings with SQL, markup, NUL, very long or non-BMP text: stored exactly, or a clear 4xx."""

from __future__ import annotations

import pytest

from tests.curation.conftest import Curator

STORED_EXACTLY = [
    "Robert'); DROP TABLE regions;--",
    "<script>alert('x')</script> & <b>bold</b>",
    "湖南省长沙市岳麓区",
    "𠀋𡈽𡌛 — non-BMP, with an em dash",
    "tab\tinside a description is fine",
    "x" * 10_000,
]
REFUSED = ["NUL\x00byte", "x" * 10_001, ""]


@pytest.mark.parametrize("text", STORED_EXACTLY, ids=range(len(STORED_EXACTLY)))
async def test_text_comes_back_exactly_as_sent(curator: Curator, text: str) -> None:
    body = {"id": "hostile", "name": "Hostile", "description": text, "unit": "count"}

    created = await curator.post("/v1/indicators", body)

    assert created.status_code == 201, created.text
    assert (await curator.read("/v1/indicators/hostile"))[0]["description"] == text


@pytest.mark.parametrize("text", REFUSED, ids=["nul", "too-long", "empty"])
async def test_unstorable_text_is_a_400_naming_the_field(curator: Curator, text: str) -> None:
    body = {"id": "hostile", "name": "Hostile", "description": text, "unit": "count"}

    response = await curator.post("/v1/indicators", body)

    assert response.status_code == 400
    assert response.json()["errors"][0]["name"].endswith("description")
    assert (await curator.client.get("/v1/indicators/hostile")).status_code == 404


async def test_sql_in_an_id_or_name_is_refused_or_stored_verbatim(curator: Curator) -> None:
    bad_id = {"id": "x'; drop", "name": "X", "description": "d", "unit": "count"}
    sql_name = {"id": "sql-name", "name": "1' OR '1'='1", "description": "d", "unit": "count"}

    assert (await curator.post("/v1/indicators", bad_id)).status_code == 400
    created = await curator.post("/v1/indicators", sql_name)
    assert created.json()["name"] == "1' OR '1'='1"
    listed = (await curator.client.get("/v1/indicators", params={"limit": 500})).json()
    assert len([i for i in listed["items"] if i["id"] == "sql-name"]) == 1


async def test_a_body_over_the_size_limit_is_a_413(curator: Curator) -> None:
    limit = curator.settings.max_request_body_bytes
    body = {"id": "big", "name": "Big", "description": "x" * (limit + 1), "unit": "count"}

    response = await curator.post("/v1/indicators", body)

    assert response.status_code == 413


async def test_the_longest_article_the_schema_allows_fits_the_body_limit(curator: Curator) -> None:
    # 500,000 non-BMP characters: 2 MB of UTF-8, the worst case short of escaped controls.
    text = "𠀋" * 500_000
    body = {"id": "longest", "language": "zh", "text": text}

    created = await curator.post("/v1/sources", body)

    assert created.status_code == 201, created.text[:200]
    assert (await curator.read("/v1/sources/longest"))[0]["text"] == text
