"""HTTP for regions: the declaration their writes are made from, and their reads."""

from __future__ import annotations

from dataclasses import dataclass

from litestar import Response, Router, get
from litestar.di import NamedDependency

from schemas.regions import RegionCreate, RegionPage, RegionRead, RegionUpdate
from service.changes.since import parse_since
from service.curation.resource import Resource, Structs, Writes, write_handlers
from service.db.connection import Database
from service.pagination import Key
from service.params import ParentFilter, RegionId, RegionKindFilter, SearchText, UpdatedSince
from service.reads import ITEM_ERRORS, Listing, item_handler, list_handler
from service.regions import commands, queries
from service.regions.queries import RegionFilters
from service.representations.openapi import negotiated
from service.representations.respond import Representation

REGIONS = Resource(
    name="region",
    id_type=RegionId,
    structs=Structs(RegionRead, RegionCreate, RegionUpdate),
    load=queries.get_region,
    writes=Writes(commands.create_region, commands.update_region, commands.delete_region),
)


@dataclass(frozen=True, slots=True, kw_only=True)
class RegionSelection:
    """The parameters of the export: which regions."""

    q: SearchText = None
    kind: RegionKindFilter = None
    parent: ParentFilter = None

    def filters(self) -> RegionFilters:
        return RegionFilters(q=self.q, kind=self.kind, parent=self.parent)


@dataclass(frozen=True, slots=True, kw_only=True)
class RegionQuery(RegionSelection):
    """The parameters of the list: the export's, and what changed since a moment."""

    updated_since: UpdatedSince = None

    def filters(self) -> RegionFilters:
        since = parse_since(self.updated_since)
        return RegionFilters(q=self.q, kind=self.kind, parent=self.parent, updated_since=since)


@dataclass(frozen=True, slots=True)
class Children:
    region_id: RegionId


async def _page(
    db: Database, query: RegionQuery, after: Key | None, limit: int
) -> list[RegionRead]:
    return await queries.list_regions(db, query.filters(), after, limit)


async def _children(
    db: Database, query: Children, after: Key | None, limit: int
) -> list[RegionRead]:
    return await queries.list_children(db, query.region_id, after, limit)


@get(
    "/{region_id:str}/ancestors",
    operation_id="listRegionAncestors",
    summary="List a region's ancestors",
    responses=ITEM_ERRORS,
    operation_class=negotiated(RegionPage),
)
async def list_ancestors(
    db: NamedDependency[Database],
    representation: NamedDependency[Representation],
    region_id: RegionId,
) -> Response[RegionPage]:
    """From the root down to the parent; one page always, so `next_cursor` is null."""
    items = await queries.list_ancestors(db, region_id)
    return representation.respond(RegionPage(items=items, next_cursor=None))


router = Router(
    "/v1/regions",
    tags=["regions"],
    route_handlers=[
        item_handler(REGIONS),
        list_ancestors,
        list_handler(
            Listing(
                name="list_children",
                operation_id="listRegionChildren",
                summary="List a region's children",
                doc="The regions whose parent is this region, in id order.",
                page=RegionPage,
                query=Children,
                fetch=_children,
                path="/{region_id:str}/children",
                path_parameters=("region_id",),
                errors=ITEM_ERRORS,
            )
        ),
        list_handler(
            Listing(
                name="list_regions",
                operation_id="listRegions",
                summary="List regions",
                doc="Regions in id order, filtered by text, kind or parent.",
                page=RegionPage,
                query=RegionQuery,
                fetch=_page,
            )
        ),
        *write_handlers(REGIONS),
    ],
)
