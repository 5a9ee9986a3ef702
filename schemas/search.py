"""Search across regions, organizations and indicators."""

from __future__ import annotations

from typing import Annotated, Literal

from msgspec import Meta

from schemas.base import WireStruct
from schemas.types import Slug

SearchKind = Literal["region", "organization", "indicator"]
MatchKind = Literal["exact", "prefix", "contains"]


class SearchHit(WireStruct, kw_only=True, frozen=True):
    """One thing whose name, short name or alias matched, and how well."""

    kind: Annotated[SearchKind, Meta(description="What `id` names; fetch it from /v1/<kind>s/.")]
    id: Slug
    name: str
    match: Annotated[
        MatchKind,
        Meta(description="exact: a term equals the text; prefix: one starts with it; contains."),
    ]
    matched: Annotated[
        str, Meta(description="The name, short name or alias that matched, as written.")
    ]


class SearchPage(WireStruct, kw_only=True, frozen=True):
    """Exact matches first, then prefixes, then the rest; regions, organizations, indicators."""

    items: list[SearchHit]
    next_cursor: str | None
