"""The response cache as the app factory installs it, from the settings."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.engine import make_url

from service.db.driver import driver_dsn
from service.db.sqlite import SqliteReads
from service.response_cache.data_version import DataVersionWatch
from service.response_cache.listener import ChangeListener
from service.response_cache.store import ResponseCache
from service.settings import Settings

# A safety net only: every change drops the cache long before an answer is this old.
MAX_AGE_SECONDS = 60.0


@dataclass(frozen=True, slots=True)
class CacheSetup:
    cache: ResponseCache
    listener: ChangeListener | None
    """PostgreSQL: enables the cache while LISTEN is live, drops it on each NOTIFY."""
    watch: DataVersionWatch | None
    """SQLite: drops the cache, before a request, when `data_version` moved."""


def response_cache(settings: Settings, sqlite_reads: SqliteReads | None) -> CacheSetup:
    """The cache, and what keeps it in step with the database. With neither (an in-memory
    SQLite database, `echo_sql` on SQLite, or `response_cache_bytes` 0) it stays disabled."""
    cache = ResponseCache(settings.response_cache_bytes, MAX_AGE_SECONDS)
    if settings.response_cache_bytes == 0:
        return CacheSetup(cache, None, None)
    if make_url(settings.database_url).get_backend_name() == "postgresql":
        dsn = driver_dsn(settings)
        listener = ChangeListener(dsn, cache, settings.db_pool_timeout_seconds)
        return CacheSetup(cache, listener, None)
    if sqlite_reads is not None:
        return CacheSetup(cache, None, DataVersionWatch(sqlite_reads, cache))
    return CacheSetup(cache, None, None)
