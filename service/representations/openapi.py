"""The spec of negotiated GETs: every media type of the 200, its CSV columns, 304 and caching.

Litestar documents one media type per response. Each GET names an Operation class made here
(`operation_class=negotiated(RegionPage)`), which completes the 200 with MessagePack (the JSON
schema: msgspec encodes the same structure) and CSV (its columns in words), documents the
caching headers, and adds the 304 of a matching `If-None-Match`.
"""

from __future__ import annotations

from dataclasses import dataclass

import msgspec
from litestar.openapi.spec import (
    OpenAPIHeader,
    OpenAPIMediaType,
    OpenAPIResponse,
    Operation,
    Reference,
    Schema,
)
from litestar.openapi.spec.enums import OpenAPIType

from service.representations.negotiation import CSV, JSON, MSGPACK, NDJSON
from service.representations.tabular import describe_columns, item_type_of


def _header(description: str) -> OpenAPIHeader:
    return OpenAPIHeader(schema=Schema(type=OpenAPIType.STRING), description=description)


CACHE_HEADERS: dict[str, OpenAPIHeader | Reference] = {
    "ETag": _header(
        "Strong entity tag of the uncompressed body in this media type; send it back in "
        "`If-None-Match` to get a 304 while it is current."
    ),
    "Cache-Control": _header("How long the answer may be reused without asking again."),
    "Vary": _header("`Accept` (and `Accept-Encoding`): the request headers the body depends on."),
}
STREAM_HEADERS: dict[str, OpenAPIHeader | Reference] = {
    "Cache-Control": CACHE_HEADERS["Cache-Control"],
    "Vary": _header("`Accept` and `Accept-Encoding`."),
}
NOT_MODIFIED = OpenAPIResponse(
    description="Not Modified: `If-None-Match` names the current `ETag`; no body.",
    headers=CACHE_HEADERS,
)


def negotiated(content_type: type[msgspec.Struct]) -> type[Operation]:
    """An Operation class documenting JSON, MessagePack and CSV for a GET of `content_type`."""
    csv_description = describe_columns(item_type_of(content_type) or content_type)

    @dataclass
    class NegotiatedOperation(Operation):
        def __post_init__(self) -> None:
            assert self.responses is not None
            ok = self.responses["200"]
            assert isinstance(ok, OpenAPIResponse)
            assert ok.content is not None
            schema = ok.content[JSON].schema
            ok.content[MSGPACK] = OpenAPIMediaType(schema=schema)
            ok.content[CSV] = OpenAPIMediaType(
                schema=Schema(type=OpenAPIType.STRING, description=csv_description)
            )
            ok.headers = {**(ok.headers or {}), **CACHE_HEADERS}
            self.responses["304"] = NOT_MODIFIED

    return NegotiatedOperation


def streamed(item_type: type[msgspec.Struct]) -> type[Operation]:
    """An Operation class documenting a bulk export of `item_type` as NDJSON or CSV."""
    ndjson_description = (
        f"One JSON object per line (LF-terminated), each a `{item_type.__name__}` exactly as "
        "the JSON API encodes it."
    )
    csv_description = describe_columns(item_type)

    @dataclass
    class StreamedOperation(Operation):
        def __post_init__(self) -> None:
            assert self.responses is not None
            self.responses["200"] = OpenAPIResponse(
                description="The whole filtered set, streamed in id order.",
                content={
                    NDJSON: OpenAPIMediaType(
                        schema=Schema(type=OpenAPIType.STRING, description=ndjson_description)
                    ),
                    CSV: OpenAPIMediaType(
                        schema=Schema(type=OpenAPIType.STRING, description=csv_description)
                    ),
                },
                headers=STREAM_HEADERS,
            )

    return StreamedOperation
