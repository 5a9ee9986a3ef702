"""Keyset pagination: opaque, integrity-checked cursors and the `Link` header."""

from __future__ import annotations

import base64
import binascii
import functools
import hashlib
import hmac
from collections.abc import Callable, Sequence
from typing import Annotated, Any, TypeVar
from urllib.parse import urlencode

import msgspec
from litestar import Response
from litestar.datastructures import ResponseHeader
from litestar.params import QueryParameter
from msgspec import Meta
from sqlalchemy.ext.asyncio import AsyncEngine

from schemas.types import Slug
from service.db.secrets import shared_secret
from service.errors import InvalidParameterError

T = TypeVar("T")
P = TypeVar("P")
KeyValue = str | int
Key = tuple[KeyValue, ...]

DEFAULT_LIMIT = 50
MAX_LIMIT = 500
_MAC_BYTES = 8
# The name of the generated signing key in the database, when none is configured.
CURSOR_SECRET_NAME = "cursor"  # noqa: S105  (a row name, not a secret)

KEY_OPT = "cursor_key"


class KeyShape:
    """What the cursors of one kind of list may hold, checked by msgspec as they are decoded.

    A validly signed cursor of the wrong shape (signed with a leaked key, or by a future bug)
    is then a 400 naming `cursor` before any of its values reaches SQL.
    """

    def __init__(self, key_type: Any) -> None:
        self._decoder: msgspec.json.Decoder[Any] = msgspec.json.Decoder(key_type)

    def decode(self, payload: bytes) -> Key:
        key: Key = self._decoder.decode(payload)
        return key

    def __deepcopy__(self, _memo: object) -> KeyShape:
        return self  # immutable; Litestar deep-copies the `opt` of handlers it holds


ID_KEY = KeyShape(tuple[Slug])
"""Lists ordered by their resource's id (the default)."""
ROW_ID_KEY = KeyShape(tuple[Annotated[int, Meta(ge=0, le=2**31 - 1)]])
"""Lists ordered by a 32-bit row id (relations: an INTEGER key on PostgreSQL)."""
SEQUENCE_KEY = KeyShape(tuple[Annotated[int, Meta(ge=0, le=2**63 - 1)]])
"""Lists ordered by a 64-bit sequence (the change feed: a BIGINT key)."""

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

    def decode(self, token: str, scope: str, shape: KeyShape = ID_KEY) -> Key:
        """The key `token` holds, if this codec signed it for `scope` and it has `shape`."""
        raw = _b64decode(token)
        mac, payload = raw[:_MAC_BYTES], raw[_MAC_BYTES:]
        if len(mac) != _MAC_BYTES or not hmac.compare_digest(mac, self._mac(payload, scope)):
            raise _invalid_cursor()
        try:
            values = shape.decode(payload)
        except msgspec.DecodeError:  # ValidationError included: wrong length, type or bound
            raise _invalid_cursor() from None
        return values

    def _mac(self, payload: bytes, scope: str) -> bytes:
        message = scope.encode() + b"\0" + payload
        return hmac.new(self._secret, message, hashlib.sha256).digest()[:_MAC_BYTES]


class CursorKeys:
    """The codec of this process: keyed by the configured secret, or by the database's.

    Without a configured secret, the first list request asks the database for the generated
    one (see `service.db.secrets`): every replica and restart then signs with the same key,
    and no key is ever a public default. Asked lazily, so the app starts while the database is
    down, and commands that never page (`openapi`) never touch it.
    """

    def __init__(self, secret: str | None, engine: AsyncEngine) -> None:
        self._codec = CursorCodec(secret) if secret else None
        self._engine = engine

    async def codec(self) -> CursorCodec:
        if self._codec is None:
            self._codec = CursorCodec(await shared_secret(self._engine, CURSOR_SECRET_NAME))
        return self._codec


def cursor_key(shape: KeyShape) -> dict[str, Any]:
    """`opt=` of a list handler whose cursors hold `shape` rather than one id (`ID_KEY`)."""
    return {KEY_OPT: shape}


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
        self,
        codec: CursorCodec,
        path: str,
        query: dict[str, str],
        limit: int,
        cursor: str | None,
        shape: KeyShape = ID_KEY,
    ) -> None:
        self.limit = limit
        self._shape = shape
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
        if not self._cursor:
            return None
        return self._codec.decode(self._cursor, self._scope, self._shape)

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
