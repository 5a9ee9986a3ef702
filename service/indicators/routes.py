"""HTTP for indicators: the declaration their writes are made from, and their reads."""

from __future__ import annotations

from litestar import Router

from schemas.indicators import IndicatorCreate, IndicatorPage, IndicatorRead, IndicatorUpdate
from service.curation.resource import Docs, Resource, write_handlers
from service.db.connection import Database
from service.indicators import commands, queries
from service.pagination import Key
from service.params import IndicatorId
from service.reads import Listing, SinceQuery, item_handler, list_handler

INDICATORS = Resource(
    name="indicator",
    collection="indicators",
    id_type=IndicatorId,
    read=IndicatorRead,
    create=IndicatorCreate,
    update=IndicatorUpdate,
    load=queries.get_indicator,
    insert=commands.create_indicator,
    change=commands.update_indicator,
    remove=commands.delete_indicator,
    docs=Docs(
        get="One indicator: what it measures and its unit.",
        create="A new indicator: what observations measure, and their unit.",
        update="Change the fields sent; the unit only while no observation uses the indicator.",
        delete="Only an indicator no observation uses.",
    ),
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
