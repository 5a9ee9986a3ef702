"""Lists of tables written out by hand, held against the tables the schema declares."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from sqlmodel import SQLModel

from service.citations import CITERS
from service.db.tables import NOT_SERVED_TABLES

VERSIONS = Path(__file__).resolve().parents[2] / "service" / "db" / "migrations" / "versions"


def _migration(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, VERSIONS / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_table_the_api_reads_notifies_its_changes() -> None:
    # A served table without a trigger would let the response cache serve stale answers.
    triggers = {
        table
        for path in sorted(VERSIONS.glob("[0-9]*.py"))
        for table in getattr(_migration(path.stem), "READ_TABLES", ())
    }
    assert triggers == set(SQLModel.metadata.tables) - NOT_SERVED_TABLES


def test_every_column_that_points_at_a_citation_is_a_citer() -> None:
    # A citer left out would let a cited citation be removed, or a cited source be deleted.
    pointing = {
        (table.name, column.name)
        for table in SQLModel.metadata.tables.values()
        for column in table.columns
        if any(key.column.table.name == "citations" for key in column.foreign_keys)
    }
    assert pointing == {(citer.citation.table.name, citer.citation.name) for citer in CITERS}
