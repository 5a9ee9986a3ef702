"""Constrained types shared by every area of the wire contract."""

from __future__ import annotations

from typing import Annotated, Literal

from msgspec import Meta

Slug = Annotated[
    str,
    Meta(
        pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$",
        min_length=1,
        max_length=64,
        description="Stable lowercase identifier: letters, digits and single hyphens.",
        examples=["xiangjiang-new-area"],
    ),
]

RegionKind = Literal[
    "world_region",
    "country",
    "province",
    "prefecture_city",
    "district",
    "state_level_new_area",
]
OrganizationKind = Literal["company", "joint_venture", "government_body", "association"]
RegionRole = Literal["headquarters", "located_in", "operates_in", "has_offices_in", "exports_to"]
RelationKind = Literal["joint_venture_partner_of", "parent_of", "subsidiary_of", "partner_of"]
Comparator = Literal["eq", "gt", "gte", "lt", "lte", "approx"]

Iso3166Code = Annotated[
    str,
    Meta(
        pattern=r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$",
        description="ISO 3166-1 alpha-2 country code, or ISO 3166-2 subdivision code.",
        examples=["CN-HN"],
    ),
]
