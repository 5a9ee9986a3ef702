"""The representation a GET answers with: negotiated once per request, encoded by msgspec.

JSON is exactly `msgspec.json.encode(struct)`, the bytes the write API hashes for `If-Match`;
MessagePack is `msgspec.msgpack.encode(struct)`, the same structure; CSV is one row per item
(service/representations/tabular.py). `ETag`, 304 and compression are added on the way out by
service/representations/caching.py, which sees the bytes encoded here.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated, Any, Literal, TypeVar, cast

import msgspec
from litestar import MediaType, Request, Response
from litestar.background_tasks import BackgroundTask, BackgroundTasks
from litestar.datastructures import Cookie
from litestar.params import QueryParameter
from litestar.response.base import ASGIResponse
from litestar.status_codes import HTTP_200_OK
from litestar.types import Receive, Scope, Send
from litestar.utils.helpers import get_enum_string_value

from service.errors import InvalidParameterError
from service.representations import caching
from service.representations.negotiation import CSV, JSON, MSGPACK, negotiate
from service.representations.raw_headers import request_header
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
        return cast(Response[T], Encoded(body, media_type=media_type, headers=headers))

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


class Encoded(Response[bytes]):
    """A response whose body is already bytes: sent as Litestar would send it, with the same
    headers in the same order, without the general path's header and encoder machinery (a
    fifth of a one-item GET's work in the app). Anything that path adds for a handler's own
    headers, cookies or background tasks (none of the reads has them) takes it as before."""

    def to_asgi_response(  # type: ignore[override]
        self,
        app: Any,
        request: Request[Any, Any, Any],
        *,
        background: BackgroundTask | BackgroundTasks | None = None,
        cookies: Iterable[Cookie] | None = None,
        headers: dict[str, str] | None = None,
        is_head_response: bool = False,
        status_code: int | None = None,
        **options: Any,
    ) -> ASGIResponse | _SentAsIs:
        status = self.status_code or status_code
        plain = status == HTTP_200_OK and not (headers or cookies or self.cookies or background)
        if not plain or self.background or is_head_response:
            return super().to_asgi_response(
                app,
                request,
                background=background,
                cookies=cookies,
                headers=headers,
                is_head_response=is_head_response,
                status_code=status_code,
                **options,
            )
        raw = [
            (name.lower().encode("latin-1"), value.encode("latin-1"))
            for name, value in self.headers.items()
        ]
        return _SentAsIs(HTTP_200_OK, raw, self._content_type(), self.content)

    def _content_type(self) -> bytes:
        """As Litestar writes it: text types get the charset."""
        media_type = get_enum_string_value(self.media_type or MediaType.JSON)
        if media_type.startswith("text/"):
            media_type = f"{media_type}; charset={self.encoding}"
        return media_type.encode("latin-1")


class _SentAsIs:
    """The ASGI app of an `Encoded` response: its two messages."""

    __slots__ = ("body", "headers", "status")

    def __init__(
        self, status: int, headers: list[tuple[bytes, bytes]], content_type: bytes, body: bytes
    ) -> None:
        names = {name for name, _ in headers}
        if b"content-type" not in names:
            headers.append((b"content-type", content_type))
        if b"content-length" not in names:
            headers.append((b"content-length", str(len(body)).encode()))
        self.status = status
        self.headers = headers
        self.body = body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": self.status, "headers": self.headers})
        await send({"type": "http.response.body", "body": self.body, "more_body": False})


def provide_representation(
    request: Request[Any, Any, Any], format: FormatParam = None
) -> Representation:
    """Dependency: the negotiated representation; 406 before any work if none fits."""
    query = request.scope["query_string"]
    if format is None and query and request.query_params.get("format") == "null":
        # Litestar reads `null` as None for an optional Literal; the query guard sees only
        # handler parameters, not a dependency's.
        raise InvalidParameterError("format", "'null' is not a value; omit the parameter")
    accept = request_header(request.scope, b"accept")
    return Representation(negotiate(format, accept, OFFERED))
