"""HTTP for writing regions: create, update, delete, each guarded and preconditioned."""

from __future__ import annotations

from litestar import Controller, Response, delete, patch, post
from litestar.params import JSONBody

from schemas.regions import RegionCreate, RegionRead, RegionUpdate
from service.curation import flow
from service.curation.flow import AnyRequest, Target
from service.curation.openapi import CREATED, DELETED, UPDATED
from service.curation.params import IdempotencyKey, IfMatch
from service.curation.transaction import WriteSession
from service.db.connection import Database
from service.params import RegionId
from service.regions import commands, queries


def _target(region_id: str) -> Target:
    return Target("regions", region_id, f"/v1/regions/{region_id}")


def _loader(region_id: str) -> flow.Load[RegionRead]:
    async def load(db: Database) -> RegionRead:
        return await queries.get_region(db, region_id)

    return load


class RegionWriteController(Controller):
    path = "/v1/regions"
    tags = ["regions"]

    @post("/", operation_id="createRegion", summary="Create a region", **CREATED)
    async def create_region(
        self,
        request: AnyRequest,
        data: JSONBody[RegionCreate],
        idempotency_key: IdempotencyKey = None,
    ) -> Response[RegionRead]:
        """A new region under `parent` (or a root); its citations are checked against sources."""

        async def insert(session: WriteSession) -> tuple[Target, flow.Load[RegionRead]]:
            await commands.create_region(session, data)
            return _target(data.id), _loader(data.id)

        return await flow.create(request, idempotency_key, insert)

    @patch("/{region_id:str}", operation_id="updateRegion", summary="Update a region", **UPDATED)
    async def update_region(
        self,
        request: AnyRequest,
        region_id: RegionId,
        data: JSONBody[RegionUpdate],
        if_match: IfMatch = None,
    ) -> Response[RegionRead]:
        """Change the fields sent; a new `parent` moves the region with its whole subtree."""

        async def apply(session: WriteSession, current: RegionRead) -> None:
            await commands.update_region(session, current, data)

        return await flow.update(request, if_match, _target(region_id), _loader(region_id), apply)

    @delete("/{region_id:str}", operation_id="deleteRegion", summary="Delete a region", **DELETED)
    async def delete_region(
        self, request: AnyRequest, region_id: RegionId, if_match: IfMatch = None
    ) -> Response[None]:
        """Only a region nothing depends on: no children, organizations or observations."""
        return await flow.delete(
            request, if_match, _target(region_id), _loader(region_id), commands.delete_region
        )
