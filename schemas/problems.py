"""RFC 9457 problem details: the body of every error response."""

from __future__ import annotations

from typing import Annotated, Literal

from msgspec import UNSET, Meta, UnsetType

from schemas.base import WireStruct


class InvalidParam(WireStruct, kw_only=True, frozen=True):
    """One bad field or parameter of a request."""

    name: Annotated[str, Meta(description="Parameter or field name.", examples=["limit"])]
    location: Annotated[
        Literal["query", "path", "header", "body", "cookie"],
        Meta(description="Where the request carried it."),
    ]
    reason: Annotated[str, Meta(examples=["Expected `int` <= 500"])]


class Problem(WireStruct, kw_only=True, frozen=True):
    type: Annotated[
        str,
        Meta(description="URI reference naming the problem type.", examples=["about:blank"]),
    ]
    title: Annotated[str, Meta(examples=["Not Found"])]
    status: Annotated[int, Meta(ge=400, le=599, examples=[404])]
    detail: Annotated[str, Meta(examples=["No region has the id 'atlantis'."])]
    instance: str | UnsetType = UNSET
    errors: list[InvalidParam] | UnsetType = UNSET
