"""Dependencies shared by every controller."""

from __future__ import annotations

from collections.abc import AsyncIterator

from litestar.datastructures import State
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine


async def provide_db(state: State) -> AsyncIterator[AsyncConnection]:
    """One pooled connection per request, returned to the pool when the response is sent."""
    engine: AsyncEngine = state.engine
    async with engine.connect() as connection:
        yield connection
