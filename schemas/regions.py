"""Regions: countries, provinces, cities, new areas and world regions."""

from __future__ import annotations

from typing import Annotated

from msgspec import UNSET, Meta, UnsetType, field

from schemas.base import WireStruct
from schemas.citations import Citation, CitationInput
from schemas.types import Iso3166Code, Name, RegionKind, Slug

Aliases = Annotated[list[Name], Meta(max_length=50)]
Citations = Annotated[list[CitationInput], Meta(min_length=1, max_length=20)]


class RegionRead(WireStruct, kw_only=True, frozen=True):
    id: Slug
    name: str
    kind: RegionKind
    parent: Slug | None
    aliases: list[str]
    iso_3166: Iso3166Code | None
    citations: list[Citation]


class RegionPage(WireStruct, kw_only=True, frozen=True):
    items: list[RegionRead]
    next_cursor: str | None


class RegionCreate(WireStruct, kw_only=True, frozen=True):
    """A new region; at least one citation says where the news names it."""

    id: Slug
    name: Name
    kind: RegionKind
    parent: Slug | None = None
    aliases: Aliases = field(default_factory=list)
    iso_3166: Iso3166Code | None = None
    citations: Citations


class RegionUpdate(WireStruct, kw_only=True, frozen=True):
    """The fields to change; those left out keep their value. `citations` replaces the list."""

    name: Name | UnsetType = UNSET
    kind: RegionKind | UnsetType = UNSET
    parent: Slug | UnsetType | None = UNSET
    aliases: Aliases | UnsetType = UNSET
    iso_3166: Iso3166Code | UnsetType | None = UNSET
    citations: Citations | UnsetType = UNSET
