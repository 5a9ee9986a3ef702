"""The change feed: every write, in commit order, for clients that mirror the dataset."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from msgspec import Meta

from schemas.base import WireStruct

Resource = Literal[
    "sources", "regions", "organizations", "indicators", "observations", "region_links", "relations"
]
Action = Literal["create", "update", "delete"]


class ChangeRead(WireStruct, kw_only=True, frozen=True):
    """One write. Fetch `path` to get the resource as it is now (404 after a delete)."""

    sequence: Annotated[int, Meta(ge=1, description="Position in commit order.")]
    resource: Resource
    resource_id: Annotated[str, Meta(description="The id; `a/b/c` for links and relations.")]
    path: Annotated[str, Meta(examples=["/v1/regions/hunan"])]
    action: Action
    actor: Annotated[str, Meta(description="The name of the API key that wrote it.")]
    at: Annotated[dt.datetime, Meta(tz=True, description="Commit time, RFC 3339, UTC.")]
    fields: Annotated[list[str], Meta(description="The fields an update changed.")]


class ChangePage(WireStruct, kw_only=True, frozen=True):
    """`next_cursor` is never null: poll with it to get the writes committed since."""

    items: list[ChangeRead]
    next_cursor: str
