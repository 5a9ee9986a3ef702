"""Fixtures for seeding tests: a private copy of seeds/ to corrupt, and the database's content."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
import yaml
from sqlmodel import SQLModel

from service.db import tables  # noqa: F401  (registers every table on SQLModel.metadata)
from service.db.engine import create_engine
from service.settings import Settings
from tests.conftest import SEEDS_DIR

Facts = dict[str, Any]
TableDump = dict[str, list[tuple[Any, ...]]]


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    """A copy of seeds/ this test may edit."""
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, target)
    return target


@pytest.fixture
def edit_facts(seeds_copy: Path) -> Callable[[Callable[[Facts], None]], Path]:
    """Apply an edit to the copy's facts.yaml (as plain data) and return the seeds directory."""

    def edit(change: Callable[[Facts], None]) -> Path:
        path = seeds_copy / "facts.yaml"
        facts = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        change(facts)
        path.write_text(yaml.dump(facts, Dumper=yaml.CSafeDumper, allow_unicode=True), "utf-8")
        return seeds_copy

    return edit


async def dump_tables(settings: Settings) -> TableDump:
    """Every row of every table, in a stable order."""
    engine = create_engine(settings)
    try:
        async with engine.connect() as conn:
            dump: TableDump = {}
            for table in SQLModel.metadata.sorted_tables:
                rows = await conn.execute(sa.select(table).order_by(*table.primary_key.columns))
                dump[table.name] = [tuple(row) for row in rows]
            return dump
    finally:
        await engine.dispose()
