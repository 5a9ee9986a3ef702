"""A request's database access: connections taken from a pool only when a query first needs one.

Two paths share one interface. `execute` runs any SQLAlchemy statement on the engine. `rows`
runs a `Prepared` statement without SQLAlchemy's execution machinery, which costs several times
the database's own work for a small read: on PostgreSQL straight through asyncpg on a connection
of the `DriverPool`, on SQLite through the standard library driver on the event loop
(service/db/sqlite.py). Without either (an in-memory SQLite database, `echo_sql`), `execute`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import asyncpg  # type: ignore[import-untyped]
from sqlalchemy import Executable
from sqlalchemy import exc as sa_exc
from sqlalchemy.dialects.postgresql.asyncpg import dialect as asyncpg_dialect
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from service.db.driver import DriverPool
from service.db.sqlite import SqliteReads, SqliteStatement, compile_for_sqlite
from service.db.typing import AnyResult, AnySelect

Rows = Sequence[Sequence[Any]]

# What asyncpg raises when the server closed a connection under it (a restart, a terminated
# backend): a pooled connection that fails so on its first statement is replaced and retried.
_CONNECTION_LOST = (
    asyncpg.PostgresConnectionError,
    asyncpg.InterfaceError,
    asyncpg.InternalClientError,
    asyncpg.AdminShutdownError,
)
# asyncpg errors that mean the database cannot serve now (errors.py answers them with 503).
_UNAVAILABLE = (
    asyncpg.PostgresConnectionError,
    asyncpg.InterfaceError,
    asyncpg.InternalClientError,
    asyncpg.QueryCanceledError,  # statement_timeout
    asyncpg.AdminShutdownError,
    asyncpg.CannotConnectNowError,
    asyncpg.TooManyConnectionsError,
)


class Prepared:
    """A Core statement whose bound values are all `bindparam`s: compiled once for asyncpg.

    Values written into the statement (`path + "/"`) become parameters with their value
    attached. Expanding (`IN` list) parameters are not allowed: their SQL depends on the list.
    """

    def __init__(self, statement: AnySelect) -> None:
        self.statement = statement
        self._postgresql: tuple[str, tuple[str, ...], dict[str, Any]] | None = None
        self._sqlite: SqliteStatement | None = None

    def sqlite(self) -> SqliteStatement:
        if self._sqlite is None:
            self._sqlite = compile_for_sqlite(self.statement)
        return self._sqlite

    def postgresql(self) -> tuple[str, tuple[str, ...], dict[str, Any]]:
        """The SQL with `$n` placeholders, the parameter name of each `$n` in order, and the
        values the statement itself gives some of them."""
        if self._postgresql is None:
            compiled = self.statement.compile(dialect=_ASYNCPG)
            if "POSTCOMPILE" in compiled.string:
                raise ValueError("expanding parameters cannot be prepared once")
            given = {name: value for name, value in compiled.params.items() if value is not None}
            self._postgresql = (compiled.string, tuple(compiled.positiontup or ()), given)
        return self._postgresql


_ASYNCPG = asyncpg_dialect()  # type: ignore[no-untyped-call]


class Database:
    """What read queries run on: `execute`, `scalar` and `rows`.

    Lazy on purpose: Litestar skips the cleanup of a dependency when another dependency of the
    same request fails validation (a bad `limit`), so a connection opened eagerly there would
    leak. Opened on first use, inside the handler, it is always given back.

    The app's engine runs in autocommit, so reads make no BEGIN/ROLLBACK round trips. Instead of
    pinging every pooled connection before use, the first statement of a request is retried once
    on a new connection when the one from the pool turns out dead (the server closed it).
    """

    def __init__(
        self,
        engine: AsyncEngine,
        driver: DriverPool | None = None,
        sqlite: SqliteReads | None = None,
        *,
        unbounded: bool = False,
    ) -> None:
        """`unbounded`: its statements are not index-bounded (an export's batches), so on
        SQLite they run on a thread rather than inline."""
        self._engine = engine
        self._driver = driver
        self._sqlite = sqlite
        self._unbounded = unbounded
        self._connection: AsyncConnection | None = None
        self._driver_connection: asyncpg.Connection | None = None

    @property
    def merges_index_ranges(self) -> bool:
        """Whether the database reads several index ranges merged in order, stopping at a
        limit (PostgreSQL's Merge Append), rather than each in full (SQLite)."""
        return self._engine.dialect.name == "postgresql"

    async def execute(self, statement: Executable, parameters: Any = None) -> AnyResult:
        fresh = self._connection is None
        connection = await self._connect()
        try:
            return await connection.execute(statement, parameters)
        except sa_exc.DBAPIError as exc:
            if not (fresh and exc.connection_invalidated):
                raise
        await self._close_engine_connection()
        connection = await self._connect()
        return await connection.execute(statement, parameters)

    async def scalar(self, statement: Executable, parameters: Any = None) -> Any:
        return (await self.execute(statement, parameters)).scalar()

    async def rows(self, prepared: Prepared, parameters: Mapping[str, Any]) -> Rows:
        """All rows of `prepared` with `parameters`, as sequences of column values."""
        if self._sqlite is not None:
            if self._unbounded:
                return await self._sqlite.rows_on_thread(prepared.sqlite(), parameters)
            return await self._sqlite.rows(prepared.sqlite(), parameters)
        if self._driver is None:
            return (await self.execute(prepared.statement, parameters)).all()
        sql, names, given = prepared.postgresql()
        if given:
            parameters = {**given, **parameters}
        arguments = [parameters[name] for name in names]
        try:
            return await self._fetch(sql, arguments)
        except _UNAVAILABLE as exc:
            raise sa_exc.OperationalError(sql, arguments, exc) from exc
        except asyncpg.PostgresError as exc:
            raise sa_exc.DBAPIError(sql, arguments, exc) from exc

    async def close(self) -> None:
        await self._close_engine_connection()
        connection, self._driver_connection = self._driver_connection, None
        if connection is not None and self._driver is not None:
            await self._driver.release(connection)

    async def _fetch(self, sql: str, arguments: list[Any]) -> Rows:
        assert self._driver is not None
        fresh = self._driver_connection is None
        if self._driver_connection is None:
            self._driver_connection = await self._driver.acquire()
        try:
            return await self._driver_connection.fetch(sql, *arguments)  # type: ignore[no-any-return]
        except _CONNECTION_LOST:
            # Unusable from now on, whatever state it is in: the pool must not get it back.
            self._driver_connection.terminate()
            await self.close()
            if not fresh:
                raise
        self._driver_connection = await self._driver.acquire()
        return await self._driver_connection.fetch(sql, *arguments)  # type: ignore[no-any-return]

    async def _connect(self) -> AsyncConnection:
        if self._connection is None:
            self._connection = await self._engine.connect()
        return self._connection

    async def _close_engine_connection(self) -> None:
        if self._connection is not None:
            await self._connection.close()
            self._connection = None
