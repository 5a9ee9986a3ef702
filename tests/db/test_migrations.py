"""Migrations are the only way the schema is made: they must go up, down and up again, and
leave exactly the schema the models describe."""

from __future__ import annotations

import asyncio
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Connection, inspect
from sqlmodel import SQLModel

from service.db import tables  # noqa: F401  (registers the tables on the metadata)
from service.db.engine import create_engine
from service.db.migrate import downgrade, upgrade
from service.settings import Settings
from tests.databases import temporary_database


def _table_names(settings: Settings) -> set[str]:
    return asyncio.run(_run_sync(settings, lambda c: set(inspect(c).get_table_names())))


def _schema_drift(settings: Settings) -> list[object]:
    def compare(connection: Connection) -> list[object]:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return list(compare_metadata(context, SQLModel.metadata))

    return asyncio.run(_run_sync(settings, compare))


async def _run_sync(settings: Settings, work):  # type: ignore[no-untyped-def]
    engine = create_engine(settings)
    try:
        async with engine.connect() as connection:
            return await connection.run_sync(work)
    finally:
        await engine.dispose()


def test_upgrade_downgrade_upgrade(backend: str, tmp_path: Path) -> None:
    with temporary_database(backend, tmp_path) as settings:
        upgrade(settings)
        assert set(SQLModel.metadata.tables) <= _table_names(settings)
        downgrade(settings, "base")
        assert _table_names(settings) == {"alembic_version"}
        upgrade(settings)
        assert set(SQLModel.metadata.tables) <= _table_names(settings)


def test_migrated_schema_matches_the_models(backend: str, tmp_path: Path) -> None:
    with temporary_database(backend, tmp_path) as settings:
        upgrade(settings)
        assert _schema_drift(settings) == []
