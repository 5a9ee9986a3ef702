"""One write transaction: serialised with every other write, recorded as revisions.

Writes take one lock (PostgreSQL: a transaction-level advisory lock; SQLite: BEGIN IMMEDIATE),
so they commit one at a time. That makes revision ids follow commit order, which the change
feed's cursor relies on (a sequence alone would not: a transaction holding a smaller id can
commit after a larger one). Curation writes are few; serialising them costs little.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy import Executable, insert, text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from service.db.connection import Database
from service.db.tables import Revision
from service.db.typing import AnyResult

# pg_advisory_xact_lock key: "GA" "WR" as two 16-bit halves, unlikely to collide with others.
_WRITE_LOCK_KEY = 0x4741_5752


class InTransaction(Database):
    """The read queries' `Database`, running on the write transaction's connection."""

    def __init__(self, connection: AsyncConnection) -> None:
        super().__init__(connection.engine)
        self._transaction_connection = connection

    async def execute(self, statement: Executable, parameters: Any = None) -> AnyResult:
        return await self._transaction_connection.execute(statement, parameters)

    async def close(self) -> None:
        """The transaction owns the connection."""


class WriteSession:
    """What a write runs on: its connection, the time it happens, the revisions it records."""

    def __init__(self, connection: AsyncConnection, actor: str) -> None:
        self.connection = connection
        self.db: Database = InTransaction(connection)
        self.actor = actor
        self.now = dt.datetime.now(dt.UTC)
        self._revisions: list[dict[str, Any]] = []

    async def execute(self, statement: Executable, parameters: Any = None) -> AnyResult:
        return await self.connection.execute(statement, parameters)

    def record(
        self, resource: str, resource_id: str, path: str, action: str, fields: Sequence[str] = ()
    ) -> None:
        """Note a revision; all are written just before the commit, in the order noted."""
        self._revisions.append(
            {
                "resource": resource,
                "resource_id": resource_id,
                "path": path,
                "action": action,
                "actor": self.actor,
                "at": self.now,
                "fields": sorted(fields),
            }
        )

    async def write_revisions(self) -> None:
        for revision in self._revisions:
            await self.connection.execute(insert(Revision).values(**revision))
        self._revisions.clear()


@asynccontextmanager
async def write_transaction(engine: AsyncEngine, actor: str) -> AsyncIterator[WriteSession]:
    """Run a write under the global write lock; commit its revisions with it, or nothing."""
    async with engine.connect() as connection, connection.begin():
        if connection.dialect.name == "postgresql":
            await connection.execute(
                text("SELECT pg_advisory_xact_lock(:key)"), {"key": _WRITE_LOCK_KEY}
            )
        session = WriteSession(connection, actor)
        yield session
        await session.write_revisions()
