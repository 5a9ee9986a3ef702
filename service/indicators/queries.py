"""SQL for indicators."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlmodel import col

from schemas.indicators import IndicatorRead
from service.changes.since import SINCE_PARAMETER, updated_since
from service.db.connection import Database
from service.db.tables import Indicator
from service.errors import NotFoundError
from service.pagination import Key

_COLUMNS = (col(Indicator.id), col(Indicator.name), col(Indicator.description), col(Indicator.unit))


async def list_indicators(
    db: Database, after: Key | None, limit: int, since: dt.datetime | None = None
) -> list[IndicatorRead]:
    stmt = select(*_COLUMNS).order_by(col(Indicator.id)).limit(limit)
    if after is not None:
        stmt = stmt.where(col(Indicator.id) > after[0])
    if since is not None:
        stmt = stmt.where(updated_since(col(Indicator.updated_at)))
    rows = await db.execute(stmt, {SINCE_PARAMETER: since} if since else None)
    return [IndicatorRead(id=i, name=n, description=d, unit=u) for i, n, d, u in rows]


async def get_indicator(db: Database, indicator_id: str) -> IndicatorRead:
    """One indicator: what it measures and its unit."""
    row = (await db.execute(select(*_COLUMNS).where(col(Indicator.id) == indicator_id))).first()
    if row is None:
        raise NotFoundError("indicator", indicator_id)
    return IndicatorRead(id=row[0], name=row[1], description=row[2], unit=row[3])
