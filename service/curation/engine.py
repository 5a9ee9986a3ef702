"""The writers' engine: transactions (the readers' engine runs in autocommit), a small pool."""

from __future__ import annotations

from typing import Any

import msgspec
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine

from service.db.engine import create_engine
from service.settings import Settings

# Writes are serialised (see `transaction.py`), so more connections would only wait.
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
