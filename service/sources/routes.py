"""HTTP for sources: the declaration their writes are made from, and their reads."""

from __future__ import annotations

from litestar import Router

from schemas.sources import SourceCreate, SourcePage, SourceRead, SourceSummary, SourceUpdate
from service.curation.resource import Resource, Structs, Writes, write_handlers
from service.db.connection import Database
from service.pagination import Key
from service.params import SourceId
from service.reads import Listing, SinceQuery, item_handler, list_handler
from service.representations import caching
from service.sources import commands, queries

SOURCES = Resource(
    name="source",
    id_type=SourceId,
    structs=Structs(SourceRead, SourceCreate, SourceUpdate),
    load=queries.get_source,
    writes=Writes(commands.create_source, commands.update_source, commands.delete_source),
)


async def _page(
    db: Database, query: SinceQuery, after: Key | None, limit: int
) -> list[SourceSummary]:
    return await queries.list_sources(db, after, limit, query.since)


router = Router(
    "/v1/sources",
    tags=["sources"],
    route_handlers=[
        item_handler(SOURCES, summary="Get a source with its text", cache=caching.SOURCES),
        list_handler(
            Listing(
                name="list_sources",
                operation_id="listSources",
                summary="List sources",
                doc="Sources in id order, without their text.",
                page=SourcePage,
                query=SinceQuery,
                fetch=_page,
            )
        ),
        *write_handlers(SOURCES),
    ],
)
