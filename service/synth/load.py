"""Loads a synthetic dataset through each backend's fastest path: COPY on PostgreSQL.

On PostgreSQL the load follows the manual's advice for populating a database: inside the one
transaction it drops the secondary indexes and foreign keys of the big tables, COPYs, then
recreates them (validating every row at once instead of row by row). Readers of those tables wait
for the load; a failed load rolls back whole. The next chunk is generated in a worker thread
while the current one is being copied, so the two cores both work.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
from collections.abc import Iterator
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine
from sqlmodel import SQLModel

from service.db import tables  # noqa: F401  (registers the tables on the metadata)
from service.synth.dataset import Chunk, SynthSpec, generate

# Parents before children, whatever order a chunk lists its tables in.
TABLE_ORDER = (
    "indicators",
    "regions",
    "sources",
    "citations",
    "organizations",
    "organization_sectors",
    "organization_regions",
    "organization_citations",
    "observations",
)
BULK_TABLES = ("citations", "observations")

Batch = list[tuple[str, list[str], list[tuple[Any, ...]]]]


async def load_synthetic(engine: AsyncEngine, spec: SynthSpec) -> dict[str, int]:
    """Generate and insert the dataset in one transaction; return the rows written per table."""
    counts = dict.fromkeys(TABLE_ORDER, 0)
    async with engine.begin() as conn:
        offset = await conn.scalar(sa.text("SELECT coalesce(max(id), 0) FROM citations"))
        spec = dataclasses.replace(spec, citation_id_offset=int(offset or 0))
        postgres = conn.dialect.name == "postgresql"
        restore = await _drop_bulk_constraints(conn) if postgres else []
        batches = _batches(generate(spec), json_as_text=postgres)
        pending = asyncio.create_task(asyncio.to_thread(next, batches, None))
        while (batch := await pending) is not None:
            pending = asyncio.create_task(asyncio.to_thread(next, batches, None))
            for table, columns, records in batch:
                await (_copy if postgres else _insert)(conn, table, columns, records)
                counts[table] += len(records)
        for statement in restore:
            await conn.execute(sa.text(statement))
        if postgres:
            await _after_copy(conn)
    if postgres:
        await _vacuum(engine)
    return counts


async def _vacuum(engine: AsyncEngine) -> None:
    """Set the visibility map and hint bits of the freshly copied rows once, now.

    Until a vacuum, index-only scans (the subtree pages, the trigram search) visit the heap for
    every entry, and the first readers of each page write its hint bits: the reads would cost
    several times more until autovacuum came by. VACUUM cannot run inside a transaction.
    """
    async with engine.connect() as conn:
        await conn.execution_options(isolation_level="AUTOCOMMIT")
        for table in TABLE_ORDER:
            await conn.execute(sa.text(f"VACUUM (ANALYZE) {table}"))


def _batches(chunks: Iterator[Chunk], *, json_as_text: bool) -> Iterator[Batch]:
    """Chunks as (table, columns, records) in insertion order, ready for COPY or executemany."""
    for chunk in chunks:
        batch: Batch = []
        for table in TABLE_ORDER:
            rows = chunk.tables.get(table)
            if not rows:
                continue
            columns = list(rows[0])
            metadata = SQLModel.metadata.tables[table].columns
            as_text = {c.name for c in metadata if json_as_text and isinstance(c.type, sa.JSON)}
            records = [
                tuple(json.dumps(row[c]) if c in as_text else row[c] for c in columns)
                for row in rows
            ]
            batch.append((table, columns, records))
        yield batch


async def _insert(
    conn: AsyncConnection, table: str, columns: list[str], records: list[tuple[Any, ...]]
) -> None:
    rows = [dict(zip(columns, record, strict=True)) for record in records]
    await conn.execute(sa.insert(SQLModel.metadata.tables[table]), rows)


async def _copy(
    conn: AsyncConnection, table: str, columns: list[str], records: list[tuple[Any, ...]]
) -> None:
    """COPY through asyncpg, inside the SQLAlchemy transaction that holds the connection."""
    raw = await conn.get_raw_connection()
    driver: Any = raw.driver_connection
    await driver.copy_records_to_table(table, records=records, columns=columns)


async def _drop_bulk_constraints(conn: AsyncConnection) -> list[str]:
    """Drop foreign keys and secondary indexes of the bulk tables; return how to remake them."""
    await conn.execute(sa.text("SET LOCAL maintenance_work_mem = '256MB'"))
    foreign_keys = (
        await conn.execute(
            sa.text(
                "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
                "FROM pg_constraint WHERE contype = 'f' AND conrelid::regclass::text = ANY(:t)"
            ),
            {"t": list(BULK_TABLES)},
        )
    ).all()
    indexes = (
        await conn.execute(
            sa.text(
                "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) "
                "FROM pg_index i WHERE i.indrelid::regclass::text = ANY(:t) "
                "AND NOT i.indisprimary AND NOT EXISTS "
                "(SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)"
            ),
            {"t": list(BULK_TABLES)},
        )
    ).all()
    for table, name, _ in foreign_keys:
        await conn.execute(sa.text(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"'))
    for name, _ in indexes:
        await conn.execute(sa.text(f"DROP INDEX {name}"))
    return [definition for _, definition in indexes] + [
        f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}'
        for table, name, definition in foreign_keys
    ]


async def _after_copy(conn: AsyncConnection) -> None:
    """COPY bypasses the id sequence; move it past the ids written, and refresh statistics."""
    await conn.execute(
        sa.text(
            "SELECT setval(pg_get_serial_sequence('citations', 'id'), "
            "(SELECT coalesce(max(id), 1) FROM citations))"
        )
    )
    for table in TABLE_ORDER:
        await conn.execute(sa.text(f"ANALYZE {table}"))
