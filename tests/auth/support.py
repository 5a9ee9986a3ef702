"""Keys made the way the CLI makes them, and an app with routes behind each scope's guard."""

from __future__ import annotations

from typing import Any

from litestar import Litestar, Request, post

from service.app import create_app
from service.auth.guards import WRITE_SECURITY, actor_of, requires_scope
from service.auth.store import revoke_key
from service.db.engine import create_engine
from service.settings import Settings

WRITE_PATH = "/v1/guard-probes/write"
ADMIN_PATH = "/v1/guard-probes/admin"


async def revoke(settings: Settings, name: str) -> None:
    engine = create_engine(settings)
    try:
        async with engine.begin() as connection:
            await revoke_key(connection, name)
    finally:
        await engine.dispose()


@post(WRITE_PATH, guards=[requires_scope("write")], security=WRITE_SECURITY, status_code=200)
async def write_probe(request: Request[Any, Any, Any]) -> dict[str, str]:
    return {"actor": actor_of(request)}


@post(ADMIN_PATH, guards=[requires_scope("admin")], security=WRITE_SECURITY, status_code=200)
async def admin_probe(request: Request[Any, Any, Any]) -> dict[str, str]:
    return {"actor": actor_of(request)}


def guarded_app(settings: Settings) -> Litestar:
    """The service, plus one route behind each scope's guard."""
    app = create_app(settings)
    app.register(write_probe)
    app.register(admin_probe)
    return app
