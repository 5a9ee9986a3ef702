"""The framework ceiling: a Litestar app that does nothing but send pre-encoded bytes.

Each route answers with the exact body (and `Link` header) the real service sent for the
benchmarked request, so the bytes on the wire match and the difference to the service is the
cost of its work: dependencies, parameter parsing, the database, building and encoding Structs.

CEILING_RESPONSES names a JSON manifest `{route: {"body": <file>, "headers": {...}}}` with the
routes "region", "observations", "organizations" and "regions" (load.py writes it).

    uvicorn ceiling_app:create_app --factory --app-dir benchmarks
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from litestar import Litestar, MediaType, Response, get


def _load() -> dict[str, tuple[bytes, dict[str, str]]]:
    manifest_path = Path(os.environ["CEILING_RESPONSES"])
    manifest = json.loads(manifest_path.read_text())
    return {
        route: (Path(entry["body"]).read_bytes(), dict(entry.get("headers", {})))
        for route, entry in manifest.items()
    }


def create_app() -> Litestar:
    responses = _load()
    empty = (b'{"items":[],"next_cursor":null}', {})
    region_body, region_headers = responses.get("region", (b"{}", {}))
    observations_body, observations_headers = responses.get("observations", empty)
    organizations_body, organizations_headers = responses.get("organizations", empty)
    regions_body, regions_headers = responses.get("regions", empty)

    @get("/v1/regions/{region_id:str}", media_type=MediaType.JSON)
    async def region(region_id: str) -> Response[bytes]:
        return Response(region_body, media_type=MediaType.JSON, headers=region_headers)

    @get("/v1/regions", media_type=MediaType.JSON)
    async def regions() -> Response[bytes]:
        return Response(regions_body, media_type=MediaType.JSON, headers=regions_headers)

    @get("/v1/observations", media_type=MediaType.JSON)
    async def observations() -> Response[bytes]:
        return Response(observations_body, media_type=MediaType.JSON, headers=observations_headers)

    @get("/v1/organizations", media_type=MediaType.JSON)
    async def organizations() -> Response[bytes]:
        return Response(
            organizations_body, media_type=MediaType.JSON, headers=organizations_headers
        )

    return Litestar(
        route_handlers=[region, regions, observations, organizations], openapi_config=None
    )
