"""Whole result sets as byte streams, in keyset batches: memory stays that of one batch.

Each batch is one short statement, `WHERE id > <last id of the previous batch> ORDER BY id
LIMIT n`, on a connection in autocommit: no transaction (and no server-side cursor, which
would need one) stays open for the minutes a large export takes. The order is stable (by id)
and no row comes twice; rows written while an export runs may or may not appear in it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from typing import Any, Generic, TypeVar

import msgspec

from service.db.connection import Database
from service.pagination import Key
from service.representations.tabular import CsvWriter

T = TypeVar("T")
Fetch = Callable[[Database, Key | None, int], Awaitable[Sequence[T]]]
Transform = Callable[[Sequence[T]], Sequence[Any]]


class KeysetBatches(Generic[T]):
    """The batches of one export; the first is read in the handler, so that a database error
    there is still a proper 503 problem rather than a stream cut short."""

    def __init__(self, fetch: Fetch[T], key: Callable[[T], Key], size: int) -> None:
        self._fetch = fetch
        self._key = key
        self._size = size
        self._first: Sequence[T] = ()

    async def prime(self, db: Database) -> None:
        self._first = await self._fetch(db, None, self._size)

    async def __call__(self, db: Database) -> AsyncIterator[Sequence[T]]:
        """The first batch, then the rest; `db` (the export's own) is closed at the end."""
        rows = self._first
        self._first = ()
        try:
            while rows:
                yield rows
                if len(rows) < self._size:
                    return
                rows = await self._fetch(db, self._key(rows[-1]), self._size)
        finally:
            await db.close()


async def ndjson(
    batches: AsyncIterator[Sequence[Any]], transform: Transform[Any]
) -> AsyncIterator[bytes]:
    """One JSON document per line, each exactly the item's JSON representation."""
    encoder = msgspec.json.Encoder()
    async for rows in batches:
        yield encoder.encode_lines(transform(rows))


async def csv(
    batches: AsyncIterator[Sequence[Any]],
    transform: Transform[Any],
    item_type: type[msgspec.Struct],
) -> AsyncIterator[bytes]:
    """The header row at once (an empty export is a header alone), then a chunk per batch."""
    writer = CsvWriter(item_type)
    yield writer.header()
    async for rows in batches:
        yield writer.rows(transform(rows))
