"""HTTP for indicators: the declaration their writes are made from, and their reads."""

from __future__ import annotations

from litestar import Router

from schemas.indicators import IndicatorCreate, IndicatorPage, IndicatorRead, IndicatorUpdate
from service.curation.resource import Resource, Structs, Writes, write_handlers
from service.db.connection import Database
from service.indicators import commands, queries
from service.pagination import Key
from service.params import IndicatorId
from service.reads import Listing, SinceQuery, item_handler, list_handler

INDICATORS = Resource(
    name="indicator",
    id_type=IndicatorId,
    structs=Structs(IndicatorRead, IndicatorCreate, IndicatorUpdate),
    load=queries.get_indicator,
    writes=Writes(commands.create_indicator, commands.update_indicator, commands.delete_indicator),
)


async def _page(
    db: Database, query: SinceQuery, after: Key | None, limit: int
) -> list[IndicatorRead]:
    return await queries.list_indicators(db, after, limit, query.since)


router = Router(
    "/v1/indicators",
    tags=["indicators"],
    route_handlers=[
        item_handler(INDICATORS),
        list_handler(
            Listing(
                name="list_indicators",
                operation_id="listIndicators",
                summary="List indicators",
                doc="Indicator definitions in id order.",
                page=IndicatorPage,
                query=SinceQuery,
                fetch=_page,
            )
        ),
        *write_handlers(INDICATORS),
    ],
)
