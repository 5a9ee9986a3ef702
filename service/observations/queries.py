"""SQL for observations."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Subquery, bindparam, exists, select, union_all
from sqlmodel import col

from schemas.observations import ObservationRead
from service.changes.since import SINCE_PARAMETER, updated_since
from service.citations import CITATION_COLUMNS, citation_from
from service.db.connection import Database, Prepared
from service.db.tables import Citation, Indicator, Observation
from service.db.typing import AnySelect
from service.errors import NotFoundError
from service.pagination import Key
from service.regions.subtree import SUBTREE_IDS, subtree_ids
from service.units import unit_fields


@dataclass(frozen=True, slots=True)
class ObservationFilters:
    indicator: str | None = None
    region: str | None = None
    include_subregions: bool = False
    organization: str | None = None
    # Periods overlapping [period_from, period_to]; observations without a period never match.
    period_from: dt.date | None = None
    period_to: dt.date | None = None
    updated_since: dt.datetime | None = None


# On PostgreSQL a subtree of up to this many regions is paged by merging each region's
# observations in id order (an index range per region: about `limit` + regions entries read,
# whatever the table's size). A larger subtree holds so many observations that walking the id
# order fills a page after a few rows per match; one statement of that many branches would also
# cost more to plan. SQLite has no merge of index ranges: it would read every branch in full,
# and a statement of 128 branches takes it 60 ms and a megabyte to prepare. There the subtree's
# entries of the (region_id, id) index are read and the first `limit` ids kept (a bounded sort:
# under a millisecond for a country of 10,000 observations).
MERGE_MAX_REGIONS = 128


async def list_observations(
    db: Database, filters: ObservationFilters, after: Key | None, limit: int
) -> list[ObservationRead]:
    return [observation_from(row) for row in await observation_rows(db, filters, after, limit)]


async def observation_rows(
    db: Database, filters: ObservationFilters, after: Key | None, limit: int
) -> Sequence[Sequence[Any]]:
    """The rows of `list_observations`, for `observation_from`: an export builds its items a
    few at a time, between other requests."""
    shape, values = _selection(filters)
    shape = dataclasses.replace(shape, after=after is not None)
    values.update(after=after[0] if after is not None else None, limit=limit)
    merged = 0
    if filters.region and filters.include_subregions and not db.merges_index_ranges:
        shape = dataclasses.replace(shape, subtree=True)
    elif filters.region and filters.include_subregions:
        regions = await subtree_ids(db, filters.region, MERGE_MAX_REGIONS + 1)
        if not regions:
            return []
        if len(regions) <= MERGE_MAX_REGIONS:
            merged = len(regions)
            values.update((f"region_{i}", region) for i, region in enumerate(regions))
        else:
            shape = dataclasses.replace(shape, subtree=True)
    return await db.rows(_page_statement(shape, merged), values)


async def observation_units(db: Database, filters: ObservationFilters) -> list[str]:
    """The distinct units of the observations `filters` select (every filter of the list).

    One EXISTS probe per indicator (there are few), each answered from the
    (indicator_id, id) index, rather than a scan of every matching observation.
    """
    shape, values = _selection(filters)
    if filters.region and filters.include_subregions:
        shape = dataclasses.replace(shape, subtree=True)
    return [row[0] for row in await db.rows(_units_statement(shape), values)]


def _selection(filters: ObservationFilters) -> tuple[_Shape, dict[str, Any]]:
    """Which conditions `filters` need, and their parameters; a subtree is left to the caller."""
    values: dict[str, Any] = {
        "indicator": filters.indicator,
        "organization": filters.organization,
        "period_from": filters.period_from,
        "period_to": filters.period_to,
        SINCE_PARAMETER: filters.updated_since,
        "region": filters.region,
        "region_id": filters.region,  # the root of a subtree
    }
    shape = _Shape(
        indicator=bool(filters.indicator),
        organization=bool(filters.organization),
        period_from=bool(filters.period_from),
        period_to=bool(filters.period_to),
        updated_since=bool(filters.updated_since),
        region=bool(filters.region) and not filters.include_subregions,
    )
    return shape, values


@dataclass(frozen=True, slots=True)
class _Shape:
    """Which filters a page statement has; their values are its parameters."""

    after: bool = False
    indicator: bool = False
    organization: bool = False
    period_from: bool = False
    period_to: bool = False
    updated_since: bool = False
    region: bool = False
    subtree: bool = False


@functools.lru_cache(maxsize=512)
def _page_statement(shape: _Shape, merged_regions: int) -> Prepared:
    """The page of `shape`, with its rows' columns; over `merged_regions` regions if not 0."""
    conditions = _conditions(shape)
    if merged_regions:
        merged = _merged_ids(conditions, merged_regions)
        ids = select(merged.c.id).order_by(merged.c.id)
    else:
        ids = select(col(Observation.id)).where(*conditions).order_by(col(Observation.id))
    page = ids.limit(bindparam("limit")).subquery()
    return Prepared(
        _SELECT.join(page, page.c.id == col(Observation.id)).order_by(col(Observation.id))
    )


@functools.lru_cache(maxsize=128)
def _units_statement(shape: _Shape) -> Prepared:
    matching = exists().where(
        col(Observation.indicator_id) == col(Indicator.id), *_conditions(shape)
    )
    return Prepared(
        select(col(Indicator.unit)).where(matching).distinct().order_by(col(Indicator.unit))
    )


def _conditions(shape: _Shape) -> list[ColumnElement[bool]]:
    conditions = []
    if shape.after:
        conditions.append(col(Observation.id) > bindparam("after"))
    if shape.indicator:
        conditions.append(col(Observation.indicator_id) == bindparam("indicator"))
    if shape.organization:
        conditions.append(col(Observation.organization_id) == bindparam("organization"))
    if shape.period_from:
        conditions.append(col(Observation.period_end) >= bindparam("period_from"))
    if shape.period_to:
        conditions.append(col(Observation.period_start) <= bindparam("period_to"))
    if shape.updated_since:
        conditions.append(updated_since(col(Observation.updated_at)))
    if shape.region:
        conditions.append(col(Observation.region_id) == bindparam("region"))
    if shape.subtree:
        conditions.append(col(Observation.region_id).in_(SUBTREE_IDS))
    return conditions


def _merged_ids(conditions: list[ColumnElement[bool]], regions: int) -> Subquery:
    """The first `limit` ids of each region, merged: PostgreSQL reads each region's index
    range in id order (a Merge Append) and stops once `limit` ids are out."""
    branches = [
        select(col(Observation.id))
        .where(col(Observation.region_id) == bindparam(f"region_{i}"), *conditions)
        .order_by(col(Observation.id))
        .limit(bindparam("limit"))
        .subquery()
        for i in range(regions)
    ]
    return union_all(*(select(branch.c.id) for branch in branches)).subquery()


async def get_observation(db: Database, observation_id: str) -> ObservationRead:
    """One observation with its citation, its value in base units."""
    rows = await db.rows(_BY_ID, {"observation_id": observation_id})
    if not rows:
        raise NotFoundError("observation", observation_id)
    return observation_from(rows[0])


def observation_select() -> AnySelect:
    """Every column `observation_from` reads, the citation's last: callers may add their own
    columns after them and pass `row[:-n]`."""
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


def observation_from(row: Sequence[Any]) -> ObservationRead:
    # The columns of `observation_select()`, in order; the citation's are the last four.
    oid, indicator, region, organization, start, end, label, value, unit, comparator = row[:10]
    return ObservationRead(
        id=oid,
        indicator=indicator,
        region=region,
        organization=organization,
        period_start=start,
        period_end=end,
        period_label=label,
        value=value,
        **unit_fields(unit),
        comparator=comparator,
        as_reported=row[10],
        citation=citation_from(row),
    )


# Built once: building this select costs more than running it compiled.
_SELECT = observation_select()
_BY_ID = Prepared(_SELECT.where(col(Observation.id) == bindparam("observation_id")))
