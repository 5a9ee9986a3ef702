"""The change feed: every write in commit order, resumable with its cursor."""

from __future__ import annotations

from typing import Any

from tests.curation.conftest import Curator

JOINT_VENTURE = "basf-shanshan-battery-materials"
RELATION = f"/v1/organizations/basf/relations/joint_venture_partner_of/{JOINT_VENTURE}"
INDICATOR = {"id": "exports", "name": "Exports", "description": "Goods sold abroad.", "unit": "CNY"}


async def feed(curator: Curator, cursor: str | None = None) -> dict[str, Any]:
    params = {"cursor": cursor} if cursor else {}
    response = await curator.client.get("/v1/changes", params=params)
    assert response.status_code == 200, response.text
    page: dict[str, Any] = response.json()
    return page


async def test_a_seeded_dataset_has_no_changes_yet_and_a_cursor_to_poll(curator: Curator) -> None:
    page = await feed(curator)

    assert page["items"] == []
    assert page["next_cursor"]


async def test_create_update_delete_are_listed_in_order_with_actor_and_fields(
    curator: Curator,
) -> None:
    created = await curator.post("/v1/indicators", INDICATOR)
    updated = await curator.patch(
        "/v1/indicators/exports", {"name": "Exports of goods"}, created.headers["etag"]
    )
    await curator.delete("/v1/indicators/exports", updated.headers["etag"])

    items = (await feed(curator))["items"]

    assert [(i["action"], i["resource"], i["resource_id"]) for i in items] == [
        ("create", "indicators", "exports"),
        ("update", "indicators", "exports"),
        ("delete", "indicators", "exports"),
    ]
    assert [i["sequence"] for i in items] == sorted(i["sequence"] for i in items)
    assert {i["actor"] for i in items} == {"newsroom"}
    assert items[1]["fields"] == ["name"]
    assert items[0]["path"] == "/v1/indicators/exports"
    assert items[0]["at"].endswith(("Z", "+00:00"))


async def test_polling_with_the_cursor_returns_only_newer_changes(curator: Curator) -> None:
    await curator.post("/v1/indicators", INDICATOR)
    cursor = (await feed(curator))["next_cursor"]

    assert (await feed(curator, cursor))["items"] == []
    await curator.post("/v1/indicators", INDICATOR | {"id": "imports"})
    newer = await feed(curator, cursor)

    assert [item["resource_id"] for item in newer["items"]] == ["imports"]


async def test_a_relation_change_is_also_an_update_of_both_organizations(curator: Curator) -> None:
    _, etag = await curator.read(
        "/v1/organizations/basf/relations/joint_venture_partner_of/basf-shanshan-battery-materials"
    )

    await curator.delete(
        "/v1/organizations/basf/relations/joint_venture_partner_of/basf-shanshan-battery-materials",
        etag,
    )
    items = (await feed(curator))["items"]

    assert {(i["resource"], i["resource_id"], i["action"]) for i in items} == {
        ("relations", f"basf/joint_venture_partner_of/{JOINT_VENTURE}", "delete"),
        ("organizations", "basf", "update"),
        ("organizations", JOINT_VENTURE, "update"),
    }


async def test_a_tampered_cursor_is_a_400(curator: Curator) -> None:
    cursor = (await feed(curator))["next_cursor"]

    response = await curator.client.get("/v1/changes", params={"cursor": cursor[:-2] + "AA"})

    assert response.status_code == 400
