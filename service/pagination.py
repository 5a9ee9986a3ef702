"""Keyset pagination: opaque, integrity-checked cursors and the `Link` header."""

from __future__ import annotations

import base64
import binascii
import functools
import hashlib
import hmac
from collections.abc import Callable, Sequence
from typing import Annotated, TypeVar
from urllib.parse import urlencode

import msgspec
from litestar import Response
from litestar.datastructures import ResponseHeader
from litestar.params import QueryParameter

from service.errors import InvalidParameterError

T = TypeVar("T")
P = TypeVar("P")
KeyValue = str | int
Key = tuple[KeyValue, ...]

DEFAULT_LIMIT = 50
MAX_LIMIT = 500
_MAC_BYTES = 8

Limit = Annotated[
    int,
    QueryParameter(
        ge=1,
        le=MAX_LIMIT,
        description=f"Items per page, 1 to {MAX_LIMIT}.",
    ),
]
CursorParam = Annotated[
    str | None,
    QueryParameter(
        min_length=1,
        max_length=512,
        description="Opaque token from `next_cursor` of the previous page; omit for the first.",
    ),
]

LINK_HEADER = ResponseHeader(
    name="Link",
    value='</v1/regions?cursor=...>; rel="next"',
    description='`<url>; rel="next"` when another page follows; absent on the last page.',
    documentation_only=True,
    required=False,
)


class CursorCodec:
    """Encodes a keyset position, bound to one query, under a keyed MAC.

    The scope (endpoint and filters) is part of the MAC, so a cursor replayed against other
    filters or edited by hand is refused as a 400 rather than silently skipping rows.
    """

    def __init__(self, secret: str) -> None:
        self._secret = secret.encode()

    def encode(self, key: Key, scope: str) -> str:
        payload = msgspec.json.encode(list(key))
        mac = self._mac(payload, scope)
        return base64.urlsafe_b64encode(mac + payload).rstrip(b"=").decode()

    def decode(self, token: str, scope: str) -> Key:
        raw = _b64decode(token)
        mac, payload = raw[:_MAC_BYTES], raw[_MAC_BYTES:]
        if len(mac) != _MAC_BYTES or not hmac.compare_digest(mac, self._mac(payload, scope)):
            raise _invalid_cursor()
        try:
            values = msgspec.json.decode(payload, type=list[str | int])
        except msgspec.DecodeError:
            raise _invalid_cursor() from None
        return tuple(values)

    def _mac(self, payload: bytes, scope: str) -> bytes:
        message = scope.encode() + b"\0" + payload
        return hmac.new(self._secret, message, hashlib.sha256).digest()[:_MAC_BYTES]


def _b64decode(token: str) -> bytes:
    try:
        return base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    except (binascii.Error, ValueError):
        raise _invalid_cursor() from None


def _invalid_cursor() -> InvalidParameterError:
    return InvalidParameterError(
        "cursor", "not a cursor this endpoint issued for these filters; restart from the first page"
    )


class Pager:
    """The paging state of one list request: where to start, and how to say where to go next."""

    def __init__(
        self, codec: CursorCodec, path: str, query: dict[str, str], limit: int, cursor: str | None
    ) -> None:
        self.limit = limit
        self._codec = codec
        self._path = path
        self._query = query
        # Filters are part of the scope; the page size is not, so a client may change it midway.
        filters = sorted((k, v) for k, v in query.items() if k not in ("cursor", "limit"))
        self._scope = path + "?" + urlencode(filters)
        self._cursor = cursor

    @functools.cached_property
    def after(self) -> Key | None:
        """The position to continue after, or None for the first page.

        Decoded on first use, inside the handler: a refused cursor then raises where the
        request's database connection is still released (a dependency raising would leak it).
        """
        return self._codec.decode(self._cursor, self._scope) if self._cursor else None

    @property
    def fetch(self) -> int:
        """Rows to ask the database for: one more than a page tells whether another follows."""
        return self.limit + 1

    def cursor_at(self, key: Key) -> str:
        """A cursor that continues after `key` (feeds hand one out even on their last page)."""
        return self._codec.encode(key, self._scope)

    def split(self, rows: Sequence[T], key: Callable[[T], Key]) -> tuple[list[T], str | None]:
        """The page's items and the cursor of the next page (None on the last page)."""
        if len(rows) <= self.limit:
            return list(rows), None
        items = list(rows[: self.limit])
        return items, self._codec.encode(key(items[-1]), self._scope)

    def page(
        self, page_type: Callable[..., P], rows: Sequence[T], key: Callable[[T], Key]
    ) -> Response[P]:
        """`page_type(items=..., next_cursor=...)` of the fetched rows, as a response."""
        items, cursor = self.split(rows, key)
        return self.respond(page_type(items=items, next_cursor=cursor), cursor)

    def respond(self, page: P, next_cursor: str | None) -> Response[P]:
        """The page as a response, with `Link: <...>; rel="next"` when there is a next page."""
        if next_cursor is None:
            return Response(page)
        target = urlencode({**self._query, "cursor": next_cursor})
        return Response(page, headers={"Link": f'<{self._path}?{target}>; rel="next"'})
