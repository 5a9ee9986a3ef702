"""Idempotency-Key on POST: retries replay the first answer; reuse with another body is a 422."""

from __future__ import annotations

from typing import Any

from tests.curation.conftest import Curator
from tests.keys import new_key

INDICATOR = {
    "id": "exports",
    "name": "Exports",
    "description": "Value of goods sold abroad.",
    "unit": "CNY",
}


async def count_changes(curator: Curator) -> int:
    page: dict[str, Any] = (await curator.client.get("/v1/changes", params={"limit": 500})).json()
    return len(page["items"])


async def test_a_retry_replays_the_first_response_without_writing(curator: Curator) -> None:
    first = await curator.post("/v1/indicators", INDICATOR, **{"Idempotency-Key": "k-1"})
    retry = await curator.post("/v1/indicators", INDICATOR, **{"Idempotency-Key": "k-1"})

    assert (first.status_code, retry.status_code) == (201, 201)
    assert retry.content == first.content
    assert retry.headers["location"] == first.headers["location"] == "/v1/indicators/exports"
    assert retry.headers["etag"] == first.headers["etag"]
    assert retry.headers["idempotent-replayed"] == "true"
    assert await count_changes(curator) == 1


async def test_the_same_key_with_another_body_is_a_422(curator: Curator) -> None:
    await curator.post("/v1/indicators", INDICATOR, **{"Idempotency-Key": "k-2"})

    other = INDICATOR | {"id": "imports", "name": "Imports"}
    response = await curator.post("/v1/indicators", other, **{"Idempotency-Key": "k-2"})

    assert response.status_code == 422
    assert response.json()["errors"][0] == {
        "name": "Idempotency-Key",
        "location": "header",
        "reason": "this key was used with a different request; use a new key for a new request",
    }
    assert (await curator.client.get("/v1/indicators/imports")).status_code == 404


async def test_without_a_key_a_repeat_is_a_conflict(curator: Curator) -> None:
    first = await curator.post("/v1/indicators", INDICATOR)
    repeat = await curator.post("/v1/indicators", INDICATOR)

    assert (first.status_code, repeat.status_code) == (201, 409)


async def test_a_failed_request_is_not_remembered(curator: Curator) -> None:
    bad = INDICATOR | {"id": "gdp"}  # taken
    failed = await curator.post("/v1/indicators", bad, **{"Idempotency-Key": "k-3"})
    fixed = await curator.post(
        "/v1/indicators", bad | {"id": "gdp-2"}, **{"Idempotency-Key": "k-4"}
    )

    assert (failed.status_code, fixed.status_code) == (409, 201)
    again = await curator.post("/v1/indicators", bad, **{"Idempotency-Key": "k-3"})
    assert again.status_code == 409  # nothing was stored for k-3: the request ran again


async def test_keys_belong_to_their_api_key(curator: Curator) -> None:
    other_key = await new_key(curator.settings, "wire-desk")
    await curator.post("/v1/indicators", INDICATOR, **{"Idempotency-Key": "shared"})

    response = await curator.client.post(
        "/v1/indicators",
        json=INDICATOR | {"id": "imports"},
        headers={"Authorization": f"Bearer {other_key}", "Idempotency-Key": "shared"},
    )

    assert response.status_code == 201
