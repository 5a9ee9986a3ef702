"""SQL for organizations, their region links and relations."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import BindParameter, bindparam, exists, or_, select
from sqlmodel import col

from schemas.citations import Citation as CitationOut
from schemas.organizations import OrganizationRead, OrganizationRegionLink, RelationRead
from service.changes.since import SINCE_PARAMETER, updated_since
from service.citations import CITATION_COLUMNS, citation_from
from service.db.connection import Database
from service.db.tables import (
    Citation,
    Organization,
    OrganizationCitation,
    OrganizationRegion,
    OrganizationRelation,
    OrganizationSector,
    Region,
)
from service.db.typing import AnyRow, AnySelect
from service.errors import NotFoundError
from service.pagination import Key
from service.regions.queries import matches_text, region_path
from service.regions.subtree import subtree_of

_COLUMNS = (
    col(Organization.id),
    col(Organization.name),
    col(Organization.short_name),
    col(Organization.kind),
    col(Organization.aliases),
    col(Organization.description),
)
# Roles that place an organization inside a region, for the `region` filter; operating in or
# exporting to a region does not.
LOCATED_ROLES = ("headquarters", "located_in")


@dataclass(frozen=True, slots=True)
class OrganizationFilters:
    q: str | None = None
    kind: str | None = None
    sector: str | None = None
    region: str | None = None
    updated_since: dt.datetime | None = None


async def list_organizations(
    db: Database, filters: OrganizationFilters, after: Key | None, limit: int
) -> list[OrganizationRead]:
    stmt = select(*_COLUMNS).order_by(col(Organization.id)).limit(limit)
    if after is not None:
        stmt = stmt.where(col(Organization.id) > after[0])
    if filters.q:
        stmt = stmt.where(matches_text(Organization.search_text, filters.q))
    if filters.kind:
        stmt = stmt.where(col(Organization.kind) == filters.kind)
    if filters.sector:
        stmt = stmt.where(
            exists().where(
                col(OrganizationSector.organization_id) == col(Organization.id),
                col(OrganizationSector.sector) == filters.sector,
            )
        )
    if filters.region:
        path = await region_path(db, filters.region)
        if path is None:
            return []
        stmt = stmt.where(_located_in_subtree(path))
    if filters.updated_since:
        stmt = stmt.where(updated_since(col(Organization.updated_at)))
        return await _read(db, stmt, {SINCE_PARAMETER: filters.updated_since})
    return await _read(db, stmt)


def _located_in_subtree(path: str) -> Any:
    return exists().where(
        col(OrganizationRegion.organization_id) == col(Organization.id),
        col(OrganizationRegion.role).in_(LOCATED_ROLES),
        col(OrganizationRegion.region_id).in_(select(col(Region.id)).where(subtree_of(path))),
    )


async def get_organization(db: Database, organization_id: str) -> OrganizationRead:
    """One organization with its sectors, locations, relations and citations."""
    found = await _read(db, _BY_ID, {"organization_id": organization_id})
    if not found:
        raise NotFoundError("organization", organization_id)
    return found[0]


async def list_relations(
    db: Database, organization_id: str, after: Key | None, limit: int
) -> list[tuple[int, RelationRead]]:
    """Relations in which the organization is subject or object, with their ids as keys."""
    exists_stmt = select(col(Organization.id)).where(col(Organization.id) == organization_id)
    if await db.scalar(exists_stmt) is None:
        raise NotFoundError("organization", organization_id)
    stmt = _relations_stmt().where(
        or_(
            col(OrganizationRelation.subject_id) == organization_id,
            col(OrganizationRelation.object_id) == organization_id,
        )
    )
    if after is not None:
        stmt = stmt.where(col(OrganizationRelation.id) > after[0])
    rows = await db.execute(stmt.order_by(col(OrganizationRelation.id)).limit(limit))
    return [(row[0], _relation_from(row)) for row in rows]


def _relations_stmt() -> AnySelect:
    return select(
        col(OrganizationRelation.id),
        col(OrganizationRelation.subject_id),
        col(OrganizationRelation.kind),
        col(OrganizationRelation.object_id),
        *CITATION_COLUMNS,
    ).join(Citation, col(Citation.id) == col(OrganizationRelation.citation_id))


def _relation_from(row: AnyRow) -> RelationRead:
    return RelationRead(subject=row[1], kind=row[2], object=row[3], citation=citation_from(row))


async def _read(
    db: Database, stmt: AnySelect, parameters: dict[str, Any] | None = None
) -> list[OrganizationRead]:
    rows = (await db.execute(stmt, parameters)).all()
    ids = [row[0] for row in rows]
    if not ids:
        return []
    sectors = await _sectors(db, ids)
    links = await _region_links(db, ids)
    relations = await _relations(db, ids)
    citations = await _citations(db, ids)
    return [
        OrganizationRead(
            id=oid,
            name=name,
            short_name=short_name,
            kind=kind,
            headquarters=_headquarters(links[oid]),
            sectors=sectors[oid],
            aliases=aliases,
            description=description,
            regions=links[oid],
            relations=relations[oid],
            citations=citations[oid],
        )
        for oid, name, short_name, kind, aliases, description in rows
    ]


def _headquarters(links: list[OrganizationRegionLink]) -> str | None:
    return next((link.region for link in links if link.role == "headquarters"), None)


async def _sectors(db: Database, ids: list[str]) -> defaultdict[str, list[str]]:
    by_org: defaultdict[str, list[str]] = defaultdict(list)
    for oid, sector in await db.execute(_SECTORS_OF, {"ids": ids}):
        by_org[oid].append(sector)
    return by_org


async def _region_links(
    db: Database, ids: list[str]
) -> defaultdict[str, list[OrganizationRegionLink]]:
    by_org: defaultdict[str, list[OrganizationRegionLink]] = defaultdict(list)
    for row in await db.execute(_REGION_LINKS_OF, {"ids": ids}):
        link = OrganizationRegionLink(region=row[1], role=row[2], citation=citation_from(row))
        by_org[row[0]].append(link)
    return by_org


async def _relations(db: Database, ids: list[str]) -> defaultdict[str, list[RelationRead]]:
    by_org: defaultdict[str, list[RelationRead]] = defaultdict(list)
    for row in await db.execute(_RELATIONS_OF, {"ids": ids}):
        relation = _relation_from(row)
        for oid in {relation.subject, relation.object}:
            by_org[oid].append(relation)
    return by_org


async def _citations(db: Database, ids: list[str]) -> defaultdict[str, list[CitationOut]]:
    by_org: defaultdict[str, list[CitationOut]] = defaultdict(list)
    for row in await db.execute(_CITATIONS_OF, {"ids": ids}):
        by_org[row[0]].append(citation_from(row))
    return by_org


# The statements of every page, built once: building one costs more than running it compiled.
_IDS: BindParameter[list[str]] = bindparam("ids", expanding=True)
_BY_ID = select(*_COLUMNS).where(col(Organization.id) == bindparam("organization_id"))
_SECTORS_OF = (
    select(col(OrganizationSector.organization_id), col(OrganizationSector.sector))
    .where(col(OrganizationSector.organization_id).in_(_IDS))
    .order_by(col(OrganizationSector.sector))
)
_REGION_LINKS_OF = (
    select(
        col(OrganizationRegion.organization_id),
        col(OrganizationRegion.region_id),
        col(OrganizationRegion.role),
        *CITATION_COLUMNS,
    )
    .join(Citation, col(Citation.id) == col(OrganizationRegion.citation_id))
    .where(col(OrganizationRegion.organization_id).in_(_IDS))
    .order_by(col(OrganizationRegion.role), col(OrganizationRegion.region_id))
)
_RELATIONS_OF = (
    _relations_stmt()
    .where(
        or_(
            col(OrganizationRelation.subject_id).in_(_IDS),
            col(OrganizationRelation.object_id).in_(_IDS),
        )
    )
    .order_by(col(OrganizationRelation.id))
)
_CITATIONS_OF = (
    select(col(OrganizationCitation.organization_id), *CITATION_COLUMNS)
    .join(Citation, col(Citation.id) == col(OrganizationCitation.citation_id))
    .where(col(OrganizationCitation.organization_id).in_(_IDS))
    .order_by(col(Citation.source_id), col(Citation.start))
)
