"""SQLite's short read path: inline on the event loop, but never holding it for long."""

from __future__ import annotations

import asyncio
import dataclasses
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import exc as sa_exc

from service.db.sqlite import INLINE_BUDGET_SECONDS, SqliteReads, SqliteStatement
from service.settings import Settings
from tests.conftest import migrated, sqlite_settings

# Counting this far in a recursive query takes seconds: far beyond any read the API makes.
SLOW = SqliteStatement(
    sql="WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
    "SELECT count(*) FROM n",
    names=("up_to",),
    given={},
    binds={},
    results=(),
)
UP_TO = 10_000_000
# The longest the event loop may go without running other tasks while SLOW runs. The inline
# budget is 20 ms; the rest is headroom for a busy machine, whose scheduler may itself hold a
# process back for a tenth of a second. Without the bound the loop would stall for the whole
# statement, seconds.
STALL_BOUND_SECONDS = 0.5


@pytest.fixture
def database(tmp_path: Path) -> Path:
    """A migrated SQLite file (migrated outside the test's event loop)."""
    migrated(sqlite_settings(tmp_path / "atlas.db"))
    return tmp_path / "atlas.db"


@pytest.fixture
def reads(database: Path) -> Iterator[SqliteReads]:
    # SLOW takes about 5 s on an idle two-core machine and over the default 15 s timeout on a
    # busy one: these tests are of the loop and the connections, not of the timeout.
    settings = Settings(
        database_url=f"sqlite+aiosqlite:///{database}", db_statement_timeout_seconds=300
    )
    reader = SqliteReads(database, settings)
    yield reader
    reader.close()


async def longest_stall(work: asyncio.Future[object]) -> float:
    """The longest gap between two turns of a task that only sleeps, until `work` is done."""
    longest, last = 0.0, time.perf_counter()
    while not work.done():
        await asyncio.sleep(0.001)
        now = time.perf_counter()
        longest, last = max(longest, now - last), now
    return longest


async def test_a_slow_statement_leaves_the_loop_free_and_still_answers(
    reads: SqliteReads,
) -> None:
    started = time.perf_counter()
    work = asyncio.ensure_future(reads.rows(SLOW, {"up_to": UP_TO}))
    stall = await longest_stall(work)
    elapsed = time.perf_counter() - started

    assert await work == [(UP_TO,)]
    # Only meaningful if the statement outlasted the bound by far (it takes seconds).
    assert elapsed > 2 * STALL_BOUND_SECONDS
    assert INLINE_BUDGET_SECONDS < STALL_BOUND_SECONDS
    assert stall < STALL_BOUND_SECONDS


async def test_a_statement_on_a_thread_is_bounded_by_the_statement_timeout(
    database: Path,
) -> None:
    settings = Settings(
        database_url=f"sqlite+aiosqlite:///{database}", db_statement_timeout_seconds=0.1
    )
    reader = SqliteReads(database, settings)
    try:
        with pytest.raises(sa_exc.OperationalError):
            await reader.rows(SLOW, {"up_to": 10 * UP_TO})
    finally:
        reader.close()


async def test_the_read_connections_cannot_write(reads: SqliteReads) -> None:
    delete = dataclasses.replace(SLOW, sql="DELETE FROM regions", names=())
    with pytest.raises(sa_exc.OperationalError, match="readonly"):
        await reads.rows(delete, {})
    with pytest.raises(sa_exc.OperationalError, match="readonly"):
        await reads.rows_on_thread(delete, {})


async def test_another_connections_commit_changes_the_data_version(
    reads: SqliteReads, database: Path
) -> None:
    before = reads.data_version()
    assert reads.data_version() == before  # reading changes nothing
    with sqlite3.connect(database) as writer:
        writer.execute(
            "INSERT INTO indicators (id, name, description, unit, updated_at) "
            "VALUES ('x', 'x', 'x', 'count', '2026-01-01')"
        )
    assert reads.data_version() != before
