"""An app with a route that reads its request body, for the tests of what bodies it accepts."""

from __future__ import annotations

from typing import Any

from litestar import Litestar, Request, post

from service.app import create_app
from service.settings import Settings

ECHO_PATH = "/v1/body-probe"


@post(ECHO_PATH, status_code=200)
async def body_probe(request: Request[Any, Any, Any]) -> dict[str, int]:
    return {"received": len(await request.body())}


@post("/v1/failing-probe", status_code=200)
async def failing_probe() -> None:
    raise RuntimeError("SELECT key_hash FROM api_keys WHERE name = 'curator'")


def probed_app(settings: Settings) -> Litestar:
    app = create_app(settings)
    app.register(body_probe)
    app.register(failing_probe)
    return app
