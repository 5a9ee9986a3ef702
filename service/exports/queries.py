"""SQL the exports and unit conversions need beyond the list queries."""

from __future__ import annotations

from sqlalchemy import exists, select
from sqlmodel import col

from service.db.connection import Database
from service.db.tables import Indicator, Observation, Region
from service.observations.queries import ObservationFilters
from service.regions.queries import region_path, subtree_of


async def observation_units(db: Database, filters: ObservationFilters) -> list[str]:
    """The distinct units of the observations `filters` select.

    One EXISTS probe per indicator (there are few), each answered from the
    (indicator_id, id) index, rather than a scan of every matching observation.
    """
    matching = exists().where(col(Observation.indicator_id) == col(Indicator.id))
    if filters.indicator:
        matching = matching.where(col(Observation.indicator_id) == filters.indicator)
    if filters.organization:
        matching = matching.where(col(Observation.organization_id) == filters.organization)
    if filters.period_from:
        matching = matching.where(col(Observation.period_end) >= filters.period_from)
    if filters.period_to:
        matching = matching.where(col(Observation.period_start) <= filters.period_to)
    if filters.region and not filters.include_subregions:
        matching = matching.where(col(Observation.region_id) == filters.region)
    elif filters.region:
        path = await region_path(db, filters.region)
        if path is None:
            return []
        subtree = select(col(Region.id)).where(subtree_of(path))
        matching = matching.where(col(Observation.region_id).in_(subtree))
    stmt = select(col(Indicator.unit)).where(matching).distinct().order_by(col(Indicator.unit))
    return list((await db.execute(stmt)).scalars())
