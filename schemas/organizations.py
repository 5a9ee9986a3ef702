"""Organizations, where they are, and how they relate to one another."""

from __future__ import annotations

from schemas.base import WireStruct
from schemas.citations import Citation
from schemas.types import OrganizationKind, RegionRole, RelationKind, Slug


class OrganizationRegionLink(WireStruct, kw_only=True, frozen=True):
    """The organization has `role` in `region` (headquarters, located_in, ...)."""

    region: Slug
    role: RegionRole
    citation: Citation


class RelationRead(WireStruct, kw_only=True, frozen=True):
    """`subject` is `kind` of `object`: basf is joint_venture_partner_of the joint venture."""

    subject: Slug
    kind: RelationKind
    object: Slug
    citation: Citation


class OrganizationRead(WireStruct, kw_only=True, frozen=True):
    id: Slug
    name: str
    short_name: str | None
    kind: OrganizationKind
    headquarters: Slug | None
    sectors: list[Slug]
    aliases: list[str]
    description: str | None
    regions: list[OrganizationRegionLink]
    relations: list[RelationRead]
    citations: list[Citation]


class OrganizationPage(WireStruct, kw_only=True, frozen=True):
    items: list[OrganizationRead]
    next_cursor: str | None


class RelationPage(WireStruct, kw_only=True, frozen=True):
    items: list[RelationRead]
    next_cursor: str | None
