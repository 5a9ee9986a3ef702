"""Who a request is: the API key its `Authorization: Bearer` header names, checked once."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

from litestar.types import Scope as AsgiScope
from sqlalchemy.ext.asyncio import AsyncEngine

from service.auth.keys import matches, prefix_of
from service.auth.store import Scope, find_key

_STATE_KEY = "growth_atlas.credentials"


class NoKey(Enum):
    """Why a request has no authenticated key."""

    MISSING = "missing"  # no bearer credentials at all
    INVALID = "invalid"  # a bearer token that is malformed, unknown or revoked


@dataclass(frozen=True)
class Principal:
    """The authenticated key: its name (the actor of writes), scope and public prefix."""

    name: str
    scope: Scope
    prefix: str


Credentials = Principal | NoKey


async def authenticate(scope: AsgiScope, engine: AsyncEngine) -> Credentials:
    """The request's key, looked up at most once per request (the rate limiter and the guard
    both ask); the outcome is kept in the request's state."""
    state: dict[str, Any] = scope.setdefault("state", {})
    known: Credentials | None = state.get(_STATE_KEY)
    if known is None:
        known = state[_STATE_KEY] = await _check(bearer_token(scope), engine)
    return known


def authenticated(scope: AsgiScope) -> Principal | None:
    """The key `authenticate` accepted for this request, if it did."""
    known = scope.get("state", {}).get(_STATE_KEY)
    return known if isinstance(known, Principal) else None


def bearer_token(scope: AsgiScope) -> str | None:
    for name, value in scope["headers"]:
        if name == b"authorization":
            kind, _, token = value.decode("latin-1").strip().partition(" ")
            return token.strip() if kind.lower() == "bearer" else ""
    return None


async def _check(token: str | None, engine: AsyncEngine) -> Credentials:
    if token is None:
        return NoKey.MISSING
    prefix = prefix_of(token)
    if prefix is None:
        return NoKey.INVALID  # not shaped like a key: no need to ask the database
    async with engine.connect() as connection:
        stored = await find_key(connection, prefix)
    if stored is None or stored.revoked or not matches(token, stored.key_hash):
        return NoKey.INVALID
    return Principal(stored.name, stored.scope, stored.prefix)
