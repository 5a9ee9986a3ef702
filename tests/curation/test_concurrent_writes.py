"""No lost updates: many writers holding one ETag, one real server, exactly one wins."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx

from service.settings import Settings
from tests.conftest import seed_database
from tests.keys import new_key
from tests.servers import serve

WRITERS = 50


async def test_fifty_patches_with_one_etag_make_one_winner(
    empty_settings: Settings, tmp_path: Path
) -> None:
    await seed_database(empty_settings)
    key = await new_key(empty_settings, "newsroom")
    with serve(empty_settings, tmp_path, rate_limit_key_per_minute="0") as server:
        async with httpx.AsyncClient(base_url=server.base_url, timeout=30) as client:
            etag = (await client.get("/v1/regions/hunan")).headers["etag"]

            async def rename(n: int) -> httpx.Response:
                headers = {"Authorization": f"Bearer {key}", "If-Match": etag}
                body = {"aliases": [f"Hunan writer {n}"]}
                return await client.patch("/v1/regions/hunan", json=body, headers=headers)

            responses = await asyncio.gather(*(rename(n) for n in range(WRITERS)))
            final = await client.get("/v1/regions/hunan")
            changes = (await client.get("/v1/changes", params={"limit": 500})).json()["items"]

    statuses = sorted(response.status_code for response in responses)
    assert statuses == [200] + [412] * (WRITERS - 1)
    winner = next(response for response in responses if response.status_code == 200)
    assert final.json() == winner.json()
    assert final.headers["etag"] == winner.headers["etag"]
    assert [change["resource_id"] for change in changes if change["action"] == "update"] == [
        "hunan"
    ]
