"""The response cache as the app factory installs it, from the settings."""

from __future__ import annotations

from sqlalchemy.engine import make_url

from service.db.driver import driver_dsn
from service.response_cache.listener import ChangeListener
from service.response_cache.store import ResponseCache
from service.settings import Settings

# A safety net only: every change drops the cache long before an answer is this old.
MAX_AGE_SECONDS = 60.0


def response_cache(settings: Settings) -> tuple[ResponseCache, ChangeListener | None]:
    """The cache, and what keeps it enabled: a PostgreSQL listener. Without one (SQLite, whose
    other processes cannot notify this one, or `response_cache_bytes` 0) it stays disabled."""
    cache = ResponseCache(settings.response_cache_bytes, MAX_AGE_SECONDS)
    postgresql = make_url(settings.database_url).get_backend_name() == "postgresql"
    if not postgresql or settings.response_cache_bytes == 0:
        return cache, None
    return cache, ChangeListener(driver_dsn(settings), cache, settings.db_pool_timeout_seconds)
