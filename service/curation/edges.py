"""Cited edges from a resource (an organization's region links and relations): one declaration
each, from which their POST, GET, PATCH and DELETE handlers are made.

An edge is named by its owner's id and two more path parameters (a role and a region, a kind
and an object). Writing one also changes its owners' representations, so each write records an
update of every owner it touches beside the edge's own revision.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any, Generic, TypeVar

from litestar import Response, delete, get, patch, post
from litestar.di import NamedDependency
from litestar.handlers import HTTPRouteHandler

from schemas.base import WireStruct
from schemas.organizations import CitationUpdate
from service.curation import flow
from service.curation.flow import AnyRequest, Target
from service.curation.openapi import CHILD_CREATE_ERRORS, CREATED, DELETED, UPDATED
from service.curation.params import IdempotencyKey, IfMatch
from service.curation.resource import Resource
from service.curation.transaction import WriteSession
from service.db.connection import Database
from service.handlers import json_body, make_handler, parameter, response_of
from service.openapi import problem_responses

EdgeT = TypeVar("EdgeT", bound=WireStruct)
CreateT = TypeVar("CreateT")
KindT = TypeVar("KindT", bound=str)

_ITEM_ERRORS = problem_responses(HTTPStatus.BAD_REQUEST, HTTPStatus.NOT_FOUND)

Touched = Sequence[tuple[str, Sequence[str]]]
"""The owners a write changes, each with the fields of theirs it changes."""


@dataclass(frozen=True, slots=True)
class Doc:
    summary: str
    description: str


@dataclass(frozen=True, slots=True, kw_only=True)
class EdgeDocs:
    create: Doc
    get: Doc
    update: Doc
    delete: Doc


@dataclass(frozen=True, slots=True, kw_only=True)
class CitedEdge(Generic[EdgeT, CreateT, KindT]):
    """What the handlers of one kind of edge differ in."""

    owner: Resource[Any, Any, Any]
    name: str
    """Lowercase with underscores ("region_link"): names handlers, and edges in the feed."""
    segment: str
    """The path below the owner ("region-links")."""
    key: tuple[tuple[str, Any], tuple[str, Any]]
    """The two path parameters after the owner's id, with their annotated types."""
    read: type[EdgeT]
    create: type[CreateT]
    key_of: Callable[[CreateT], tuple[KindT, str]]
    """The two key parts a create body names."""
    owner_exists: Callable[[Database, str], Awaitable[None]]
    load: Callable[[Database, str, KindT, str], Awaitable[EdgeT]]
    insert: Callable[[WriteSession, str, CreateT], Awaitable[None]]
    recite: Callable[[WriteSession, str, KindT, str, CitationUpdate], Awaitable[None]]
    remove: Callable[[WriteSession, str, KindT, str], Awaitable[None]]
    touches: Callable[[str, KindT, str, bool], Touched]
    """The owners changed by a write of the edge (owner id, key parts, whether a recitation)."""
    docs: EdgeDocs

    @property
    def title(self) -> str:
        """As operation ids spell it ("OrganizationRegionLink")."""
        return self.owner.title + self.name.title().replace("_", "")

    @property
    def collection_path(self) -> str:
        return f"/{{{self.owner.id_name}:str}}/{self.segment}"

    @property
    def item_path(self) -> str:
        (first, _), (second, _) = self.key
        return f"{self.collection_path}/{{{first}:str}}/{{{second}:str}}"

    def target(self, owner_id: str, kind: str, other: str) -> Target:
        path = f"/v1/{self.owner.collection}/{owner_id}/{self.segment}/{kind}/{other}"
        return Target(self.name + "s", f"{owner_id}/{kind}/{other}", path)

    def loader(self, owner_id: str, kind: KindT, other: str) -> flow.Load[EdgeT]:
        async def load(db: Database) -> EdgeT:
            await self.owner_exists(db, owner_id)
            return await self.load(db, owner_id, kind, other)

        return load

    def record(self, session: WriteSession, touched: Touched) -> None:
        for owner_id, fields in touched:
            target = self.owner.target(owner_id)
            session.record(target.resource, owner_id, target.path, "update", fields)


def edge_handlers(edge: CitedEdge[Any, Any, Any]) -> list[HTTPRouteHandler]:
    """POST on the owner's edges; GET, PATCH and DELETE on one edge."""
    return [_create(edge), _get(edge), _update(edge), _delete(edge)]


def _owner(edge: CitedEdge[Any, Any, Any]) -> inspect.Parameter:
    return parameter(edge.owner.id_name, edge.owner.id_type)


def _key(edge: CitedEdge[Any, Any, Any]) -> list[inspect.Parameter]:
    return [parameter(name, annotation) for name, annotation in edge.key]


def _ids(edge: CitedEdge[Any, Any, Any], arguments: dict[str, Any]) -> tuple[str, Any, str]:
    (first, _), (second, _) = edge.key
    return arguments[edge.owner.id_name], arguments[first], arguments[second]


def _create(edge: CitedEdge[Any, Any, Any]) -> HTTPRouteHandler:
    async def create(
        request: AnyRequest, data: Any, idempotency_key: str | None, **owner: str
    ) -> Any:
        owner_id = owner[edge.owner.id_name]

        async def insert(session: WriteSession) -> tuple[Target, flow.Load[Any]]:
            await edge.owner_exists(session.db, owner_id)
            await edge.insert(session, owner_id, data)
            kind, other = edge.key_of(data)
            edge.record(session, edge.touches(owner_id, kind, other, False))
            return edge.target(owner_id, kind, other), edge.loader(owner_id, kind, other)

        return await flow.create(request, idempotency_key, insert)

    parameters = [
        parameter("request", AnyRequest),
        _owner(edge),
        parameter("data", json_body(edge.create)),
        parameter("idempotency_key", IdempotencyKey, None),
    ]
    docs = edge.docs.create
    handler = make_handler(
        f"create_{edge.name}", docs.description, parameters, response_of(edge.read), create
    )
    return post(
        edge.collection_path,
        operation_id=f"create{edge.title}",
        summary=docs.summary,
        **(CREATED | {"responses": CHILD_CREATE_ERRORS}),
    )(handler)


def _get(edge: CitedEdge[Any, Any, Any]) -> HTTPRouteHandler:
    async def get_edge(db: Database, **arguments: Any) -> Any:
        return await edge.loader(*_ids(edge, arguments))(db)

    parameters = [parameter("db", NamedDependency[Database]), _owner(edge), *_key(edge)]
    docs = edge.docs.get
    handler = make_handler(f"get_{edge.name}", docs.description, parameters, edge.read, get_edge)
    return get(
        edge.item_path,
        operation_id=f"get{edge.title}",
        summary=docs.summary,
        responses=_ITEM_ERRORS,
    )(handler)


def _update(edge: CitedEdge[Any, Any, Any]) -> HTTPRouteHandler:
    async def update(request: AnyRequest, data: Any, if_match: str | None, **arguments: Any) -> Any:
        owner_id, kind, other = _ids(edge, arguments)

        async def apply(session: WriteSession, _: Any) -> None:
            await edge.recite(session, owner_id, kind, other, data)
            edge.record(session, edge.touches(owner_id, kind, other, True))

        target, load = edge.target(owner_id, kind, other), edge.loader(owner_id, kind, other)
        return await flow.update(request, if_match, target, load, apply)

    parameters = [
        parameter("request", AnyRequest),
        _owner(edge),
        *_key(edge),
        parameter("data", json_body(CitationUpdate)),
        parameter("if_match", IfMatch, None),
    ]
    docs = edge.docs.update
    handler = make_handler(
        f"update_{edge.name}", docs.description, parameters, response_of(edge.read), update
    )
    return patch(
        edge.item_path, operation_id=f"update{edge.title}", summary=docs.summary, **UPDATED
    )(handler)


def _delete(edge: CitedEdge[Any, Any, Any]) -> HTTPRouteHandler:
    async def remove(request: AnyRequest, if_match: str | None, **arguments: Any) -> Any:
        owner_id, kind, other = _ids(edge, arguments)

        async def delete_edge(session: WriteSession, _: Any) -> None:
            await edge.remove(session, owner_id, kind, other)
            edge.record(session, edge.touches(owner_id, kind, other, False))

        target, load = edge.target(owner_id, kind, other), edge.loader(owner_id, kind, other)
        return await flow.delete(request, if_match, target, load, delete_edge)

    parameters = [
        parameter("request", AnyRequest),
        _owner(edge),
        *_key(edge),
        parameter("if_match", IfMatch, None),
    ]
    docs = edge.docs.delete
    handler = make_handler(
        f"delete_{edge.name}", docs.description, parameters, Response[None], remove
    )
    return delete(
        edge.item_path, operation_id=f"delete{edge.title}", summary=docs.summary, **DELETED
    )(handler)
