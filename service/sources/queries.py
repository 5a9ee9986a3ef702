"""SQL for sources."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlmodel import col

from schemas.sources import SourceRead, SourceSummary
from service.changes.since import SINCE_PARAMETER, updated_since
from service.db.connection import Database
from service.db.tables import Source
from service.errors import NotFoundError
from service.pagination import Key

_SUMMARY_COLUMNS = (
    col(Source.id),
    col(Source.title),
    col(Source.publisher),
    col(Source.published_on),
    col(Source.authors),
    col(Source.url),
    col(Source.language),
)


async def list_sources(
    db: Database, after: Key | None, limit: int, since: dt.datetime | None = None
) -> list[SourceSummary]:
    """Sources without their text: a list stays small however long the articles are."""
    stmt = select(*_SUMMARY_COLUMNS).order_by(col(Source.id)).limit(limit)
    if after is not None:
        stmt = stmt.where(col(Source.id) > after[0])
    if since is not None:
        stmt = stmt.where(updated_since(col(Source.updated_at)))
    parameters = {SINCE_PARAMETER: since} if since else None
    # The selected columns are named as the Struct's fields.
    return [SourceSummary(**row._mapping) for row in await db.execute(stmt, parameters)]


async def get_source(db: Database, source_id: str) -> SourceRead:
    """One source with its full text, into which every citation's offsets point."""
    stmt = select(*_SUMMARY_COLUMNS, col(Source.text)).where(col(Source.id) == source_id)
    row = (await db.execute(stmt)).first()
    if row is None:
        raise NotFoundError("source", source_id)
    return SourceRead(**row._mapping)
