"""Writing sources and indicators: what others cite or count in stays fixed."""

from __future__ import annotations

from tests.curation.conftest import Curator

CITED = "global-rd-resources-shape-hunans-growth-drivers"
ARTICLE = {
    "id": "changsha-expo",
    "title": "Changsha hosts an expo",
    "language": "en",
    "authors": ["Li Hua"],
    "text": "The expo drew 120 exhibitors. 长沙 welcomed them. 𠀋 is a rare character.",
}


async def test_create_a_source_and_cite_it_at_once(curator: Curator) -> None:
    created = await curator.post("/v1/sources", ARTICLE)
    _, etag = await curator.read("/v1/regions/changsha")
    cited = await curator.patch(
        "/v1/regions/changsha",
        {"citations": [{"source": "changsha-expo", "quote": "长沙 welcomed them."}]},
        etag,
    )

    assert created.status_code == 201, created.text
    assert created.json()["text"] == ARTICLE["text"]
    assert cited.status_code == 200, cited.text
    citation = cited.json()["citations"][0]
    assert ARTICLE["text"][citation["start"] : citation["end"]] == "长沙 welcomed them."


async def test_a_cited_text_cannot_change_and_a_cited_source_cannot_go(curator: Curator) -> None:
    _, etag = await curator.read(f"/v1/sources/{CITED}")

    edit = await curator.patch(f"/v1/sources/{CITED}", {"text": "Rewritten."}, etag)
    removal = await curator.delete(f"/v1/sources/{CITED}", etag)
    retitled = await curator.patch(f"/v1/sources/{CITED}", {"title": "New title"}, etag)

    assert (edit.status_code, removal.status_code) == (409, 409)
    assert "regions (" in removal.json()["detail"]
    assert retitled.status_code == 200


async def test_an_indicator_in_use_keeps_its_unit(curator: Curator) -> None:
    indicators = (await curator.client.get("/v1/indicators", params={"limit": 500})).json()
    observations = (await curator.client.get("/v1/observations", params={"limit": 1})).json()
    used = observations["items"][0]["indicator"]
    assert used in [item["id"] for item in indicators["items"]]
    _, etag = await curator.read(f"/v1/indicators/{used}")

    response = await curator.patch(f"/v1/indicators/{used}", {"unit": "USD"}, etag)

    assert response.status_code == 409


async def test_a_nul_character_in_a_text_is_a_422(curator: Curator) -> None:
    response = await curator.post("/v1/sources", ARTICLE | {"text": "before\x00after"})

    assert response.status_code == 422
    assert response.json()["errors"][0]["name"] == "text"
