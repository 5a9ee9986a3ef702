"""API keys for tests that write."""

from __future__ import annotations

from service.auth.store import Scope, create_key
from service.db.engine import create_engine
from service.settings import Settings


async def new_key(settings: Settings, name: str, scope: Scope = "write") -> str:
    """Store a new key in the database of `settings`; return the token a client sends."""
    engine = create_engine(settings)
    try:
        async with engine.begin() as connection:
            return (await create_key(connection, name, scope)).token
    finally:
        await engine.dispose()
