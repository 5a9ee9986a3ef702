"""The representation a GET answers with: negotiated once per request, encoded by msgspec.

JSON is exactly `msgspec.json.encode(struct)`, the bytes the write API hashes for `If-Match`;
MessagePack is `msgspec.msgpack.encode(struct)`, the same structure; CSV is one row per item
(service/representations/tabular.py). `ETag`, 304 and compression are added on the way out by
service/representations/caching.py, which sees the bytes encoded here.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, TypeVar, cast

import msgspec
from litestar import Request, Response
from litestar.params import QueryParameter

from service.errors import InvalidParameterError
from service.representations import caching
from service.representations.negotiation import CSV, JSON, MSGPACK, negotiate
from service.representations.tabular import CSV_MEDIA_TYPE, item_type_of, to_csv

T = TypeVar("T")

OFFERED = (JSON, MSGPACK, CSV)

FormatParam = Annotated[
    Literal["json", "msgpack", "csv"] | None,
    QueryParameter(
        description=(
            "The media type of the answer, for clients that cannot set `Accept` (a spreadsheet "
            "importing by URL): json (application/json), msgpack (application/msgpack) or csv "
            "(text/csv). Overrides `Accept`."
        )
    ),
]


class Representation:
    """The media type this request gets, and how to encode a Struct into it."""

    def __init__(self, media_type: str) -> None:
        self.media_type = media_type

    def respond(self, content: T | Response[T], cache_control: str | None = None) -> Response[T]:
        """`content` (a Struct, or a response holding one) encoded, with `Vary` and caching.

        Typed as `Response[T]` so the spec documents T; the body is already bytes.
        """
        headers: dict[str, str] = {}
        if isinstance(content, Response):
            headers.update(content.headers)
            content = content.content
        struct = cast(msgspec.Struct, content)
        is_page = item_type_of(type(struct)) is not None
        headers["Vary"] = "Accept"
        headers["Cache-Control"] = cache_control or (caching.LISTS if is_page else caching.ITEMS)
        body, media_type = self.encode(struct)
        return cast(Response[T], Response(body, media_type=media_type, headers=headers))

    def encode(self, struct: msgspec.Struct) -> tuple[bytes, str]:
        if self.media_type == MSGPACK:
            return msgspec.msgpack.encode(struct), MSGPACK
        if self.media_type == CSV:
            item_type = item_type_of(type(struct))
            if item_type is None:
                return to_csv(type(struct), [struct]), CSV_MEDIA_TYPE
            items: list[Any] = getattr(struct, "items")  # noqa: B009  (a page's items)
            return to_csv(item_type, items), CSV_MEDIA_TYPE
        return msgspec.json.encode(struct), JSON


def provide_representation(
    request: Request[Any, Any, Any], format: FormatParam = None
) -> Representation:
    """Dependency: the negotiated representation; 406 before any work if none fits."""
    if format is None and request.query_params.get("format") == "null":
        # Litestar reads `null` as None for an optional Literal; the query guard sees only
        # handler parameters, not a dependency's.
        raise InvalidParameterError("format", "'null' is not a value; omit the parameter")
    return Representation(negotiate(format, request.headers.get("accept"), OFFERED))
