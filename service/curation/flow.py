"""The shape every write takes over HTTP: create (201), update (200) and delete (204).

Handlers give the SQL steps; these functions own the transaction, the preconditions
(`If-Match`), idempotent retries, the revisions and the response headers.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any, TypeVar

import msgspec
from litestar import Request, Response
from litestar.datastructures import State

from schemas.base import WireStruct
from service.auth.guards import actor_of
from service.curation import idempotency
from service.curation.idempotency import StoredResponse
from service.curation.transaction import WriteSession, write_transaction
from service.db.connection import Database
from service.errors import PreconditionFailedError, PreconditionRequiredError
from service.etags import etag_of, strong_match
from service.services import services_of

AnyRequest = Request[Any, Any, State]
JSON = "application/json"


@dataclass(frozen=True, slots=True)
class Target:
    """A resource a write touches, as the change feed names it."""

    resource: str
    resource_id: str
    path: str


Item = TypeVar("Item", bound=WireStruct)
Load = Callable[[Database], Awaitable[Item]]
"""Reads the resource as GET shows it (raising NotFoundError when it is not there)."""
Change = Callable[[WriteSession, Item], Awaitable[None]]
"""Changes or deletes the resource, given its current representation."""
Create = Callable[[WriteSession], Awaitable[tuple[Target, Load[Any]]]]
"""Inserts the resource; returns where it is and how to read it."""


def representation_etags(item: WireStruct) -> set[str]:
    """The tags `item` has in each media type it is served in."""
    return {etag_of(msgspec.json.encode(item)), etag_of(msgspec.msgpack.encode(item))}


async def create(request: AnyRequest, key: str | None, target_of: Create) -> Response[Any]:
    """Run `target_of` (the inserts) and answer 201 with the new resource and its `Location`.

    With an idempotency `key`, a retry of the same request replays this answer.
    """
    body = await request.body()
    request_fingerprint = idempotency.fingerprint(request.method, request.url.path, body)
    async with _transaction(request) as session:
        if key is not None:
            stored = await idempotency.replay(session, key, request_fingerprint)
            if stored is not None:
                return _replayed(stored)
        target, load = await target_of(session)
        item = await load(session.db)
        session.record(target.resource, target.resource_id, target.path, "create", _fields(item))
        stored = StoredResponse(int(HTTPStatus.CREATED), target.path, msgspec.json.encode(item))
        if key is not None:
            ttl = services_of(request.app).settings.idempotency_ttl_seconds
            await idempotency.remember(session, key, request_fingerprint, stored, ttl)
    return _response(stored)


async def update(
    request: AnyRequest,
    if_match: str | None,
    target: Target,
    load: Load[Item],
    apply: Change[Item],
) -> Response[Any]:
    """Apply a change to the current representation if `if_match` names it; answer the new one."""
    async with _preconditioned(request, if_match, load) as (session, current):
        await apply(session, current)
        item = await load(session.db)
        if changed := _changed_fields(current, item):
            session.record(target.resource, target.resource_id, target.path, "update", changed)
    return _response(StoredResponse(int(HTTPStatus.OK), None, msgspec.json.encode(item)))


async def delete(
    request: AnyRequest,
    if_match: str | None,
    target: Target,
    load: Load[Item],
    remove: Change[Item],
) -> Response[Any]:
    """Delete the resource if `if_match` names its current representation; answer 204."""
    async with _preconditioned(request, if_match, load) as (session, current):
        await remove(session, current)
        session.record(target.resource, target.resource_id, target.path, "delete")
    return Response(content=None, status_code=HTTPStatus.NO_CONTENT)


@asynccontextmanager
async def _preconditioned(
    request: AnyRequest, if_match: str | None, load: Load[Item]
) -> AsyncIterator[tuple[WriteSession, Item]]:
    """A write transaction in which the resource is as `if_match` says the client last read it."""
    async with _transaction(request) as session:
        current = await load(session.db)
        _check_if_match(if_match, current)
        yield session, current


@asynccontextmanager
async def _transaction(request: AnyRequest) -> AsyncIterator[WriteSession]:
    services = services_of(request.app)
    async with write_transaction(services.write_engine, actor_of(request)) as session:
        yield session
    # Committed. Other replicas hear of it by NOTIFY; this one forgets its answers now, so that
    # the client's next read here sees its own write.
    services.response_cache.invalidate()


def _check_if_match(header: str | None, current: WireStruct) -> None:
    if header is None:
        raise PreconditionRequiredError(
            "This request needs an If-Match header with the ETag of the resource as you last "
            "read it, so that it cannot overwrite a change you have not seen."
        )
    if not strong_match(header, representation_etags(current)):
        raise PreconditionFailedError(
            "The resource changed since the ETag in If-Match was issued; read it again, "
            "then retry with its new ETag."
        )


def _fields(item: WireStruct) -> list[str]:
    return list(item.__struct_fields__)


def _changed_fields(before: WireStruct, after: WireStruct) -> list[str]:
    return [
        name for name in before.__struct_fields__ if getattr(before, name) != getattr(after, name)
    ]


def _response(stored: StoredResponse, **extra: str) -> Response[Any]:
    headers = {"ETag": etag_of(stored.body), **extra}
    if stored.location is not None:
        headers["Location"] = stored.location
    return Response(
        content=stored.body, status_code=stored.status, media_type=JSON, headers=headers
    )


def _replayed(stored: StoredResponse) -> Response[Any]:
    return _response(stored, **{"Idempotent-Replayed": "true"})


# Writes whose answer is not a created, updated or deleted resource (a curator's decision on a
# candidate, an extraction run) run in the same transaction, under the same lock.
transaction = _transaction
