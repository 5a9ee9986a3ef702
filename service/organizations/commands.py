"""Writes to organizations, their region links and their relations."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlmodel import col

from schemas.organizations import (
    CitationUpdate,
    OrganizationCreate,
    OrganizationRead,
    OrganizationUpdate,
    RegionLinkCreate,
    RelationCreate,
)
from service.curation.checks import ensure_exists, ensure_new, refuse_if_used
from service.curation.citations import cite, cite_all, drop_unused, replace_citations
from service.curation.patches import sent_fields
from service.curation.transaction import WriteSession
from service.db.tables import (
    Observation,
    Organization,
    OrganizationCitation,
    OrganizationRegion,
    OrganizationRelation,
    OrganizationSector,
    Region,
)
from service.errors import ConflictError, UnprocessableError
from service.regions.queries import search_text


def organization_search_text(name: str, short_name: str | None, aliases: list[str]) -> str:
    return search_text(name, [short_name or "", *aliases])


async def create_organization(session: WriteSession, data: OrganizationCreate) -> None:
    """A new organization with its sectors, aliases and citations."""
    await ensure_new(session, col(Organization.id), "organization", data.id)
    await session.execute(
        insert(Organization).values(
            id=data.id,
            name=data.name,
            short_name=data.short_name,
            kind=data.kind,
            description=data.description,
            aliases=data.aliases,
            search_text=organization_search_text(data.name, data.short_name, data.aliases),
            updated_at=session.now,
        )
    )
    await _replace_sectors(session, data.id, data.sectors)
    await _replace_citations(session, data.id, await cite_all(session, data.citations, "citations"))


async def update_organization(
    session: WriteSession, current: OrganizationRead, patch: OrganizationUpdate
) -> None:
    """Change the fields sent; `sectors`, `aliases` and `citations` replace the stored lists."""
    values = sent_fields(patch)
    citations = values.pop("citations", None)
    sectors = values.pop("sectors", None)
    if {"name", "short_name", "aliases"} & values.keys():
        merged = {
            name: values.get(name, getattr(current, name))
            for name in ("name", "short_name", "aliases")
        }
        values["search_text"] = organization_search_text(**merged)
    if sectors is not None:
        await _replace_sectors(session, current.id, sectors)
    if citations is not None:
        await _replace_citations(
            session, current.id, await cite_all(session, citations, "citations")
        )
    await touch(session, current.id, **values)


async def delete_organization(session: WriteSession, current: OrganizationRead) -> None:
    """Only an organization with no observations, region links or relations left."""
    oid = current.id
    await refuse_if_used(
        session,
        f"Organization {oid!r}",
        [
            (
                "observations",
                select(col(Observation.id)).where(col(Observation.organization_id) == oid),
            ),
            (
                "region links",
                select(col(OrganizationRegion.region_id)).where(
                    col(OrganizationRegion.organization_id) == oid
                ),
            ),
            (
                "relations with",
                select(col(OrganizationRelation.object_id)).where(
                    col(OrganizationRelation.subject_id) == oid
                ),
            ),
            (
                "relations from",
                select(col(OrganizationRelation.subject_id)).where(
                    col(OrganizationRelation.object_id) == oid
                ),
            ),
        ],
    )
    await _replace_sectors(session, oid, [])
    await _replace_citations(session, oid, [])
    await session.execute(delete(Organization).where(col(Organization.id) == oid))


async def touch(session: WriteSession, organization_id: str, **values: Any) -> None:
    """Set `values` and the update time: a link or relation changes its organizations too."""
    await session.execute(
        update(Organization)
        .where(col(Organization.id) == organization_id)
        .values(**values, updated_at=session.now)
    )


async def create_region_link(
    session: WriteSession, organization_id: str, data: RegionLinkCreate
) -> None:
    await ensure_exists(session, col(Region.id), "region", data.region, "region")
    if await session.connection.scalar(_link_id(organization_id, data.role, data.region)):
        raise ConflictError(
            f"Organization {organization_id!r} already has the role {data.role!r} "
            f"in region {data.region!r}."
        )
    if data.role == "headquarters":
        await _ensure_no_headquarters(session, organization_id)
    citation_id = await cite(session, data.citation, "citation")
    await session.execute(
        insert(OrganizationRegion).values(
            organization_id=organization_id,
            region_id=data.region,
            role=data.role,
            citation_id=citation_id,
        )
    )
    await touch(session, organization_id)


async def recite_region_link(
    session: WriteSession, organization_id: str, role: str, region_id: str, data: CitationUpdate
) -> None:
    link_id = await session.connection.scalar(_link_id(organization_id, role, region_id))
    await _recite(session, OrganizationRegion, link_id, data)
    await touch(session, organization_id)


async def delete_region_link(
    session: WriteSession, organization_id: str, role: str, region_id: str
) -> None:
    link_id = await session.connection.scalar(_link_id(organization_id, role, region_id))
    await _delete_cited(session, OrganizationRegion, link_id)
    await touch(session, organization_id)


async def create_relation(session: WriteSession, subject_id: str, data: RelationCreate) -> None:
    if data.object == subject_id:
        raise UnprocessableError("object", "an organization cannot relate to itself")
    await ensure_exists(session, col(Organization.id), "organization", data.object, "object")
    if await session.connection.scalar(_relation_id(subject_id, data.kind, data.object)):
        raise ConflictError(f"{subject_id!r} is already {data.kind!r} of {data.object!r}.")
    citation_id = await cite(session, data.citation, "citation")
    await session.execute(
        insert(OrganizationRelation).values(
            subject_id=subject_id, kind=data.kind, object_id=data.object, citation_id=citation_id
        )
    )
    for organization_id in (subject_id, data.object):
        await touch(session, organization_id)


async def recite_relation(
    session: WriteSession, subject_id: str, kind: str, object_id: str, data: CitationUpdate
) -> None:
    relation_id = await session.connection.scalar(_relation_id(subject_id, kind, object_id))
    await _recite(session, OrganizationRelation, relation_id, data)
    for organization_id in (subject_id, object_id):
        await touch(session, organization_id)


async def delete_relation(
    session: WriteSession, subject_id: str, kind: str, object_id: str
) -> None:
    relation_id = await session.connection.scalar(_relation_id(subject_id, kind, object_id))
    await _delete_cited(session, OrganizationRelation, relation_id)
    for organization_id in (subject_id, object_id):
        await touch(session, organization_id)


def _link_id(organization_id: str, role: str, region_id: str) -> Any:
    return select(col(OrganizationRegion.id)).where(
        col(OrganizationRegion.organization_id) == organization_id,
        col(OrganizationRegion.role) == role,
        col(OrganizationRegion.region_id) == region_id,
    )


def _relation_id(subject_id: str, kind: str, object_id: str) -> Any:
    return select(col(OrganizationRelation.id)).where(
        col(OrganizationRelation.subject_id) == subject_id,
        col(OrganizationRelation.kind) == kind,
        col(OrganizationRelation.object_id) == object_id,
    )


async def _ensure_no_headquarters(session: WriteSession, organization_id: str) -> None:
    current = await session.connection.scalar(
        select(col(OrganizationRegion.region_id)).where(
            col(OrganizationRegion.organization_id) == organization_id,
            col(OrganizationRegion.role) == "headquarters",
        )
    )
    if current is not None:
        raise ConflictError(
            f"Organization {organization_id!r} already has its headquarters in {current!r}; "
            "delete that link first."
        )


async def _recite(session: WriteSession, table: Any, row_id: int, data: CitationUpdate) -> None:
    """Point a link or relation at a new citation, dropping the old one if nothing else uses it."""
    old = (await session.execute(select(table.citation_id).where(table.id == row_id))).scalar_one()
    new = await cite(session, data.citation, "citation")
    await session.execute(update(table).where(table.id == row_id).values(citation_id=new))
    await drop_unused(session, [old])


async def _delete_cited(session: WriteSession, table: Any, row_id: int) -> None:
    old = (await session.execute(select(table.citation_id).where(table.id == row_id))).scalar_one()
    await session.execute(delete(table).where(table.id == row_id))
    await drop_unused(session, [old])


async def _replace_sectors(session: WriteSession, organization_id: str, sectors: list[str]) -> None:
    await session.execute(
        delete(OrganizationSector).where(col(OrganizationSector.organization_id) == organization_id)
    )
    if sectors:
        rows = [{"organization_id": organization_id, "sector": s} for s in dict.fromkeys(sectors)]
        await session.execute(insert(OrganizationSector), rows)


async def _replace_citations(session: WriteSession, organization_id: str, ids: list[int]) -> None:
    await replace_citations(session, OrganizationCitation, "organization_id", organization_id, ids)
