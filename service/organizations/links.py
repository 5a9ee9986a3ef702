"""Reading one region link or one relation: what their URLs show and their ETags hash."""

from __future__ import annotations

from sqlalchemy import bindparam, select
from sqlmodel import col

from schemas.organizations import OrganizationRegionLink, RelationRead
from schemas.types import RegionRole, RelationKind
from service.citations import CITATION_COLUMNS, citation_from
from service.db.connection import Database
from service.db.tables import Citation, Organization, OrganizationRegion, OrganizationRelation
from service.errors import NotFoundError

_LINK = (
    select(col(OrganizationRegion.region_id), col(OrganizationRegion.role), *CITATION_COLUMNS)
    .join(Citation, col(Citation.id) == col(OrganizationRegion.citation_id))
    .where(
        col(OrganizationRegion.organization_id) == bindparam("organization_id"),
        col(OrganizationRegion.role) == bindparam("role"),
        col(OrganizationRegion.region_id) == bindparam("region_id"),
    )
)
_RELATION = (
    select(*CITATION_COLUMNS)
    .select_from(OrganizationRelation)
    .join(Citation, col(Citation.id) == col(OrganizationRelation.citation_id))
    .where(
        col(OrganizationRelation.subject_id) == bindparam("subject_id"),
        col(OrganizationRelation.kind) == bindparam("kind"),
        col(OrganizationRelation.object_id) == bindparam("object_id"),
    )
)
_ORGANIZATION = select(col(Organization.id)).where(col(Organization.id) == bindparam("id"))


async def ensure_organization(db: Database, organization_id: str) -> None:
    if await db.scalar(_ORGANIZATION, {"id": organization_id}) is None:
        raise NotFoundError("organization", organization_id)


async def get_region_link(
    db: Database, organization_id: str, role: RegionRole, region_id: str
) -> OrganizationRegionLink:
    params = {"organization_id": organization_id, "role": role, "region_id": region_id}
    row = (await db.execute(_LINK, params)).first()
    if row is None:
        raise NotFoundError("region link", f"{organization_id}/{role}/{region_id}")
    return OrganizationRegionLink(region=row[0], role=row[1], citation=citation_from(row))


async def get_relation(
    db: Database, subject_id: str, kind: RelationKind, object_id: str
) -> RelationRead:
    params = {"subject_id": subject_id, "kind": kind, "object_id": object_id}
    row = (await db.execute(_RELATION, params)).first()
    if row is None:
        raise NotFoundError("relation", f"{subject_id}/{kind}/{object_id}")
    return RelationRead(
        subject=subject_id, kind=kind, object=object_id, citation=citation_from(row)
    )
