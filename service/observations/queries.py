"""SQL for observations."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import bindparam, select
from sqlmodel import col

from schemas.observations import ObservationRead
from service.citations import CITATION_COLUMNS, citation_from
from service.db.connection import Database
from service.db.tables import Citation, Indicator, Observation, Region
from service.db.typing import AnyRow, AnySelect
from service.errors import NotFoundError
from service.pagination import Key
from service.regions.queries import region_path, subtree_of


@dataclass(frozen=True, slots=True)
class ObservationFilters:
    indicator: str | None = None
    region: str | None = None
    include_subregions: bool = False
    organization: str | None = None
    # Periods overlapping [period_from, period_to]; observations without a period never match.
    period_from: dt.date | None = None
    period_to: dt.date | None = None


async def list_observations(
    db: Database, filters: ObservationFilters, after: Key | None, limit: int
) -> list[ObservationRead]:
    # The page's ids first, from the observations alone; the joins then touch `limit` rows only.
    stmt = select(col(Observation.id)).order_by(col(Observation.id)).limit(limit)
    if after is not None:
        stmt = stmt.where(col(Observation.id) > after[0])
    if filters.indicator:
        stmt = stmt.where(col(Observation.indicator_id) == filters.indicator)
    if filters.organization:
        stmt = stmt.where(col(Observation.organization_id) == filters.organization)
    if filters.period_from:
        stmt = stmt.where(col(Observation.period_end) >= filters.period_from)
    if filters.period_to:
        stmt = stmt.where(col(Observation.period_start) <= filters.period_to)
    if filters.region and not filters.include_subregions:
        stmt = stmt.where(col(Observation.region_id) == filters.region)
    elif filters.region:
        path = await region_path(db, filters.region)
        if path is None:
            return []
        subtree = select(col(Region.id)).where(subtree_of(path))
        stmt = stmt.where(col(Observation.region_id).in_(subtree))
    page = stmt.subquery()
    rows = await db.execute(
        _SELECT.join(page, page.c.id == col(Observation.id)).order_by(col(Observation.id))
    )
    return [_observation_from(row) for row in rows]


async def get_observation(db: Database, observation_id: str) -> ObservationRead:
    row = (await db.execute(_BY_ID, {"observation_id": observation_id})).first()
    if row is None:
        raise NotFoundError("observation", observation_id)
    return _observation_from(row)


def _select() -> AnySelect:
    return (
        select(
            col(Observation.id),
            col(Observation.indicator_id),
            col(Observation.region_id),
            col(Observation.organization_id),
            col(Observation.period_start),
            col(Observation.period_end),
            col(Observation.period_label),
            col(Observation.value),
            col(Indicator.unit),
            col(Observation.comparator),
            col(Observation.as_reported),
            *CITATION_COLUMNS,
        )
        .join(Indicator, col(Indicator.id) == col(Observation.indicator_id))
        .join(Citation, col(Citation.id) == col(Observation.citation_id))
    )


def _observation_from(row: AnyRow) -> ObservationRead:
    return ObservationRead(
        id=row[0],
        indicator=row[1],
        region=row[2],
        organization=row[3],
        period_start=row[4],
        period_end=row[5],
        period_label=row[6],
        value=row[7],
        unit=row[8],
        comparator=row[9],
        as_reported=row[10],
        citation=citation_from(row),
    )


# Built once: building this select costs more than running it compiled.
_SELECT = _select()
_BY_ID = _SELECT.where(col(Observation.id) == bindparam("observation_id"))
