"""Keeps the response cache in step with SQLite: `PRAGMA data_version`, read per request.

SQLite has no notifications, but each connection's `data_version` changes whenever another
connection commits, in this process or any other (the write API, `growth-atlas seed` or
`synth`, the sqlite3 shell). The reads' connection never writes, so every commit shows. Read
before a request is answered from the cache (on the connection the request's reads use, a few
microseconds), a changed value drops the whole cache first.

An answer is served only when no commit happened between the check before the request that
computed it and the check before the request it answers: its reads fell between two equal
readings, so they saw the data as it still is. A read that raced a commit may be stored, but
the next request's check sees the new version and drops it before anything is served.
"""

from __future__ import annotations

import logging
import sqlite3

from sqlalchemy import exc as sa_exc

from service.db.sqlite import SqliteReads
from service.response_cache.store import ResponseCache

log = logging.getLogger("growth_atlas.response_cache")


class DataVersionWatch:
    def __init__(self, reads: SqliteReads, cache: ResponseCache) -> None:
        self._reads = reads
        self._cache = cache
        self._known: int | None = None
        cache.enable()

    def check(self) -> None:
        """Drop the cache if anything was committed since the last check."""
        try:
            version = self._reads.data_version()
        except (sqlite3.Error, sa_exc.DBAPIError) as exc:
            # Unknown, so nothing cached may be trusted; the request itself reports the error.
            log.warning("response cache dropped: data_version unreadable (%r)", exc)
            self._known = None
            self._cache.invalidate()
            return
        if version != self._known:
            self._known = version
            self._cache.invalidate()
