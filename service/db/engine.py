"""Engine construction: one place that knows the differences between SQLite and PostgreSQL.

Four engines serve a process: the reads' (autocommit), the hot reads' driver pool on
PostgreSQL, the exports' (autocommit, a connection per export) and the writers' (transactions,
a small pool).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import msgspec
from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from service.db.driver import DriverPool
from service.settings import Settings


def create_engine(settings: Settings, *, autocommit: bool = False) -> AsyncEngine:
    """An async engine for `settings.database_url`, tuned for its backend.

    `autocommit` suits the service's reads: each statement stands alone, with no BEGIN and
    ROLLBACK around it; the isolation level is set once per new connection, not per checkout.
    """
    url = make_url(settings.database_url)
    isolation = {"isolation_level": "AUTOCOMMIT"} if autocommit else {}
    if url.get_backend_name() == "sqlite":
        return _sqlite_engine(settings, isolation)
    timeout_ms = int(settings.db_statement_timeout_seconds * 1000)
    return create_async_engine(
        url,
        echo=settings.echo_sql,
        **isolation,
        **_pool_args(settings),
        connect_args={
            "timeout": settings.db_pool_timeout_seconds,
            "server_settings": {
                "statement_timeout": str(timeout_ms),
                # Statements are prepared once per connection; a generic plan ignores the
                # parameters (a small subtree or a whole country) and can be ruinous.
                "plan_cache_mode": "force_custom_plan",
            },
        },
    )


def create_driver_pool(settings: Settings) -> DriverPool | None:
    """The connections of the prepared hot reads on PostgreSQL; None on SQLite.

    Their statements are written so that one plan suits every parameter (PostgreSQL's default
    `plan_cache_mode`): planning a statement on every execution would double the database's
    work for the smallest reads.

    With `echo_sql` there is none either, so that every statement goes through the engine and
    its log.
    """
    url = make_url(settings.database_url)
    if url.get_backend_name() != "postgresql" or settings.echo_sql:
        return None
    return DriverPool(settings)


def _pool_args(settings: Settings) -> dict[str, Any]:
    return {
        "pool_size": settings.db_pool_size,
        "max_overflow": settings.db_max_overflow,
        "pool_timeout": settings.db_pool_timeout_seconds,
    }


# Each SQLite connection of an async engine is a thread with a page cache of its own (2 MB),
# and all of them share one process and its GIL: beyond a few, more only cost memory (twenty
# took the memory benchmark's server 35 MB past its PostgreSQL twin).
SQLITE_MAX_CONNECTIONS = 4


def _sqlite_pool(settings: Settings) -> Settings:
    size = min(settings.db_pool_size, SQLITE_MAX_CONNECTIONS)
    overflow = min(settings.db_max_overflow, SQLITE_MAX_CONNECTIONS - size)
    return msgspec.structs.replace(settings, db_pool_size=size, db_max_overflow=overflow)


def _sqlite_engine(settings: Settings, isolation: dict[str, str]) -> AsyncEngine:
    url = make_url(settings.database_url)
    in_memory = url.database in (None, "", ":memory:")
    if not in_memory:
        Path(str(url.database)).parent.mkdir(parents=True, exist_ok=True)
    # An in-memory database lives in one connection (a static pool): no pool timeout applies.
    pool_args = {} if in_memory else _pool_args(_sqlite_pool(settings))
    engine = create_async_engine(
        url,
        echo=settings.echo_sql,
        connect_args={"timeout": settings.db_pool_timeout_seconds},
        **isolation,
        **pool_args,
    )
    event.listen(engine.sync_engine, "connect", _configure_sqlite_connection)
    return engine


def _configure_sqlite_connection(dbapi_connection: Any, _record: Any) -> None:
    """SQLite leaves foreign keys off per connection; WAL lets readers run beside a writer."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def exports_pool(settings: Settings) -> Settings:
    """`settings` with the pool of the exports: one connection per export that may stream at
    once, so that exports never wait for the reads' connections, nor hold them while clients
    read."""
    return msgspec.structs.replace(
        settings, db_pool_size=settings.max_concurrent_exports, db_max_overflow=0
    )


def create_export_engine(settings: Settings) -> AsyncEngine:
    """The exports' reads that are not prepared (autocommit), on the exports' pool."""
    return create_engine(exports_pool(settings), autocommit=True)


# Writes are serialised (service/curation/transaction.py): more connections would only wait.
WRITE_POOL_SIZE = 2
WRITE_POOL_OVERFLOW = 2


def create_write_engine(settings: Settings) -> AsyncEngine:
    """An engine whose transactions take the write lock of their backend as they begin."""
    pool = msgspec.structs.replace(
        settings, db_pool_size=WRITE_POOL_SIZE, db_max_overflow=WRITE_POOL_OVERFLOW
    )
    engine = create_engine(pool)
    if engine.dialect.name == "sqlite":
        # The driver's own BEGIN is DEFERRED: two writers that both read first would deadlock
        # on the upgrade to a write lock. BEGIN IMMEDIATE takes it up front, across processes.
        event.listen(engine.sync_engine, "connect", _no_driver_begin)
        event.listen(engine.sync_engine, "begin", _begin_immediate)
    return engine


def _no_driver_begin(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None


def _begin_immediate(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN IMMEDIATE")
