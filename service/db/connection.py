"""A request's database connection, taken from the pool only when a query first needs it."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Executable
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from service.db.typing import AnyResult


class Database:
    """What read queries run on: `execute` and `scalar`, as on an `AsyncConnection`.

    Lazy on purpose: Litestar skips the cleanup of a dependency when another dependency of the
    same request fails validation (a bad `limit`), so a connection opened eagerly there would
    leak. Opened on first use, inside the handler, it is always given back.

    The app's engine runs in autocommit, so reads make no BEGIN/ROLLBACK round trips. Instead of
    pinging every pooled connection before use, the first statement of a request is retried once
    on a new connection when the one from the pool turns out dead (the server closed it).
    """

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine
        self._connection: AsyncConnection | None = None

    async def execute(self, statement: Executable, parameters: Any = None) -> AnyResult:
        fresh = self._connection is None
        connection = await self._connect()
        try:
            return await connection.execute(statement, parameters)
        except DBAPIError as exc:
            if not (fresh and exc.connection_invalidated):
                raise
        await self.close()
        connection = await self._connect()
        return await connection.execute(statement, parameters)

    async def scalar(self, statement: Executable, parameters: Any = None) -> Any:
        return (await self.execute(statement, parameters)).scalar()

    async def close(self) -> None:
        if self._connection is not None:
            await self._connection.close()
            self._connection = None

    async def _connect(self) -> AsyncConnection:
        if self._connection is None:
            self._connection = await self._engine.connect()
        return self._connection
