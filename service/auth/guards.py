"""Route guards for writes: an API key with the right scope, or 401 / 403 problem details."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from litestar import Request
from litestar.connection import ASGIConnection
from litestar.handlers.base import BaseRouteHandler
from litestar.openapi.spec import SecurityRequirement
from litestar.types import Guard
from litestar.types import Scope as AsgiScope

from schemas.problems import InvalidParam
from service.auth.authenticate import NoKey, authenticate, authenticated
from service.auth.store import Scope
from service.errors import DomainError
from service.services import services_of

__all__ = [
    "ADMIN_SECURITY",
    "SECURITY_SCHEME",
    "WRITE_SECURITY",
    "AuthenticationRequired",
    "Scope",
    "ScopeMissing",
    "actor_of",
    "requires_scope",
]

SECURITY_SCHEME = "bearerAuth"
REALM = "growth-atlas"
# For the operation decorator: the bearer scheme, with the scope the operation needs (OpenAPI
# 3.1 lets a non-OAuth requirement list the roles it needs).
WRITE_SECURITY: list[SecurityRequirement] = [{SECURITY_SCHEME: ["write"]}]
ADMIN_SECURITY: list[SecurityRequirement] = [{SECURITY_SCHEME: ["admin"]}]

# Each scope includes those below it: admin > write > read.
_GRANTED_BY: dict[Scope, frozenset[Scope]] = {
    "read": frozenset({"read", "write", "admin"}),
    "write": frozenset({"write", "admin"}),
    "admin": frozenset({"admin"}),
}


class AuthenticationRequired(DomainError):
    status = HTTPStatus.UNAUTHORIZED

    def __init__(self, *, key_sent: bool) -> None:
        if key_sent:
            detail = "The API key is not valid: it is malformed, unknown or revoked."
            challenge = f'Bearer realm="{REALM}", error="invalid_token"'
        else:
            detail = "This operation needs an API key: send `Authorization: Bearer <key>`."
            challenge = f'Bearer realm="{REALM}"'
        super().__init__(detail)
        self.headers = {"WWW-Authenticate": challenge}


class ScopeMissing(DomainError):
    status = HTTPStatus.FORBIDDEN

    def __init__(self, needed: Scope, held: Scope) -> None:
        super().__init__(
            f"This operation needs the scope {needed!r}; this key has {held!r}.",
            [InvalidParam(name="Authorization", location="header", reason=f"needs {needed!r}")],
        )


def requires_scope(scope: Scope) -> Guard:
    """A guard letting through only requests whose key has `scope` (or one that includes it)."""

    async def guard(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
        await check_scope(connection.scope, scope)

    return guard


async def check_scope(scope: AsgiScope, needed: Scope) -> None:
    """401 without a valid key, 403 naming `needed` when the key's scope does not include it."""
    credentials = await authenticate(scope, services_of(scope["app"]).engine)
    if isinstance(credentials, NoKey):
        raise AuthenticationRequired(key_sent=credentials is NoKey.INVALID)
    if credentials.scope not in _GRANTED_BY[needed]:
        raise ScopeMissing(needed, credentials.scope)


def actor_of(request: Request[Any, Any, Any]) -> str:
    """The name of the key that authenticated `request` (behind `requires_scope`)."""
    principal = authenticated(request.scope)
    if principal is None:
        raise LookupError("actor_of() needs a route guarded by requires_scope()")
    return principal.name
