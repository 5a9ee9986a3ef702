"""Throwaway databases for tests: a SQLite file, or a PostgreSQL database created and dropped.

A test that needs a database of its own gets a copy of a template made once per run (a file copy
on SQLite, `CREATE DATABASE ... TEMPLATE` on PostgreSQL) rather than running the migrations and
the seed again. Names are random, so pytest-xdist workers never share a database.
"""

from __future__ import annotations

import asyncio
import atexit
import os
import queue
import sqlite3
import threading
import uuid
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import closing, contextmanager
from functools import cache
from pathlib import Path

import asyncpg
from sqlalchemy.engine import make_url

from service.settings import Settings
from tests.requirements import require

BACKENDS = ("sqlite", "postgresql")
# Drops sent together; each holds a connection of the server's (shared with other clients).
DROPS_AT_ONCE = 8
# The maintenance database the tests connect to in order to create and drop their own.
POSTGRES_ADMIN_DSN = os.environ.get(
    "GROWTH_ATLAS_TEST_POSTGRES_DSN", "postgresql://postgres@127.0.0.1:5432/postgres"
)


@cache
def postgres_reachable() -> bool:
    async def probe() -> None:
        connection = await asyncpg.connect(POSTGRES_ADMIN_DSN, timeout=3)
        await connection.close()

    try:
        asyncio.run(probe())
    except (OSError, asyncpg.PostgresError, TimeoutError):
        return False
    return True


def require_backend(backend: str) -> None:
    """Skip PostgreSQL tests where no server runs; in CI a missing server is a failure."""
    if backend == "postgresql":
        require(postgres_reachable(), f"PostgreSQL is not reachable at {POSTGRES_ADMIN_DSN}")


@contextmanager
def temporary_database(
    backend: str, tmp_dir: Path, template: Settings | None = None
) -> Iterator[Settings]:
    """Settings pointing at a new database, empty or a copy of `template`, removed afterwards.

    Nothing may be connected to `template` while it is copied.
    """
    if backend == "sqlite":
        path = tmp_dir / f"atlas-{uuid.uuid4().hex[:8]}.db"
        if template is not None:
            _copy_sqlite(database_name(template), path)
        yield Settings(database_url=f"sqlite+aiosqlite:///{path}")
        return
    name = _new_database() if template is None else _COPIER.take(database_name(template))
    try:
        base = POSTGRES_ADMIN_DSN.rsplit("/", 1)[0].replace(
            "postgresql://", "postgresql+asyncpg://"
        )
        yield Settings(database_url=f"{base}/{name}")
    finally:
        _COPIER.discard(name)  # its spare copy, if it served as a template
        _DROPPER.drop(name)


def _new_database(template: str | None = None) -> str:
    name = f"growth_atlas_test_{uuid.uuid4().hex[:12]}"
    source = "" if template is None else f' TEMPLATE "{template}"'
    asyncio.run(_admin(f'CREATE DATABASE "{name}"{source}'))
    return name


def database_name(settings: Settings) -> str:
    """The PostgreSQL database name, or the SQLite file path, of `settings`."""
    return str(make_url(settings.database_url).database)


def _copy_sqlite(source: str, target: Path) -> None:
    # The backup API copies what is committed, whatever sits in the source's WAL file.
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)


class _Dropper:
    """Drops finished PostgreSQL databases on a thread of its own, all of them before exit.

    A DROP DATABASE waits on the server's disk; the next test need not wait with it, and the
    drops queued meanwhile go together, so that no backlog is left to wait for at exit. The thread
    is a daemon so that the exit hook, which runs after non-daemon threads are joined, can stop it.
    """

    def __init__(self) -> None:
        self._names: queue.Queue[str | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def drop(self, name: str) -> None:
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="drop-databases", daemon=True
                )
                self._thread.start()
                atexit.register(self.close)
        self._names.put(name)

    def close(self) -> None:
        """Wait until every database handed over so far is gone."""
        with self._lock:
            thread, self._thread = self._thread, None
        if thread is not None:
            self._names.put(None)
            thread.join()

    def _run(self) -> None:
        closed = False
        while not closed:
            batch = [self._names.get()]  # waits for the first, then takes what is queued
            while not self._names.empty():
                batch.append(self._names.get_nowait())
            closed = None in batch
            asyncio.run(_drop_all([name for name in batch if name is not None]))


_DROPPER = _Dropper()


class _Copier:
    """Copies each PostgreSQL template once ahead, on a thread, while the test before runs.

    A copy keeps the server busy for about 0.3 s, mostly writing; the test that asks for one
    then finds it made. The spare of a template is dropped before the template is, and the
    spares left at exit with it.
    """

    def __init__(self) -> None:
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="copy-databases")
        self._spares: dict[str, Future[str]] = {}
        self._lock = threading.Lock()
        atexit.register(self.close)

    def take(self, template: str) -> str:
        """A new copy of `template`: the spare made ahead if there is one, else made now."""
        with self._lock:
            spare = self._spares.pop(template, None)
            self._spares[template] = self._executor.submit(_new_database, template)
        return spare.result() if spare is not None else _new_database(template)

    def discard(self, template: str) -> None:
        with self._lock:
            spare = self._spares.pop(template, None)
        if spare is not None:
            _DROPPER.drop(spare.result())

    def close(self) -> None:
        """Drop the spares left; at exit, so on this thread (no new one may start then)."""
        for spare in self._spares.values():
            if spare.exception() is None:
                asyncio.run(_drop(spare.result()))
        self._spares.clear()


_COPIER = _Copier()


async def terminate_backends(database: str) -> None:
    """Close, from the server side, every connection to `database` (as a restart would)."""
    await _admin(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        f"WHERE datname = '{database}' AND pid <> pg_backend_pid()"
    )


async def _drop(name: str) -> None:
    await _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


async def _drop_all(names: list[str]) -> None:
    """Several at a time: one drop mostly waits on the server's disk, and concurrent drops
    share that wait (16 took 1.9 s one by one, 0.14 s together)."""
    for start in range(0, len(names), DROPS_AT_ONCE):
        await asyncio.gather(*(_drop(name) for name in names[start : start + DROPS_AT_ONCE]))


async def _admin(statement: str) -> None:
    connection = await asyncpg.connect(POSTGRES_ADMIN_DSN, timeout=5)
    try:
        await connection.execute(statement)
    finally:
        await connection.close()
