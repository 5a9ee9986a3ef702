"""On SQLite the response cache checks `PRAGMA data_version` before each answer: a commit by any
connection, in any process, is seen by the very next read."""

from __future__ import annotations

import asyncio
import sqlite3
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from litestar.testing import AsyncTestClient
from sqlalchemy.engine import make_url

from service.app import create_app
from service.db.connection import Rows
from service.db.sqlite import SqliteStatement
from service.services import services_of
from service.settings import Settings
from tests.caching.test_response_cache import REGION, hits

RENAME = "UPDATE regions SET name = ? WHERE id = 'hunan'"


pytestmark = pytest.mark.backends("sqlite")  # data_version is SQLite's


@pytest.fixture
async def sqlite_app(writable_settings: Settings) -> AsyncIterator[Any]:
    app = create_app(writable_settings)
    async with AsyncTestClient(app=app) as client:
        client.database = Path(str(make_url(writable_settings.database_url).database))
        yield client


async def name_served(client: AsyncTestClient[Any]) -> str:
    response = await client.get(REGION)
    assert response.status_code == 200
    return str(response.json()["name"])


async def test_a_commit_from_another_process_is_seen_by_the_next_read(sqlite_app: Any) -> None:
    for _ in range(2):
        assert await name_served(sqlite_app) == "Hunan"
    before = await hits(sqlite_app)
    assert await name_served(sqlite_app) == "Hunan"
    assert await hits(sqlite_app) == before + 1  # served from memory until now

    # As the sqlite3 shell or `growth-atlas synth` would: another process, its own connection.
    script = f"import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute({RENAME!r}, "
    script += "('Hunan Province',)); c.commit()"
    shell = await asyncio.create_subprocess_exec(
        sys.executable, "-c", script, str(sqlite_app.database)
    )
    assert await asyncio.wait_for(shell.wait(), timeout=60) == 0

    assert await name_served(sqlite_app) == "Hunan Province"


async def test_a_read_that_raced_a_commit_is_not_served_again(sqlite_app: Any) -> None:
    reads = services_of(sqlite_app.app).sqlite_reads
    assert reads is not None
    original = reads.rows

    async def read_then_commit(statement: SqliteStatement, parameters: Any) -> Rows:
        """The read sees the old name; the rename commits before the answer is stored."""
        rows = await original(statement, parameters)
        with sqlite3.connect(sqlite_app.database) as writer:
            writer.execute(RENAME, ("Hunan Province",))
        return rows

    reads.rows = read_then_commit  # type: ignore[method-assign]
    try:
        assert await name_served(sqlite_app) == "Hunan"
    finally:
        reads.rows = original  # type: ignore[method-assign]

    assert await name_served(sqlite_app) == "Hunan Province"
    assert await name_served(sqlite_app) == "Hunan Province"
