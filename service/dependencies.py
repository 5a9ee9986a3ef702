"""Dependencies shared by every controller."""

from __future__ import annotations

from collections.abc import AsyncIterator

from litestar.datastructures import State

from service.db.connection import Database


async def provide_db(state: State) -> AsyncIterator[Database]:
    """The request's database access; its connection goes back to the pool after the response."""
    database = Database(state.engine)
    try:
        yield database
    finally:
        await database.close()
