"""HTTP for observations: the declaration their writes are made from, and their reads."""

from __future__ import annotations

from litestar import Router

from schemas.observations import (
    ObservationCreate,
    ObservationPage,
    ObservationRead,
    ObservationUpdate,
)
from service.curation.resource import Resource, Structs, Writes, write_handlers
from service.db.connection import Database
from service.observations import commands, queries
from service.observations.conversion import checked_conversion
from service.observations.filters import ObservationQuery
from service.pagination import Key
from service.params import ObservationId
from service.reads import Listing, item_handler, list_handler

OBSERVATIONS = Resource(
    name="observation",
    id_type=ObservationId,
    structs=Structs(ObservationRead, ObservationCreate, ObservationUpdate),
    load=queries.get_observation,
    writes=Writes(
        commands.create_observation, commands.update_observation, commands.delete_observation
    ),
)


async def _page(
    db: Database, query: ObservationQuery, after: Key | None, limit: int
) -> list[ObservationRead]:
    filters = query.filters()
    # Checked over the whole selection first: no client meets the refusal on a later page.
    convert = await checked_conversion(db, filters, query.unit)
    return convert(await queries.list_observations(db, filters, after, limit))


router = Router(
    "/v1/observations",
    tags=["observations"],
    route_handlers=[
        item_handler(OBSERVATIONS),
        list_handler(
            Listing(
                name="list_observations",
                operation_id="listObservations",
                summary="List observations",
                doc="Observations in id order; a period filter keeps periods that overlap it.",
                page=ObservationPage,
                query=ObservationQuery,
                fetch=_page,
            )
        ),
        *write_handlers(OBSERVATIONS),
    ],
)
