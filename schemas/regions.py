"""Regions: countries, provinces, cities, new areas and world regions."""

from __future__ import annotations

from schemas.base import WireStruct
from schemas.citations import Citation
from schemas.types import Iso3166Code, RegionKind, Slug


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
