"""Writes the verified seed in one transaction, inserting only what is missing: idempotent."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from service.db import tables
from service.seeding import rows
from service.seeding.facts import QuoteRef
from service.seeding.verify import VerifiedSeed, verify


@dataclass
class SeedReport:
    """Rows inserted per table; all zeros when the database already held the seed."""

    inserted: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.inserted.values())


async def seed(engine: AsyncEngine, seeds_dir: Path) -> SeedReport:
    """Verify the seed files, then insert every fact the database does not have yet."""
    verified = verify(seeds_dir)
    report = SeedReport()
    async with engine.begin() as conn:
        writer = _Writer(conn, report)
        await writer.write(verified)
    return report


class _Writer:
    def __init__(self, conn: AsyncConnection, report: SeedReport) -> None:
        self.conn = conn
        self.report = report

    async def write(self, seed: VerifiedSeed) -> None:
        facts = seed.facts
        await self._insert_missing(tables.Source, ["id"], rows.sources(seed))
        cite = await self._write_citations(seed)
        await self._insert_missing(tables.Region, ["id"], rows.regions(seed))
        await self._insert_missing(tables.Organization, ["id"], rows.organizations(facts))
        await self._insert_missing(
            tables.OrganizationSector, ["organization_id", "sector"], rows.sectors(facts)
        )
        await self._insert_missing(
            tables.OrganizationRegion,
            ["organization_id", "region_id", "role"],
            rows.organization_regions(facts, cite),
        )
        await self._insert_missing(
            tables.OrganizationRelation,
            ["subject_id", "kind", "object_id"],
            rows.relations(facts, cite),
        )
        await self._insert_missing(
            tables.RegionCitation, ["region_id", "citation_id"], rows.region_citations(facts, cite)
        )
        await self._insert_missing(
            tables.OrganizationCitation,
            ["organization_id", "citation_id"],
            rows.organization_citations(facts, cite),
        )
        await self._insert_missing(tables.Indicator, ["id"], rows.indicators(facts))
        await self._insert_missing(tables.Observation, ["id"], rows.observations(facts, cite))

    async def _write_citations(self, seed: VerifiedSeed) -> dict[QuoteRef, int]:
        """Insert the cited spans; return the id of the citation row of every quote."""
        key = ["source_id", "start", "end"]
        await self._insert_missing(tables.Citation, key, rows.citations(seed))
        table: sa.Table = tables.Citation.__table__  # type: ignore[attr-defined]
        found = await self.conn.execute(sa.select(*(table.c[k] for k in key), table.c.id))
        ids = {(row[0], row[1], row[2]): row[3] for row in found}
        return {ref: ids[(s.source, s.start, s.end)] for ref, s in seed.spans.items()}

    async def _insert_missing(self, model: Any, key: list[str], rows: list[dict[str, Any]]) -> None:
        """Insert the rows whose natural key is not in the table yet, in the given order."""
        table: sa.Table = model.__table__
        key_columns = [table.c[k] for k in key]
        existing = {tuple(row) for row in await self.conn.execute(sa.select(*key_columns))}
        missing: list[dict[str, Any]] = []
        for row in rows:
            natural_key = tuple(row[k] for k in key)
            if natural_key not in existing:
                existing.add(natural_key)
                missing.append(row)
        if missing:
            await self.conn.execute(sa.insert(table), missing)
        self.report.inserted[table.name] = len(missing)
