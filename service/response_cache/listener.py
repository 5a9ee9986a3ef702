"""Keeps the response cache in step with PostgreSQL: enabled only while LISTEN is live.

Migration 0005 puts a statement-level trigger on every table an answer is read from; each one
sends a NOTIFY on `CHANNEL`, delivered to every listening replica when the writing transaction
commits, whoever wrote (this service, another replica, `growth-atlas synth`, psql). A
notification drops the whole cache.

A notification sent while nobody listens is lost, so the cache is disabled (and emptied) the
moment the listening connection fails or a heartbeat goes unanswered, and enabled again, empty,
only once LISTEN is re-established.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

import asyncpg  # type: ignore[import-untyped]

from service.response_cache.store import ResponseCache

CHANNEL = "growth_atlas_changes"
# How the listening connection shows in pg_stat_activity.
APPLICATION_NAME = "growth-atlas-change-listener"
HEARTBEAT_SECONDS = 1.0
RECONNECT_SECONDS = 1.0

log = logging.getLogger("growth_atlas.response_cache")


class ChangeListener:
    def __init__(self, dsn: str, cache: ResponseCache, connect_timeout: float) -> None:
        self._dsn = dsn
        self._cache = cache
        self._connect_timeout = connect_timeout
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="response-cache-listener")

    async def stop(self) -> None:
        self._cache.disable()
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def _run(self) -> None:
        while True:
            try:
                await self._listen()
            except (OSError, TimeoutError, asyncpg.PostgresError, asyncpg.InterfaceError) as exc:
                log.warning(
                    "response cache off: change notifications lost (%s)", type(exc).__name__
                )
            await asyncio.sleep(RECONNECT_SECONDS)

    async def _listen(self) -> None:
        connection = await asyncpg.connect(
            self._dsn,
            timeout=self._connect_timeout,
            server_settings={"application_name": APPLICATION_NAME},
        )
        try:
            connection.add_termination_listener(lambda _: self._cache.disable())
            await connection.add_listener(CHANNEL, self._on_change)
            self._cache.enable()
            log.info("response cache on: listening for changes")
            while not connection.is_closed():
                await asyncio.sleep(HEARTBEAT_SECONDS)
                await connection.fetchval("SELECT 1", timeout=HEARTBEAT_SECONDS)
            raise ConnectionResetError("the listening connection closed")
        finally:
            self._cache.disable()
            connection.terminate()

    def _on_change(self, *_: object) -> None:
        self._cache.invalidate()
