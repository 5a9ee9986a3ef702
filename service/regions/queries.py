"""SQL for regions. Knows nothing of HTTP: raises `NotFoundError`, returns wire Structs."""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, bindparam, outerjoin, select
from sqlmodel import col

from schemas.citations import Citation as CitationOut
from schemas.regions import RegionRead
from service.changes.since import SINCE_PARAMETER, updated_since
from service.citations import CITATION_COLUMNS, citation_from
from service.db.connection import Database, Prepared, Rows
from service.db.tables import Citation, Region, RegionCitation
from service.db.typing import AnySelect
from service.errors import NotFoundError
from service.pagination import Key
from service.search.folding import fold

_COLUMNS = (
    col(Region.id),
    col(Region.name),
    col(Region.kind),
    col(Region.parent_id),
    col(Region.aliases),
    col(Region.iso_3166),
)


# Statements of the hot paths, built once: building one costs more than running it compiled.
_PATH_OF = Prepared(select(col(Region.path)).where(col(Region.id) == bindparam("region_id")))
# One region and its citations in one round trip: a row per citation (one with NULLs if none).
_WITH_CITATIONS = Prepared(
    select(*_COLUMNS, *CITATION_COLUMNS)
    .select_from(
        outerjoin(
            Region, RegionCitation, col(RegionCitation.region_id) == col(Region.id)
        ).outerjoin(Citation, col(Citation.id) == col(RegionCitation.citation_id))
    )
    .where(col(Region.id) == bindparam("region_id"))
    .order_by(col(Citation.source_id), col(Citation.start))
)
_CITATIONS_OF = (
    select(col(RegionCitation.region_id), *CITATION_COLUMNS)
    .join(Citation, col(Citation.id) == col(RegionCitation.citation_id))
    .where(col(RegionCitation.region_id).in_(bindparam("ids", expanding=True)))
    .order_by(col(Citation.source_id), col(Citation.start))
)


@dataclass(frozen=True, slots=True)
class RegionFilters:
    q: str | None = None
    kind: str | None = None
    parent: str | None = None
    updated_since: dt.datetime | None = None


def search_text(name: str, aliases: Sequence[str]) -> str:
    """What `q` matches: name and aliases, folded (see `service.search.folding`), one per line."""
    return "\n".join(fold(term) for term in (name, *aliases))


def matches_text(column: Any, q: str) -> ColumnElement[bool]:
    """Substring match of folded `q`, wildcards in `q` taken literally."""
    return col(column).contains(fold(q), autoescape=True)


async def region_path(db: Database, region_id: str) -> str | None:
    rows = await db.rows(_PATH_OF, {"region_id": region_id})
    return str(rows[0][0]) if rows else None


async def list_regions(
    db: Database, filters: RegionFilters, after: Key | None, limit: int
) -> list[RegionRead]:
    if not filters.q:
        shape = _Shape(
            after is not None, bool(filters.kind), bool(filters.parent), bool(filters.updated_since)
        )
        values = {
            "after": after[0] if after is not None else None,
            "kind": filters.kind,
            "parent": filters.parent,
            SINCE_PARAMETER: filters.updated_since,
            "limit": limit,
        }
        return _regions_with_citations(await db.rows(_page_statement(shape), values))
    # Text search keeps a statement built per request: PostgreSQL's trigram index serves
    # `LIKE '%tech%'` only when it sees the pattern, which a prepared statement's plan does not.
    stmt = _page(select(*_COLUMNS), after, limit)
    stmt = stmt.where(matches_text(Region.search_text, filters.q))
    if filters.kind:
        stmt = stmt.where(col(Region.kind) == filters.kind)
    if filters.parent:
        stmt = stmt.where(col(Region.parent_id) == filters.parent)
    if filters.updated_since:
        stmt = stmt.where(updated_since(col(Region.updated_at)))
        return await _read(db, stmt, {SINCE_PARAMETER: filters.updated_since})
    return await _read(db, stmt)


async def get_region(db: Database, region_id: str) -> RegionRead:
    """One region with its aliases, codes and citations."""
    rows = await db.rows(_WITH_CITATIONS, {"region_id": region_id})
    if not rows:
        raise NotFoundError("region", region_id)
    return _region_with_citations(rows)


@dataclass(frozen=True, slots=True)
class _Shape:
    """Which filters a page of regions has; their values are its parameters."""

    after: bool
    kind: bool
    parent: bool
    updated_since: bool


@functools.lru_cache(maxsize=32)
def _page_statement(shape: _Shape) -> Prepared:
    """A page of regions and their citations in one statement: a row per citation, in id order."""
    ids = select(*_COLUMNS)
    if shape.after:
        ids = ids.where(col(Region.id) > bindparam("after"))
    if shape.kind:
        ids = ids.where(col(Region.kind) == bindparam("kind"))
    if shape.parent:
        ids = ids.where(col(Region.parent_id) == bindparam("parent"))
    if shape.updated_since:
        ids = ids.where(updated_since(col(Region.updated_at)))
    page = ids.order_by(col(Region.id)).limit(bindparam("limit")).subquery()
    cited = page.outerjoin(RegionCitation, col(RegionCitation.region_id) == page.c.id)
    return Prepared(
        select(*page.c, *CITATION_COLUMNS)
        .select_from(cited.outerjoin(Citation, col(Citation.id) == col(RegionCitation.citation_id)))
        .order_by(page.c.id, col(Citation.source_id), col(Citation.start))
    )


def _regions_with_citations(rows: Rows) -> list[RegionRead]:
    """Regions from rows in id order, each region's rows together (see `_page_statement`)."""
    regions: list[RegionRead] = []
    start = 0
    for end in range(1, len(rows) + 1):
        if end == len(rows) or rows[end][0] != rows[start][0]:
            regions.append(_region_with_citations(rows[start:end]))
            start = end
    return regions


def _region_with_citations(rows: Rows) -> RegionRead:
    rid, name, kind, parent, aliases, iso = rows[0][:6]
    return RegionRead(
        id=rid,
        name=name,
        kind=kind,
        parent=parent,
        aliases=aliases,
        iso_3166=iso,
        # An outer join: a region without citations comes as one row of NULL citation columns.
        citations=[citation_from(row) for row in rows if row[-1] is not None],
    )


async def list_children(
    db: Database, region_id: str, after: Key | None, limit: int
) -> list[RegionRead]:
    await _ensure_exists(db, region_id)
    return await list_regions(db, RegionFilters(parent=region_id), after, limit)


async def list_ancestors(db: Database, region_id: str) -> list[RegionRead]:
    """From the root down to the parent; the path says which, one query reads them all."""
    path = await region_path(db, region_id)
    if path is None:
        raise NotFoundError("region", region_id)
    ancestor_ids = path.split("/")[:-1]
    regions = {
        r.id: r for r in await _read(db, select(*_COLUMNS).where(col(Region.id).in_(ancestor_ids)))
    }
    return [regions[rid] for rid in ancestor_ids]


async def _ensure_exists(db: Database, region_id: str) -> None:
    if await region_path(db, region_id) is None:
        raise NotFoundError("region", region_id)


def _page(stmt: AnySelect, after: Key | None, limit: int) -> AnySelect:
    if after is not None:
        stmt = stmt.where(col(Region.id) > after[0])
    return stmt.order_by(col(Region.id)).limit(limit)


async def _read(
    db: Database, stmt: AnySelect, parameters: dict[str, Any] | None = None
) -> list[RegionRead]:
    rows = (await db.execute(stmt, parameters)).all()
    citations = await _citations(db, [row[0] for row in rows])
    return [
        RegionRead(
            id=rid,
            name=name,
            kind=kind,
            parent=parent,
            aliases=aliases,
            iso_3166=iso,
            citations=citations.get(rid, []),
        )
        for rid, name, kind, parent, aliases, iso in rows
    ]


async def _citations(db: Database, ids: list[str]) -> dict[str, list[CitationOut]]:
    if not ids:
        return {}
    by_region: dict[str, list[CitationOut]] = defaultdict(list)
    for row in await db.execute(_CITATIONS_OF, {"ids": ids}):
        by_region[row[0]].append(citation_from(row))
    return by_region
