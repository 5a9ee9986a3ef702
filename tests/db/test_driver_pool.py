"""The asyncpg pool of the hot reads: bounded, fair to waiters, and never reusing a dead
connection."""

from __future__ import annotations

import asyncio

import pytest

from service.db.driver import DriverPool
from service.db.engine import create_driver_pool
from service.settings import Settings


def _pool(settings: Settings, size: int, overflow: int) -> DriverPool:
    bounded = Settings(
        database_url=settings.database_url,
        db_pool_size=size,
        db_max_overflow=overflow,
        db_pool_timeout_seconds=0.3,
    )
    pool = create_driver_pool(bounded)
    assert pool is not None
    return pool


@pytest.fixture
def postgres_settings(empty_settings: Settings) -> Settings:
    """The driver pool serves PostgreSQL only: the tests that take this run on it alone."""
    return empty_settings


@pytest.mark.backends("sqlite")  # PostgreSQL has a driver pool
def test_sqlite_reads_have_no_driver_pool(empty_settings: Settings) -> None:
    assert create_driver_pool(empty_settings) is None


@pytest.mark.backends("postgresql")
async def test_no_more_than_size_plus_overflow_connections(postgres_settings: Settings) -> None:
    pool = _pool(postgres_settings, size=1, overflow=1)
    first, second = await pool.acquire(), await pool.acquire()
    try:
        with pytest.raises(TimeoutError):
            await pool.acquire()
    finally:
        await pool.release(first)
        await pool.release(second)
        await pool.close()


@pytest.mark.backends("postgresql")
async def test_a_released_connection_goes_to_the_waiting_request(
    postgres_settings: Settings,
) -> None:
    pool = _pool(postgres_settings, size=1, overflow=0)
    held = await pool.acquire()
    waiting = asyncio.ensure_future(pool.acquire())
    await asyncio.sleep(0.05)
    assert not waiting.done()
    await pool.release(held)
    handed = await asyncio.wait_for(waiting, 1)
    assert handed is held
    assert await handed.fetchval("SELECT 1") == 1
    await pool.release(handed)
    await pool.close()


@pytest.mark.backends("postgresql")
async def test_a_dead_connection_is_replaced_not_reused(postgres_settings: Settings) -> None:
    pool = _pool(postgres_settings, size=1, overflow=0)
    dead = await pool.acquire()
    dead.terminate()
    await pool.release(dead)
    fresh = await pool.acquire()
    try:
        assert fresh is not dead
        assert await fresh.fetchval("SELECT 1") == 1
    finally:
        await pool.release(fresh)
        await pool.close()


@pytest.mark.backends("postgresql")
async def test_idle_connections_are_reused(postgres_settings: Settings) -> None:
    pool = _pool(postgres_settings, size=2, overflow=0)
    first = await pool.acquire()
    await pool.release(first)
    again = await pool.acquire()
    assert again is first
    await pool.release(again)
    assert pool.checked_out == 0
    await pool.close()
