"""Throwaway databases for tests: a SQLite file, or a PostgreSQL database created and dropped."""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import asyncpg

from service.settings import Settings
from tests.requirements import require

BACKENDS = ("sqlite", "postgresql")
# The maintenance database the tests connect to in order to create and drop their own.
POSTGRES_ADMIN_DSN = os.environ.get(
    "GROWTH_ATLAS_TEST_POSTGRES_DSN", "postgresql://postgres@127.0.0.1:5432/postgres"
)


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
def temporary_database(backend: str, tmp_dir: Path) -> Iterator[Settings]:
    """Settings pointing at a new, empty database that is removed afterwards."""
    if backend == "sqlite":
        yield Settings(database_url=f"sqlite+aiosqlite:///{tmp_dir / 'atlas.db'}")
        return
    name = f"growth_atlas_test_{uuid.uuid4().hex[:12]}"
    asyncio.run(_admin(f'CREATE DATABASE "{name}"'))
    try:
        base = POSTGRES_ADMIN_DSN.rsplit("/", 1)[0].replace(
            "postgresql://", "postgresql+asyncpg://"
        )
        yield Settings(database_url=f"{base}/{name}")
    finally:
        asyncio.run(_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


async def terminate_backends(database: str) -> None:
    """Close, from the server side, every connection to `database` (as a restart would)."""
    await _admin(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        f"WHERE datname = '{database}' AND pid <> pg_backend_pid()"
    )


async def _admin(statement: str) -> None:
    connection = await asyncpg.connect(POSTGRES_ADMIN_DSN, timeout=5)
    try:
        await connection.execute(statement)
    finally:
        await connection.close()
