"""Whole result sets as byte streams, in keyset batches: memory stays that of one batch.

Each batch is one short statement, `WHERE id > <last id of the previous batch> ORDER BY id
LIMIT n`, on a connection in autocommit: no transaction (and no server-side cursor, which
would need one) stays open for the minutes a large export takes. The order is stable (by id)
and no row comes twice; rows written while an export runs may or may not appear in it.

A batch is built into items and encoded a slice at a time, and the exports of a process take
turns to do so (`Turns`): between two slices every other request gets the event loop, so ten
exports streaming add about one slice's work (a fraction of a millisecond) to a request's wait,
not ten batches'.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from typing import Any, Generic, TypeVar

import msgspec

from service.db.connection import Database
from service.pagination import Key
from service.representations.tabular import CsvWriter

T = TypeVar("T")
Fetch = Callable[[Database, Key | None, int], Awaitable[Sequence[T]]]
Build = Callable[[Sequence[T]], Sequence[Any]]
"""A slice of fetched rows into the items to encode (Structs)."""

# Items built and encoded per turn: about 0.2 to 0.5 ms of work.
SLICE = 64
# Batches read at once by all the exports of a process, the first ones included. The database's
# work for an export batch (thousands of rows, tens of milliseconds) runs on the same cores as
# everything else, and on SQLite each batch read is a worker thread taking the GIL for every
# row: however many exports stream, one reads at a time. With two at once on PostgreSQL, a
# one-item GET's median latency under ten exports was 4.4x its idle one; with one, 1.8x
# (benchmarks/export_latency.py). An export alone reads one batch at a time anyway.
FETCHES_AT_ONCE = 1


class Turns:
    """One export slice at a time on the event loop, then a yield to everything else; and a
    bound on the batches read at once (`fetching`)."""

    def __init__(self) -> None:
        self._lock: asyncio.Lock | None = None
        self._fetching: asyncio.Semaphore | None = None

    @property
    def fetching(self) -> asyncio.Semaphore:
        if self._fetching is None:  # made on first use, inside the running loop
            self._fetching = asyncio.Semaphore(FETCHES_AT_ONCE)
        return self._fetching

    async def __aenter__(self) -> None:
        if self._lock is None:  # made on first use, inside the running loop
            self._lock = asyncio.Lock()
        await self._lock.acquire()

    async def __aexit__(self, *_: object) -> None:
        assert self._lock is not None
        self._lock.release()
        # A lock free of waiters is taken without yielding: yield here, so that requests
        # waiting for the loop run between two slices even when one export streams alone.
        await asyncio.sleep(0)


class KeysetBatches(Generic[T]):
    """The batches of one export; the first is read in the handler, so that a database error
    there is still a proper 503 problem rather than a stream cut short."""

    def __init__(self, fetch: Fetch[T], key: Callable[[T], Key], size: int) -> None:
        self._fetch = fetch
        self._key = key
        self._size = size
        self._first: Sequence[T] = ()

    async def prime(self, db: Database, turns: Turns) -> None:
        async with turns.fetching:
            self._first = await self._fetch(db, None, self._size)

    async def __call__(self, db: Database, turns: Turns) -> AsyncIterator[Sequence[T]]:
        """The first batch, then the rest; `db` (the export's own) is closed at the end."""
        rows = self._first
        self._first = ()
        try:
            while rows:
                yield rows
                if len(rows) < self._size:
                    return
                async with turns.fetching:
                    rows = await self._fetch(db, self._key(rows[-1]), self._size)
        finally:
            await db.close()


async def _slices(batches: AsyncIterator[Sequence[T]]) -> AsyncIterator[Sequence[T]]:
    async for rows in batches:
        for start in range(0, len(rows), SLICE):
            yield rows[start : start + SLICE]


async def ndjson(
    batches: AsyncIterator[Sequence[T]], build: Build[T], turns: Turns
) -> AsyncIterator[bytes]:
    """One JSON document per line, each exactly the item's JSON representation."""
    encoder = msgspec.json.Encoder()
    async for part in _slices(batches):
        async with turns:
            chunk = encoder.encode_lines(build(part))
        yield chunk


async def csv(
    batches: AsyncIterator[Sequence[T]],
    build: Build[T],
    turns: Turns,
    item_type: type[msgspec.Struct],
) -> AsyncIterator[bytes]:
    """The header row at once (an empty export is a header alone), then a chunk per slice."""
    writer = CsvWriter(item_type)
    yield writer.header()
    async for part in _slices(batches):
        async with turns:
            chunk = writer.rows(build(part))
        yield chunk
