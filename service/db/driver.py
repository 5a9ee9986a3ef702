"""PostgreSQL connections for the reads that run most often, held without SQLAlchemy.

asyncpg's own `Pool` costs about as much CPU per checkout as the query it serves (a timeout
context and a session reset on every release); this one hands an idle connection over in a
list pop and takes it back in a list append, and only builds a timeout when it has to wait.
"""

from __future__ import annotations

import asyncio
import collections
import time
from collections.abc import Callable
from typing import Any

import asyncpg  # type: ignore[import-untyped]
import msgspec
from sqlalchemy.engine import make_url

from service.settings import Settings

IDLE_LIFETIME_SECONDS = 300.0
# Connections beyond `db_pool_size` close once idle this long: closing each as soon as it comes
# back would make a steady load above the pool size open a new connection every few requests.
OVERFLOW_IDLE_SECONDS = 30.0


class DriverPool:
    """At most `db_pool_size + db_max_overflow` connections; `db_pool_size` kept when idle.

    The most recently used idle connection is handed out first, so the ones a lighter load no
    longer needs stay idle and close (after `OVERFLOW_IDLE_SECONDS` beyond the pool size).

    The same bounds as the engine's pool. Waiting longer than `db_pool_timeout_seconds` for a
    connection raises `TimeoutError` (a 503). Connections only ever run single read statements
    in autocommit, so nothing of their session needs undoing between requests; one that comes
    back inside a transaction (a bug) or closed is discarded rather than reused.
    """

    def __init__(self, settings: Settings) -> None:
        self._dsn = driver_dsn(settings)
        self._keep = settings.db_pool_size
        self._max = settings.db_pool_size + settings.db_max_overflow
        self._timeout = settings.db_pool_timeout_seconds
        self._server_settings = {
            "statement_timeout": str(int(settings.db_statement_timeout_seconds * 1000))
        }
        self._idle: list[tuple[asyncpg.Connection, float]] = []
        self._waiters: collections.deque[asyncio.Future[asyncpg.Connection | None]] = (
            collections.deque()
        )
        self._open = 0  # connections that exist or are being opened, idle or not
        self._query_loggers: list[Callable[[Any], None]] = []

    @property
    def checked_out(self) -> int:
        return self._open - len(self._idle)

    def add_query_logger(self, logger: Callable[[Any], None]) -> None:
        """Call `logger(asyncpg.connection.LoggedQuery)` after each statement from now on."""
        self._query_loggers.append(logger)
        for connection, _ in self._idle:
            connection.add_query_logger(logger)

    async def acquire(self) -> asyncpg.Connection:
        while self._idle:
            connection, since = self._idle.pop()
            if time.monotonic() - since < IDLE_LIFETIME_SECONDS and not connection.is_closed():
                return connection
            self._discard(connection)
        while self._open >= self._max:
            handed = await self._wait()
            if handed is not None:
                return handed
        self._open += 1
        try:
            return await self._connect()
        except BaseException:
            self._open -= 1
            raise

    async def release(self, connection: asyncpg.Connection) -> None:
        if connection.is_closed() or connection.is_in_transaction():
            self._discard(connection)
            self._hand_over(None)
        elif not self._hand_over(connection):
            now = time.monotonic()
            self._idle.append((connection, now))
            while len(self._idle) > self._keep and now - self._idle[0][1] > OVERFLOW_IDLE_SECONDS:
                self._discard(self._idle.pop(0)[0])

    async def close(self) -> None:
        idle, self._idle = self._idle, []
        for connection, _ in idle:
            self._open -= 1
            await connection.close(timeout=self._timeout)

    async def _connect(self) -> asyncpg.Connection:
        connection = await asyncpg.connect(
            self._dsn, timeout=self._timeout, server_settings=self._server_settings
        )
        await connection.set_type_codec(
            "json", schema="pg_catalog", encoder=_encode_json, decoder=msgspec.json.decode
        )
        for logger in self._query_loggers:
            connection.add_query_logger(logger)
        return connection

    async def _wait(self) -> asyncpg.Connection | None:
        """A connection given back by another request, or None: open one (a slot was freed)."""
        waiter: asyncio.Future[asyncpg.Connection | None] = (
            asyncio.get_running_loop().create_future()
        )
        self._waiters.append(waiter)
        try:
            return await asyncio.wait_for(asyncio.shield(waiter), self._timeout)
        except TimeoutError:
            if waiter.done() and not waiter.cancelled():
                # Handed over just as the wait ended: pass it on rather than lose it.
                handed = waiter.result()
                if handed is not None:
                    await self.release(handed)
                else:
                    self._hand_over(None)
            raise
        finally:
            if not waiter.done():
                waiter.cancel()

    def _hand_over(self, connection: asyncpg.Connection | None) -> bool:
        """Give `connection` (or a free slot, None) to the longest waiter; False if none waits."""
        while self._waiters:
            waiter = self._waiters.popleft()
            if not waiter.done():
                waiter.set_result(connection)  # None: the waiter may open one in the freed slot
                return True
        return False

    def _discard(self, connection: asyncpg.Connection) -> None:
        self._open -= 1
        connection.terminate()


def driver_dsn(settings: Settings) -> str:
    """The database URL as asyncpg takes it (no SQLAlchemy driver name)."""
    url = make_url(settings.database_url).set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


def _encode_json(value: object) -> str:
    return msgspec.json.encode(value).decode()
