"""Route guards for writes: an API key with the right scope, or 401 / 403 problem details."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from litestar import Request
from litestar.connection import ASGIConnection
from litestar.handlers.base import BaseRouteHandler
from litestar.openapi.spec import SecurityRequirement
from litestar.types import Guard

from service.auth.authenticate import NoKey, authenticate, authenticated
from service.auth.store import Scope
from service.errors import DomainError
from service.services import services_of

__all__ = [
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
# For the operation decorator: the operation needs the bearer scheme (its scope is in prose).
WRITE_SECURITY: list[SecurityRequirement] = [{SECURITY_SCHEME: []}]

# "admin" includes "write".
_GRANTED_BY: dict[Scope, frozenset[Scope]] = {
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
        super().__init__(f"This operation needs the scope {needed!r}; this key has {held!r}.")


def requires_scope(scope: Scope) -> Guard:
    """A guard letting through only requests whose key has `scope` (or one that includes it)."""

    async def guard(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
        credentials = await authenticate(connection.scope, services_of(connection.app).engine)
        if isinstance(credentials, NoKey):
            raise AuthenticationRequired(key_sent=credentials is NoKey.INVALID)
        if credentials.scope not in _GRANTED_BY[scope]:
            raise ScopeMissing(scope, credentials.scope)

    return guard


def actor_of(request: Request[Any, Any, Any]) -> str:
    """The name of the key that authenticated `request` (behind `requires_scope`)."""
    principal = authenticated(request.scope)
    if principal is None:
        raise LookupError("actor_of() needs a route guarded by requires_scope()")
    return principal.name
