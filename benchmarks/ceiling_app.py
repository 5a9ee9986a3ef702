"""The framework ceiling: a Litestar app that does nothing but send pre-encoded bytes.

Each request benchmarked is answered with the exact body (and `Link` header) the real service
sent for it, so the bytes on the wire match and the difference to the service is the cost of
its work: dependencies, parameter parsing, the database, building and encoding Structs.

CEILING_RESPONSES names a JSON manifest `{"<path>?<query>": {"body": <file>, "headers": {...}}}`
(load.py writes it); one handler under /v1 looks the request up in it.

    uvicorn ceiling_app:create_app --factory --app-dir benchmarks
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from litestar import Litestar, MediaType, Request, Response, get


def _load() -> dict[str, tuple[bytes, dict[str, str]]]:
    manifest_path = Path(os.environ["CEILING_RESPONSES"])
    manifest = json.loads(manifest_path.read_text())
    return {
        target: (Path(entry["body"]).read_bytes(), dict(entry.get("headers", {})))
        for target, entry in manifest.items()
    }


def create_app() -> Litestar:
    responses = _load()
    missing = (b'{"items":[],"next_cursor":null}', {})

    @get("/v1/{rest:path}", media_type=MediaType.JSON)
    async def replay(request: Request[Any, Any, Any]) -> Response[bytes]:
        query = request.scope["query_string"].decode("latin-1")
        body, headers = responses.get(
            request.scope["path"] + ("?" + query if query else ""), missing
        )
        return Response(body, media_type=MediaType.JSON, headers=headers)

    return Litestar(route_handlers=[replay], openapi_config=None)
