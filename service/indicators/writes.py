"""HTTP for writing indicators: create, update, delete, each guarded and preconditioned."""

from __future__ import annotations

from litestar import Controller, Response, delete, patch, post
from litestar.params import JSONBody

from schemas.indicators import IndicatorCreate, IndicatorRead, IndicatorUpdate
from service.curation import flow
from service.curation.flow import AnyRequest, Target
from service.curation.openapi import CREATED, DELETED, UPDATED
from service.curation.params import IdempotencyKey, IfMatch
from service.curation.transaction import WriteSession
from service.db.connection import Database
from service.indicators import commands, queries
from service.params import IndicatorId


def _target(indicator_id: str) -> Target:
    return Target("indicators", indicator_id, f"/v1/indicators/{indicator_id}")


def _loader(indicator_id: str) -> flow.Load[IndicatorRead]:
    async def load(db: Database) -> IndicatorRead:
        return await queries.get_indicator(db, indicator_id)

    return load


class IndicatorWriteController(Controller):
    path = "/v1/indicators"
    tags = ["indicators"]

    @post("/", operation_id="createIndicator", summary="Create an indicator", **CREATED)
    async def create_indicator(
        self,
        request: AnyRequest,
        data: JSONBody[IndicatorCreate],
        idempotency_key: IdempotencyKey = None,
    ) -> Response[IndicatorRead]:
        """A new indicator: what observations measure, and their unit."""

        async def insert(session: WriteSession) -> tuple[Target, flow.Load[IndicatorRead]]:
            await commands.create_indicator(session, data)
            return _target(data.id), _loader(data.id)

        return await flow.create(request, idempotency_key, insert)

    @patch(
        "/{indicator_id:str}",
        operation_id="updateIndicator",
        summary="Update an indicator",
        **UPDATED,
    )
    async def update_indicator(
        self,
        request: AnyRequest,
        indicator_id: IndicatorId,
        data: JSONBody[IndicatorUpdate],
        if_match: IfMatch = None,
    ) -> Response[IndicatorRead]:
        """Change the fields sent; the unit only while no observation uses the indicator."""

        async def apply(session: WriteSession, current: IndicatorRead) -> None:
            await commands.update_indicator(session, current, data)

        target, load = _target(indicator_id), _loader(indicator_id)
        return await flow.update(request, if_match, target, load, apply)

    @delete(
        "/{indicator_id:str}",
        operation_id="deleteIndicator",
        summary="Delete an indicator",
        **DELETED,
    )
    async def delete_indicator(
        self, request: AnyRequest, indicator_id: IndicatorId, if_match: IfMatch = None
    ) -> Response[None]:
        """Only an indicator no observation uses."""
        target, load = _target(indicator_id), _loader(indicator_id)
        return await flow.delete(request, if_match, target, load, commands.delete_indicator)
