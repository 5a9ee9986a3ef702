"""HTTP for writing observations: create, update, delete, each guarded and preconditioned."""

from __future__ import annotations

from litestar import Controller, Response, delete, patch, post
from litestar.params import JSONBody

from schemas.observations import ObservationCreate, ObservationRead, ObservationUpdate
from service.curation import flow
from service.curation.flow import AnyRequest, Target
from service.curation.openapi import CREATED, DELETED, UPDATED
from service.curation.params import IdempotencyKey, IfMatch
from service.curation.transaction import WriteSession
from service.db.connection import Database
from service.observations import commands, queries
from service.params import ObservationId


def _target(observation_id: str) -> Target:
    return Target("observations", observation_id, f"/v1/observations/{observation_id}")


def _loader(observation_id: str) -> flow.Load[ObservationRead]:
    async def load(db: Database) -> ObservationRead:
        return await queries.get_observation(db, observation_id)

    return load


class ObservationWriteController(Controller):
    path = "/v1/observations"
    tags = ["observations"]

    @post("/", operation_id="createObservation", summary="Create an observation", **CREATED)
    async def create_observation(
        self,
        request: AnyRequest,
        data: JSONBody[ObservationCreate],
        idempotency_key: IdempotencyKey = None,
    ) -> Response[ObservationRead]:
        """A new stated value; its words and quote are checked against its source."""

        async def insert(session: WriteSession) -> tuple[Target, flow.Load[ObservationRead]]:
            await commands.create_observation(session, data)
            return _target(data.id), _loader(data.id)

        return await flow.create(request, idempotency_key, insert)

    @patch(
        "/{observation_id:str}",
        operation_id="updateObservation",
        summary="Update an observation",
        **UPDATED,
    )
    async def update_observation(
        self,
        request: AnyRequest,
        observation_id: ObservationId,
        data: JSONBody[ObservationUpdate],
        if_match: IfMatch = None,
    ) -> Response[ObservationRead]:
        """Change the fields sent; the result is checked whole, as on create."""

        async def apply(session: WriteSession, current: ObservationRead) -> None:
            await commands.update_observation(session, current, data)

        target, load = _target(observation_id), _loader(observation_id)
        return await flow.update(request, if_match, target, load, apply)

    @delete(
        "/{observation_id:str}",
        operation_id="deleteObservation",
        summary="Delete an observation",
        **DELETED,
    )
    async def delete_observation(
        self, request: AnyRequest, observation_id: ObservationId, if_match: IfMatch = None
    ) -> Response[None]:
        """Delete the observation; its citation goes when nothing else cites it."""
        target, load = _target(observation_id), _loader(observation_id)
        return await flow.delete(request, if_match, target, load, commands.delete_observation)
