"""How many PostgreSQL connections one replica may hold, for sizing a deployment."""

from __future__ import annotations

from service.db.engine import WRITE_POOL_OVERFLOW, WRITE_POOL_SIZE
from service.settings import Settings


def connections_per_replica(settings: Settings) -> int:
    """At full load: the reads' engine and the hot reads' driver pool (each up to
    `db_pool_size + db_max_overflow`), the exports' engine and driver pool (each up to
    `max_concurrent_exports`), the writers' pool, and the response cache's listener."""
    reads = settings.db_pool_size + settings.db_max_overflow
    exports = settings.max_concurrent_exports
    writes = WRITE_POOL_SIZE + WRITE_POOL_OVERFLOW
    listener = 1 if settings.response_cache_bytes else 0
    return 2 * reads + 2 * exports + writes + listener
