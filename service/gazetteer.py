"""The extractor's gazetteer read from the database, kept per app until the data changes.

The cache keeps the gazetteer with its index (names by first word, indicators by their words),
built once when the gazetteer is read: extraction then costs the same with 25,000 entities as
with 25.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Any

import anyio
from sqlalchemy import ColumnElement, func, select
from sqlmodel import col

from service.db.connection import Database
from service.db.tables import Indicator, Organization, Region
from service.db.typing import AnySelect
from service.extraction.gazetteer import Gazetteer, KnownEntity, KnownIndicator

_TABLES = (Region, Organization, Indicator)
# Rows and the latest change of each table the gazetteer is read from: an insert or update
# moves a maximum, a delete a count, whoever wrote (the API, `seed`, `synth`, psql). Both come
# from indexes (`updated_at` is indexed), so asking costs far less than rebuilding.
_DATA_VERSION = select(
    *(
        scalar
        for table in _TABLES
        for scalar in (
            select(func.count()).select_from(table).scalar_subquery(),
            select(func.max(col(table.updated_at))).scalar_subquery(),
        )
    )
)
_REGIONS = select(col(Region.id), col(Region.kind), col(Region.name), col(Region.aliases))
_ORGANIZATIONS = select(
    col(Organization.id),
    col(Organization.kind),
    col(Organization.name),
    col(Organization.short_name),
    col(Organization.aliases),
)
_INDICATORS = select(col(Indicator.id), col(Indicator.name), col(Indicator.unit))


async def load_gazetteer(db: Database) -> Gazetteer:
    """Every region, organization (name, short name, aliases) and indicator, by id."""
    entities = await known_entities(db)
    indicators = (await db.execute(_INDICATORS.order_by(col(Indicator.id)))).all()
    return Gazetteer(
        entities=tuple(entities),
        indicators=tuple(KnownIndicator(row.id, row.name, row.unit) for row in indicators),
    )


async def known_entities(
    db: Database,
    regions: ColumnElement[bool] | None = None,
    organizations: ColumnElement[bool] | None = None,
) -> list[KnownEntity]:
    """Regions, then organizations, by id, each with every name a text may call it by; only
    those the filters keep, when given."""
    region_rows = await db.execute(_kept(_REGIONS, regions).order_by(col(Region.id)))
    organization_rows = await db.execute(
        _kept(_ORGANIZATIONS, organizations).order_by(col(Organization.id))
    )
    entities = [
        KnownEntity("region", row.id, _names(row.name, *row.aliases), row.kind)
        for row in region_rows
    ]
    entities += [
        KnownEntity(
            "organization", row.id, _names(row.name, row.short_name, *row.aliases), row.kind
        )
        for row in organization_rows
    ]
    return entities


def _kept(statement: AnySelect, where: ColumnElement[bool] | None) -> AnySelect:
    return statement if where is None else statement.where(where)


def _names(*names: str | None) -> tuple[str, ...]:
    """The names in order, each once: the name first, as the extractor expects."""
    return tuple(dict.fromkeys(name for name in names if name))


async def data_version(db: Database) -> Sequence[Any]:
    """A value that changes whenever the gazetteer's tables do."""
    return tuple((await db.execute(_DATA_VERSION)).one())


class GazetteerCache:
    """The gazetteer of one app and its index, rebuilt when `data_version` moved since it was
    read."""

    def __init__(self) -> None:
        self._version: Sequence[Any] | None = None
        self._gazetteer = Gazetteer()
        # One rebuild at a time: requests arriving meanwhile wait for it rather than repeat it.
        self._lock = asyncio.Lock()

    async def get(self, db: Database) -> Gazetteer:
        version = await data_version(db)
        if version == self._version:
            return self._gazetteer
        async with self._lock:
            if version != self._version:
                gazetteer = await load_gazetteer(db)
                # Indexing a large gazetteer takes a while: off the event loop, once per version.
                await anyio.to_thread.run_sync(gazetteer.index)
                self._gazetteer, self._version = gazetteer, version
        return self._gazetteer
