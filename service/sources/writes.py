"""HTTP for writing sources: create, update, delete, each guarded and preconditioned."""

from __future__ import annotations

from litestar import Controller, Response, delete, patch, post
from litestar.params import JSONBody

from schemas.sources import SourceCreate, SourceRead, SourceUpdate
from service.curation import flow
from service.curation.flow import AnyRequest, Target
from service.curation.openapi import CREATED, DELETED, UPDATED
from service.curation.params import IdempotencyKey, IfMatch
from service.curation.transaction import WriteSession
from service.db.connection import Database
from service.params import SourceId
from service.sources import commands, queries


def _target(source_id: str) -> Target:
    return Target("sources", source_id, f"/v1/sources/{source_id}")


def _loader(source_id: str) -> flow.Load[SourceRead]:
    async def load(db: Database) -> SourceRead:
        return await queries.get_source(db, source_id)

    return load


class SourceWriteController(Controller):
    path = "/v1/sources"
    tags = ["sources"]

    @post("/", operation_id="createSource", summary="Create a source", **CREATED)
    async def create_source(
        self,
        request: AnyRequest,
        data: JSONBody[SourceCreate],
        idempotency_key: IdempotencyKey = None,
    ) -> Response[SourceRead]:
        """A new article: the text every citation of it points into."""

        async def insert(session: WriteSession) -> tuple[Target, flow.Load[SourceRead]]:
            await commands.create_source(session, data)
            return _target(data.id), _loader(data.id)

        return await flow.create(request, idempotency_key, insert)

    @patch("/{source_id:str}", operation_id="updateSource", summary="Update a source", **UPDATED)
    async def update_source(
        self,
        request: AnyRequest,
        source_id: SourceId,
        data: JSONBody[SourceUpdate],
        if_match: IfMatch = None,
    ) -> Response[SourceRead]:
        """Change the fields sent; the text only while nothing cites the source."""

        async def apply(session: WriteSession, current: SourceRead) -> None:
            await commands.update_source(session, current, data)

        target, load = _target(source_id), _loader(source_id)
        return await flow.update(request, if_match, target, load, apply)

    @delete("/{source_id:str}", operation_id="deleteSource", summary="Delete a source", **DELETED)
    async def delete_source(
        self, request: AnyRequest, source_id: SourceId, if_match: IfMatch = None
    ) -> Response[None]:
        """Only a source nothing cites."""
        target, load = _target(source_id), _loader(source_id)
        return await flow.delete(request, if_match, target, load, commands.delete_source)
