"""Writing regions: create, update (moves included), delete, and the rules that guard them."""

from __future__ import annotations

from typing import Any

from tests.curation.conftest import Curator

ARTICLE = "global-rd-resources-shape-hunans-growth-drivers"
QUOTE = "A view of Xiang River in Changsha city, Hunan province."


def region(region_id: str, **fields: Any) -> dict[str, Any]:
    body = {
        "id": region_id,
        "name": region_id.replace("-", " ").title(),
        "kind": "district",
        "parent": "changsha",
        "citations": [{"source": ARTICLE, "quote": QUOTE}],
    }
    return body | fields


async def test_create_answers_201_with_location_etag_and_the_region(curator: Curator) -> None:
    response = await curator.post("/v1/regions", region("yuelu", aliases=["岳麓区"]))

    assert response.status_code == 201, response.text
    assert response.headers["location"] == "/v1/regions/yuelu"
    created = response.json()
    assert created["parent"] == "changsha"
    assert created["aliases"] == ["岳麓区"]
    citation = created["citations"][0]
    text = (await curator.client.get(f"/v1/sources/{ARTICLE}")).json()["text"]
    assert text[citation["start"] : citation["end"]] == citation["quote"] == QUOTE
    stored, etag = await curator.read("/v1/regions/yuelu")
    assert stored == created
    assert etag == response.headers["etag"]


async def test_created_region_is_in_its_parents_subtree(curator: Curator) -> None:
    await curator.post("/v1/regions", region("yuelu"))

    children = await curator.client.get("/v1/regions/changsha/children")
    ancestors = await curator.client.get("/v1/regions/yuelu/ancestors")

    assert "yuelu" in [item["id"] for item in children.json()["items"]]
    assert [item["id"] for item in ancestors.json()["items"]] == ["china", "hunan", "changsha"]


async def test_a_quote_not_in_the_source_is_a_422_naming_the_field(curator: Curator) -> None:
    body = region("yuelu", citations=[{"source": ARTICLE, "quote": "Not in the article."}])

    response = await curator.post("/v1/regions", body)

    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["errors"][0]["name"] == "citations[0]"
    assert (await curator.client.get("/v1/regions/yuelu")).status_code == 404


async def test_offsets_that_do_not_point_at_the_quote_are_refused(curator: Curator) -> None:
    text = (await curator.client.get(f"/v1/sources/{ARTICLE}")).json()["text"]
    start = text.index(QUOTE)
    wrong_start = {"source": ARTICLE, "quote": QUOTE, "start": start - 1}
    wrong_end = {"source": ARTICLE, "quote": QUOTE, "start": start, "end": start + 3}

    for citation in (wrong_start, wrong_end):
        response = await curator.post("/v1/regions", region("yuelu", citations=[citation]))
        assert response.status_code == 422, citation


async def test_duplicate_id_is_a_409_and_changes_nothing(curator: Curator) -> None:
    before, _ = await curator.read("/v1/regions/hunan")

    response = await curator.post("/v1/regions", region("hunan", parent=None))

    assert response.status_code == 409
    assert (await curator.read("/v1/regions/hunan"))[0] == before


async def test_unknown_parent_and_unknown_fields_are_refused(curator: Curator) -> None:
    unknown_parent = await curator.post("/v1/regions", region("yuelu", parent="atlantis"))
    unknown_field = await curator.post("/v1/regions", region("yuelu", population=1))

    assert unknown_parent.status_code == 422
    assert unknown_parent.json()["errors"][0]["name"] == "parent"
    assert unknown_field.status_code == 400


async def test_patch_changes_only_the_fields_sent(curator: Curator) -> None:
    before, etag = await curator.read("/v1/regions/hunan")

    response = await curator.patch("/v1/regions/hunan", {"aliases": ["湖南省"]}, etag)

    assert response.status_code == 200, response.text
    after = response.json()
    assert after == before | {"aliases": ["湖南省"]}
    assert response.headers["etag"] != etag
    assert (await curator.read("/v1/regions/hunan")) == (after, response.headers["etag"])


async def test_search_finds_a_region_by_its_new_alias(curator: Curator) -> None:
    _, etag = await curator.read("/v1/regions/hunan")
    await curator.patch("/v1/regions/hunan", {"aliases": ["湖南省"]}, etag)

    found = await curator.client.get("/v1/regions", params={"q": "湖南"})

    assert [item["id"] for item in found.json()["items"]] == ["hunan"]


async def test_moving_a_region_moves_its_subtree(curator: Curator) -> None:
    await curator.post("/v1/regions", region("yuelu", parent="xiangjiang-new-area"))
    _, etag = await curator.read("/v1/regions/xiangjiang-new-area")

    moved = await curator.patch("/v1/regions/xiangjiang-new-area", {"parent": "hunan"}, etag)

    assert moved.status_code == 200, moved.text
    ancestors = await curator.client.get("/v1/regions/yuelu/ancestors")
    assert [item["id"] for item in ancestors.json()["items"]] == [
        "china",
        "hunan",
        "xiangjiang-new-area",
    ]
    in_changsha = await curator.client.get(
        "/v1/observations", params={"region": "changsha", "include_subregions": "true"}
    )
    assert all(item["region"] != "xiangjiang-new-area" for item in in_changsha.json()["items"])


async def test_a_region_cannot_move_under_itself(curator: Curator) -> None:
    await curator.post("/v1/regions", region("yuelu", parent="xiangjiang-new-area"))
    _, etag = await curator.read("/v1/regions/changsha")

    for parent in ("changsha", "yuelu"):
        response = await curator.patch("/v1/regions/changsha", {"parent": parent}, etag)
        assert response.status_code == 422, parent
        assert response.json()["errors"][0]["name"] == "parent"


async def test_iso_code_held_by_another_region_is_a_409(curator: Curator) -> None:
    _, etag = await curator.read("/v1/regions/changsha")

    response = await curator.patch("/v1/regions/changsha", {"iso_3166": "CN-HN"}, etag)

    assert response.status_code == 409
    assert "hunan" in response.json()["detail"]


async def test_delete_a_region_nothing_depends_on(curator: Curator) -> None:
    created = await curator.post("/v1/regions", region("yuelu"))

    response = await curator.delete("/v1/regions/yuelu", created.headers["etag"])

    assert response.status_code == 204
    assert response.content == b""
    assert (await curator.client.get("/v1/regions/yuelu")).status_code == 404


async def test_delete_of_a_region_others_depend_on_is_a_409_naming_them(curator: Curator) -> None:
    _, etag = await curator.read("/v1/regions/changsha")

    response = await curator.delete("/v1/regions/changsha", etag)

    assert response.status_code == 409
    detail = response.json()["detail"]
    assert "child regions (xiangjiang-new-area)" in detail
    assert "organizations placed in it (zoomlion)" in detail
    assert (await curator.client.get("/v1/regions/changsha")).status_code == 200
