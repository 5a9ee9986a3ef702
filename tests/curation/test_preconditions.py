"""ETags on writes: If-Match required (428), stale (412), and If-None-Match on reads (304)."""

from __future__ import annotations

from tests.curation.conftest import Curator


async def test_patch_without_if_match_is_a_428_and_changes_nothing(curator: Curator) -> None:
    before, _ = await curator.read("/v1/indicators/gdp")

    response = await curator.patch("/v1/indicators/gdp", {"name": "Output"}, None)

    assert response.status_code == 428
    assert response.headers["content-type"].startswith("application/problem+json")
    assert (await curator.read("/v1/indicators/gdp"))[0] == before


async def test_a_stale_etag_is_a_412_for_patch_and_delete(curator: Curator) -> None:
    _, stale = await curator.read("/v1/indicators/gdp")
    first = await curator.patch("/v1/indicators/gdp", {"name": "Regional output"}, stale)
    assert first.status_code == 200, first.text

    second = await curator.patch("/v1/indicators/gdp", {"name": "Output"}, stale)
    removal = await curator.delete("/v1/indicators/gdp", stale)

    assert (second.status_code, removal.status_code) == (412, 412)
    assert (await curator.read("/v1/indicators/gdp"))[0]["name"] == "Regional output"


async def test_weak_and_wildcard_tags(curator: Curator) -> None:
    _, etag = await curator.read("/v1/indicators/gdp")

    weak = await curator.patch("/v1/indicators/gdp", {"name": "A"}, f"W/{etag}")
    wildcard = await curator.patch("/v1/indicators/gdp", {"name": "B"}, "*")

    assert weak.status_code == 412  # If-Match compares strongly
    assert wildcard.status_code == 200


async def test_delete_without_if_match_is_a_428(curator: Curator) -> None:
    response = await curator.delete("/v1/observations/hunan-gdp-2023", None)

    assert response.status_code in (404, 428)
    listed = (await curator.client.get("/v1/observations", params={"limit": 1})).json()
    observation_id = listed["items"][0]["id"]
    response = await curator.delete(f"/v1/observations/{observation_id}", None)
    assert response.status_code == 428
    assert (await curator.client.get(f"/v1/observations/{observation_id}")).status_code == 200


async def test_writes_to_a_missing_resource_are_404_before_any_precondition(
    curator: Curator,
) -> None:
    patch = await curator.patch("/v1/regions/atlantis", {"name": "A"}, None)
    delete = await curator.delete("/v1/regions/atlantis", '"x"')

    assert (patch.status_code, delete.status_code) == (404, 404)


async def test_if_none_match_with_the_current_etag_is_a_304(curator: Curator) -> None:
    _, etag = await curator.read("/v1/regions/hunan")

    response = await curator.client.get("/v1/regions/hunan", headers={"If-None-Match": etag})

    assert response.status_code == 304
    assert response.content == b""
    assert response.headers["etag"] == etag
