"""Headers as ASGI carries them (lists of byte pairs), read and changed in place.

Every GET passes its request headers and its answer's headers through here, so lookups touch
the raw pairs rather than building a mapping per request: Litestar's header classes decode and
lower-case every pair on every lookup. Names are compared case-insensitively, values are
latin-1, as Litestar's classes treat them; a set replaces the first pair of that name and drops
the others, as theirs does.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from litestar.types import Scope

RawHeaders = list[tuple[bytes, bytes]]


def request_header(scope: Scope, name: bytes) -> str | None:
    """The first value of the request header `name` (lower-case), or None."""
    return value_of(scope["headers"], name)


def value_of(headers: Iterable[Sequence[bytes]], name: bytes) -> str | None:
    """The first value of header `name` (lower-case) in `headers`, or None."""
    for key, value in headers:
        if key.lower() == name:
            return value.decode("latin-1")
    return None


def first_values(headers: Iterable[Sequence[bytes]], names: Collection[bytes]) -> dict[bytes, str]:
    """The first value of each of `names` (lower-case) present in `headers`, in one pass."""
    found: dict[bytes, str] = {}
    for key, value in headers:
        key = key.lower()
        if key in names and key not in found:
            found[key] = value.decode("latin-1")
    return found


def put(headers: RawHeaders, name: bytes, value: str) -> None:
    """Set header `name` (lower-case) to `value`: in the place of its first pair, else last."""
    encoded = (name, value.encode("latin-1"))
    first = next((i for i, (key, _) in enumerate(headers) if key.lower() == name), None)
    if first is None:
        headers.append(encoded)
        return
    headers[first] = encoded
    for index in range(len(headers) - 1, first, -1):
        if headers[index][0].lower() == name:
            del headers[index]


def put_default(headers: RawHeaders, name: bytes, value: str) -> str:
    """The value of header `name`, set to `value` first if it has none."""
    present = value_of(headers, name)
    if present is None:
        headers.append((name, value.encode("latin-1")))
        return value
    return present
