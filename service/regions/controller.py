"""HTTP for regions: parameters in, Structs out, in the representation the client negotiated."""

from __future__ import annotations

from http import HTTPStatus

from litestar import Controller, Response, get
from litestar.di import NamedDependency

from schemas.regions import RegionPage, RegionRead
from service.changes.since import parse_since
from service.db.connection import Database
from service.openapi import problem_responses
from service.pagination import LINK_HEADER, Pager
from service.params import ParentFilter, RegionId, RegionKindFilter, SearchText, UpdatedSince
from service.regions import queries
from service.regions.queries import RegionFilters
from service.representations.openapi import negotiated
from service.representations.respond import Representation

_LIST_ERRORS = problem_responses(HTTPStatus.BAD_REQUEST, HTTPStatus.NOT_ACCEPTABLE)
_ITEM_ERRORS = problem_responses(
    HTTPStatus.BAD_REQUEST, HTTPStatus.NOT_FOUND, HTTPStatus.NOT_ACCEPTABLE
)


def _key(region: RegionRead) -> tuple[str]:
    return (region.id,)


class RegionController(Controller):
    path = "/v1/regions"
    tags = ["regions"]

    @get(
        "/",
        operation_id="listRegions",
        response_headers=[LINK_HEADER],
        summary="List regions",
        responses=_LIST_ERRORS,
        operation_class=negotiated(RegionPage),
    )
    async def list_regions(
        self,
        db: NamedDependency[Database],
        pager: NamedDependency[Pager],
        representation: NamedDependency[Representation],
        q: SearchText = None,
        kind: RegionKindFilter = None,
        parent: ParentFilter = None,
        updated_since: UpdatedSince = None,
    ) -> Response[RegionPage]:
        """Regions in id order, filtered by text, kind or parent."""
        filters = RegionFilters(
            q=q, kind=kind, parent=parent, updated_since=parse_since(updated_since)
        )
        rows = await queries.list_regions(db, filters, pager.after, pager.fetch)
        return representation.respond(pager.page(RegionPage, rows, _key))

    @get(
        "/{region_id:str}",
        operation_id="getRegion",
        summary="Get a region",
        responses=_ITEM_ERRORS,
        operation_class=negotiated(RegionRead),
    )
    async def get_region(
        self,
        db: NamedDependency[Database],
        representation: NamedDependency[Representation],
        region_id: RegionId,
    ) -> Response[RegionRead]:
        """One region with its aliases, codes and citations."""
        return representation.respond(await queries.get_region(db, region_id))

    @get(
        "/{region_id:str}/children",
        operation_id="listRegionChildren",
        response_headers=[LINK_HEADER],
        summary="List a region's children",
        responses=_ITEM_ERRORS,
        operation_class=negotiated(RegionPage),
    )
    async def list_children(
        self,
        db: NamedDependency[Database],
        pager: NamedDependency[Pager],
        representation: NamedDependency[Representation],
        region_id: RegionId,
    ) -> Response[RegionPage]:
        """The regions whose parent is this region, in id order."""
        rows = await queries.list_children(db, region_id, pager.after, pager.fetch)
        return representation.respond(pager.page(RegionPage, rows, _key))

    @get(
        "/{region_id:str}/ancestors",
        operation_id="listRegionAncestors",
        summary="List a region's ancestors",
        responses=_ITEM_ERRORS,
        operation_class=negotiated(RegionPage),
    )
    async def list_ancestors(
        self,
        db: NamedDependency[Database],
        representation: NamedDependency[Representation],
        region_id: RegionId,
    ) -> Response[RegionPage]:
        """From the root down to the parent; one page always, so `next_cursor` is null."""
        items = await queries.list_ancestors(db, region_id)
        return representation.respond(RegionPage(items=items, next_cursor=None))
