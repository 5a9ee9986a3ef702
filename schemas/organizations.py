"""Organizations, where they are, and how they relate to one another."""

from __future__ import annotations

from typing import Annotated

from msgspec import UNSET, Meta, UnsetType, field

from schemas.base import WireStruct
from schemas.citations import Citation, CitationInput
from schemas.regions import Aliases, Citations
from schemas.types import Description, Name, OrganizationKind, RegionRole, RelationKind, Slug

Sectors = Annotated[list[Slug], Meta(max_length=20)]


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


class OrganizationCreate(WireStruct, kw_only=True, frozen=True):
    """A new organization. Where it is and how it relates to others are added separately:
    `POST /v1/organizations/{id}/region-links` and `/relations`."""

    id: Slug
    name: Name
    short_name: Name | None = None
    kind: OrganizationKind
    sectors: Sectors = field(default_factory=list)
    aliases: Aliases = field(default_factory=list)
    description: Description | None = None
    citations: Citations


class OrganizationUpdate(WireStruct, kw_only=True, frozen=True):
    """The fields to change; those left out keep their value. Lists replace the stored ones."""

    name: Name | UnsetType = UNSET
    short_name: Name | UnsetType | None = UNSET
    kind: OrganizationKind | UnsetType = UNSET
    sectors: Sectors | UnsetType = UNSET
    aliases: Aliases | UnsetType = UNSET
    description: Description | UnsetType | None = UNSET
    citations: Citations | UnsetType = UNSET


class RegionLinkCreate(WireStruct, kw_only=True, frozen=True):
    """The organization has `role` in `region`; an organization has one headquarters at most."""

    region: Slug
    role: RegionRole
    citation: CitationInput


class RelationCreate(WireStruct, kw_only=True, frozen=True):
    """The organization of the path is `kind` of `object`."""

    kind: RelationKind
    object: Slug
    citation: CitationInput


class CitationUpdate(WireStruct, kw_only=True, frozen=True):
    """A region link or relation changes only by its citation; delete it to change the rest."""

    citation: CitationInput
