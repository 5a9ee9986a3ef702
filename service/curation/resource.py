"""One declaration per resource, and the POST, PATCH and DELETE handlers made from it.

A declaration names what differs between resources: the name, the id parameter, the Structs,
the loader, the commands and the docs. Everything else (guards, preconditions, idempotency,
revisions, the contract's errors and headers) is the same for all, and written once here and in
`flow.py`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from litestar import Response, delete, patch, post
from litestar.handlers import HTTPRouteHandler

from schemas.base import WireStruct
from service.curation import flow
from service.curation.flow import AnyRequest, Target
from service.curation.openapi import CREATED, DELETED, UPDATED
from service.curation.params import IdempotencyKey, IfMatch
from service.curation.transaction import WriteSession
from service.db.connection import Database
from service.handlers import describe, json_body, make_handler, parameter, response_of


class Identified(Protocol):
    @property
    def id(self) -> str: ...


ReadT = TypeVar("ReadT", bound=WireStruct)
CreateT = TypeVar("CreateT", bound=Identified)
UpdateT = TypeVar("UpdateT")


@dataclass(frozen=True, slots=True)
class Structs(Generic[ReadT, CreateT, UpdateT]):
    """The wire Structs of a resource: as read, as created, as patched."""

    read: type[ReadT]
    create: type[CreateT]
    update: type[UpdateT]


@dataclass(frozen=True, slots=True)
class Writes(Generic[ReadT, CreateT, UpdateT]):
    """The commands of a resource's writes, given its current representation where one exists.

    Their docstrings describe the operations in the contract."""

    insert: Callable[[WriteSession, CreateT], Awaitable[None]]
    change: Callable[[WriteSession, ReadT, UpdateT], Awaitable[None]]
    remove: Callable[[WriteSession, ReadT], Awaitable[None]]


@dataclass(frozen=True, slots=True, kw_only=True)
class Resource(Generic[ReadT, CreateT, UpdateT]):
    """A top-level resource under `/v1/<name>s`, by what its handlers differ in.

    Each operation's description in the contract is the docstring of the function doing it:
    `load` for the GET of one item, `writes` for the others.
    """

    name: str
    """Singular, lowercase ("region"): names handlers, operations, summaries and the path."""
    id_type: Any
    """The annotated type of its id path parameter (`RegionId`)."""
    structs: Structs[ReadT, CreateT, UpdateT]
    load: Callable[[Database, str], Awaitable[ReadT]]
    writes: Writes[ReadT, CreateT, UpdateT]

    @property
    def collection(self) -> str:
        """Its path under /v1, and its name in the change feed ("regions")."""
        return self.name + "s"

    @property
    def id_name(self) -> str:
        return f"{self.name}_id"

    @property
    def title(self) -> str:
        """As operation ids spell it ("Region" in `getRegion`)."""
        return self.name.title()

    @property
    def noun(self) -> str:
        """As summaries spell it ("a region", "an indicator")."""
        return ("an " if self.name[0] in "aeiou" else "a ") + self.name

    @property
    def item_path(self) -> str:
        return f"/{{{self.id_name}:str}}"

    def target(self, item_id: str) -> Target:
        return Target(self.collection, item_id, f"/v1/{self.collection}/{item_id}")

    def loader(self, item_id: str) -> flow.Load[ReadT]:
        async def load(db: Database) -> ReadT:
            return await self.load(db, item_id)

        return load


def write_handlers(resource: Resource[Any, Any, Any]) -> list[HTTPRouteHandler]:
    """POST on the collection, PATCH and DELETE on an item, each guarded and preconditioned."""
    return [_create(resource), _update(resource), _delete(resource)]


def _create(resource: Resource[Any, Any, Any]) -> HTTPRouteHandler:
    async def create(request: AnyRequest, data: Any, idempotency_key: str | None) -> Any:
        async def insert(session: WriteSession) -> tuple[Target, flow.Load[Any]]:
            await resource.writes.insert(session, data)
            return resource.target(data.id), resource.loader(data.id)

        return await flow.create(request, idempotency_key, insert)

    handler = make_handler(
        f"create_{resource.name}",
        describe(resource.writes.insert),
        [
            parameter("request", AnyRequest),
            parameter("data", json_body(resource.structs.create)),
            parameter("idempotency_key", IdempotencyKey, None),
        ],
        response_of(resource.structs.read),
        create,
    )
    summary = f"Create {resource.noun}"
    return post("/", operation_id=f"create{resource.title}", summary=summary, **CREATED)(handler)


def _update(resource: Resource[Any, Any, Any]) -> HTTPRouteHandler:
    async def update(request: AnyRequest, data: Any, if_match: str | None, **ids: str) -> Any:
        async def apply(session: WriteSession, current: Any) -> None:
            await resource.writes.change(session, current, data)

        item_id = ids[resource.id_name]
        target, load = resource.target(item_id), resource.loader(item_id)
        return await flow.update(request, if_match, target, load, apply)

    handler = make_handler(
        f"update_{resource.name}",
        describe(resource.writes.change),
        [
            parameter("request", AnyRequest),
            parameter(resource.id_name, resource.id_type),
            parameter("data", json_body(resource.structs.update)),
            parameter("if_match", IfMatch, None),
        ],
        response_of(resource.structs.read),
        update,
    )
    operation = f"update{resource.title}"
    summary = f"Update {resource.noun}"
    return patch(resource.item_path, operation_id=operation, summary=summary, **UPDATED)(handler)


def _delete(resource: Resource[Any, Any, Any]) -> HTTPRouteHandler:
    async def remove(request: AnyRequest, if_match: str | None, **ids: str) -> Any:
        item_id = ids[resource.id_name]
        target, load = resource.target(item_id), resource.loader(item_id)
        return await flow.delete(request, if_match, target, load, resource.writes.remove)

    handler = make_handler(
        f"delete_{resource.name}",
        describe(resource.writes.remove),
        [
            parameter("request", AnyRequest),
            parameter(resource.id_name, resource.id_type),
            parameter("if_match", IfMatch, None),
        ],
        Response[None],
        remove,
    )
    operation = f"delete{resource.title}"
    summary = f"Delete {resource.noun}"
    return delete(resource.item_path, operation_id=operation, summary=summary, **DELETED)(handler)
