"""GET handlers made from declarations: one item by its id, and keyset-paged lists.

Every read answers in the negotiated representation and documents the same errors; what
differs (the path, the Structs, the filters, the query) is what the factories are given.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import typing
from collections.abc import Awaitable, Callable, Sequence
from http import HTTPStatus
from typing import Any, TypeVar

from litestar import get
from litestar.di import NamedDependency
from litestar.handlers import HTTPRouteHandler

from service.changes.since import parse_since
from service.curation.resource import Resource
from service.db.connection import Database
from service.handlers import describe, make_handler, parameter, response_of
from service.openapi import problem_responses
from service.pagination import LINK_HEADER, Key, Pager
from service.params import UpdatedSince
from service.representations.openapi import negotiated
from service.representations.respond import Representation

LIST_ERRORS = problem_responses(HTTPStatus.BAD_REQUEST, HTTPStatus.NOT_ACCEPTABLE)
ITEM_ERRORS = problem_responses(
    HTTPStatus.BAD_REQUEST, HTTPStatus.NOT_FOUND, HTTPStatus.NOT_ACCEPTABLE
)
DB = parameter("db", NamedDependency[Database])
PAGER = parameter("pager", NamedDependency[Pager])
REPRESENTATION = parameter("representation", NamedDependency[Representation])

QueryT = TypeVar("QueryT")
Fetch = Callable[[Database, QueryT, Key | None, int], Awaitable[Sequence[Any]]]
"""Reads a page: the query's filters, where to start after, how many rows at most."""


def item_handler(
    resource: Resource[Any, Any, Any], *, summary: str | None = None, cache: str | None = None
) -> HTTPRouteHandler:
    """GET /{id}: the resource as its loader reads it, with `cache` as its Cache-Control."""

    async def get_item(db: Database, representation: Representation, **ids: str) -> Any:
        item = await resource.load(db, ids[resource.id_name])
        return representation.respond(item, cache)

    handler = make_handler(
        f"get_{resource.name}",
        describe(resource.load),
        [DB, REPRESENTATION, parameter(resource.id_name, resource.id_type)],
        response_of(resource.structs.read),
        get_item,
    )
    return get(
        resource.item_path,
        operation_id=f"get{resource.title}",
        summary=summary or f"Get {resource.noun}",
        responses=ITEM_ERRORS,
        operation_class=negotiated(resource.structs.read),
    )(handler)


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Listing(typing.Generic[QueryT]):
    """A keyset-paged list: its operation, its page Struct, its filters and its query.

    `query` is a dataclass of the list's parameters, annotated as the contract documents them:
    the fields `path_parameters` names are in the path, the others in the query string.
    `fetch` reads a page for one of them.
    """

    name: str
    operation_id: str
    summary: str
    doc: str
    page: type[Any]
    query: type[QueryT]
    fetch: Fetch[QueryT]
    path: str = "/"
    path_parameters: Sequence[str] = ()
    errors: Any = dataclasses.field(default_factory=lambda: LIST_ERRORS)


def list_handler(listing: Listing[Any]) -> HTTPRouteHandler:
    """GET of a list in id order, `limit` items a page, the next page's cursor in `Link`."""
    annotations = typing.get_type_hints(listing.query, include_extras=True)
    in_path = list(listing.path_parameters)
    filters = [f for f in dataclasses.fields(listing.query) if f.name not in in_path]

    async def list_items(
        db: Database, pager: Pager, representation: Representation, **arguments: Any
    ) -> Any:
        query = listing.query(**arguments)
        rows = await listing.fetch(db, query, pager.after, pager.fetch)
        return representation.respond(pager.page(listing.page, rows, _id_key))

    handler = make_handler(
        listing.name,
        listing.doc,
        [
            DB,
            PAGER,
            REPRESENTATION,
            *(parameter(name, annotations[name]) for name in in_path),
            *(parameter(f.name, annotations[f.name], f.default) for f in filters),
        ],
        response_of(listing.page),
        list_items,
    )
    return get(
        listing.path,
        operation_id=listing.operation_id,
        response_headers=[LINK_HEADER],
        summary=listing.summary,
        responses=listing.errors,
        operation_class=negotiated(listing.page),
    )(handler)


@dataclasses.dataclass(frozen=True, slots=True)
class SinceQuery:
    """The query of a list whose only filter is `updated_since`."""

    updated_since: UpdatedSince = None

    @property
    def since(self) -> dt.datetime | None:
        return parse_since(self.updated_since)


def _id_key(item: Any) -> Key:
    return (item.id,)
