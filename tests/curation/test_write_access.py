"""Writes need a key with the write scope; reads stay public."""

from __future__ import annotations

from tests.curation.conftest import Curator

INDICATOR = {"id": "exports", "name": "Exports", "description": "Goods sold abroad.", "unit": "CNY"}


async def test_no_key_is_a_401_with_a_challenge_and_nothing_is_written(curator: Curator) -> None:
    response = await curator.client.post("/v1/indicators", json=INDICATOR)

    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert response.headers["content-type"].startswith("application/problem+json")
    assert (await curator.client.get("/v1/indicators/exports")).status_code == 404


async def test_an_unknown_key_is_a_401_and_its_text_is_not_echoed(curator: Curator) -> None:
    forged = "ga_abcdefgh_" + "s" * 40
    headers = {"Authorization": f"Bearer {forged}"}

    response = await curator.client.post("/v1/indicators", json=INDICATOR, headers=headers)

    assert response.status_code == 401
    assert forged not in response.text


async def test_every_write_method_is_guarded(curator: Curator) -> None:
    _, etag = await curator.read("/v1/regions/hunan")
    headers = {"If-Match": etag}

    patch = await curator.client.patch("/v1/regions/hunan", json={"name": "X"}, headers=headers)
    delete = await curator.client.delete("/v1/regions/hunan", headers=headers)

    assert (patch.status_code, delete.status_code) == (401, 401)
