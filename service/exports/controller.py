"""HTTP for bulk exports: the filters of the lists, no paging, NDJSON or CSV as a stream."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from http import HTTPStatus
from typing import Annotated, Any, Literal

import msgspec
from litestar import Controller, Request, get
from litestar.di import NamedDependency
from litestar.params import QueryParameter
from litestar.response import Stream

from schemas.observations import ObservationRead
from schemas.organizations import OrganizationRead
from schemas.regions import RegionRead
from service.db.connection import Database
from service.exports import streams
from service.exports.streams import KeysetBatches
from service.observations import queries as observation_queries
from service.observations.conversion import Conversion, checked_conversion
from service.observations.filters import IncludeSubregions, ObservationSelection
from service.openapi import problem_responses
from service.organizations import queries as organization_queries
from service.organizations.routes import OrganizationSelection
from service.params import (
    IndicatorFilter,
    OrganizationFilter,
    OrganizationKindFilter,
    ParentFilter,
    PeriodFrom,
    PeriodTo,
    RegionFilter,
    RegionKindFilter,
    SearchText,
    SectorFilter,
    UnitParam,
)
from service.regions import queries as region_queries
from service.regions.routes import RegionSelection
from service.representations import caching
from service.representations.negotiation import CSV, NDJSON, negotiate
from service.representations.openapi import streamed
from service.representations.tabular import CSV_MEDIA_TYPE
from service.services import services_of

ExportFormat = Annotated[
    Literal["ndjson", "csv"] | None,
    QueryParameter(
        description="ndjson (application/x-ndjson) or csv (text/csv); overrides `Accept`."
    ),
]
# Rows per keyset batch: a few megabytes of Structs at a time. Organizations load their
# sectors, locations, relations and citations per batch, so theirs are smaller.
OBSERVATION_BATCH = 5000
REGION_BATCH = 2000
ORGANIZATION_BATCH = 1000
_ERRORS = problem_responses(HTTPStatus.BAD_REQUEST, HTTPStatus.NOT_ACCEPTABLE)


def _id_key(item: Any) -> tuple[str]:
    return (item.id,)


def _unchanged(rows: Sequence[Any]) -> Sequence[Any]:
    return rows


def _media_type(request: Request[Any, Any, Any], requested: str | None) -> str:
    """Negotiated first thing, so a 406 costs no query."""
    return negotiate(requested, request.headers.get("accept"), (NDJSON, CSV))


async def _stream(
    request: Request[Any, Any, Any],
    db: Database,
    batches: KeysetBatches[Any],
    item_type: type[msgspec.Struct],
    media_type: str,
    transform: Conversion | None = None,
) -> Stream:
    """Read the first batch (its errors still become problems), then stream the rest."""
    await batches.prime(db)
    rows = batches(services_of(request.app).engine)
    change = transform or _unchanged
    body: AsyncIterator[bytes]
    extension = "csv" if media_type == CSV else "ndjson"
    if media_type == CSV:
        body, media_type = streams.csv(rows, change, item_type), CSV_MEDIA_TYPE
    else:
        body = streams.ndjson(rows, change)
    name = item_type.__name__.removesuffix("Read").lower()
    headers = {
        "Cache-Control": caching.EXPORTS,
        "Vary": "Accept",
        "Content-Disposition": f'attachment; filename="{name}s.{extension}"',
    }
    return Stream(body, media_type=media_type, headers=headers)


class ExportController(Controller):
    path = "/v1"

    @get(
        "/observations/export",
        operation_id="exportObservations",
        summary="Export observations",
        tags=["observations"],
        responses=_ERRORS,
        operation_class=streamed(ObservationRead),
    )
    async def export_observations(
        self,
        request: Request[Any, Any, Any],
        db: NamedDependency[Database],
        format: ExportFormat = None,
        indicator: IndicatorFilter = None,
        region: RegionFilter = None,
        include_subregions: IncludeSubregions = False,
        organization: OrganizationFilter = None,
        period_from: PeriodFrom = None,
        period_to: PeriodTo = None,
        unit: UnitParam = None,
    ) -> Stream:
        """Every observation the list's filters select, in id order, in one streamed body."""
        media_type = _media_type(request, format)
        filters = ObservationSelection(
            indicator=indicator,
            region=region,
            include_subregions=include_subregions,
            organization=organization,
            period_from=period_from,
            period_to=period_to,
        ).filters()
        convert = await checked_conversion(db, filters, unit)

        async def fetch(db: Database, after: Any, limit: int) -> list[ObservationRead]:
            return await observation_queries.list_observations(db, filters, after, limit)

        batches = KeysetBatches(fetch, _id_key, OBSERVATION_BATCH)
        return await _stream(request, db, batches, ObservationRead, media_type, convert)

    @get(
        "/organizations/export",
        operation_id="exportOrganizations",
        summary="Export organizations",
        tags=["organizations"],
        responses=_ERRORS,
        operation_class=streamed(OrganizationRead),
    )
    async def export_organizations(
        self,
        request: Request[Any, Any, Any],
        db: NamedDependency[Database],
        format: ExportFormat = None,
        q: SearchText = None,
        kind: OrganizationKindFilter = None,
        sector: SectorFilter = None,
        region: RegionFilter = None,
    ) -> Stream:
        """Every organization the list's filters select, in id order, in one streamed body."""
        media_type = _media_type(request, format)
        filters = OrganizationSelection(q=q, kind=kind, sector=sector, region=region).filters()

        async def fetch(db: Database, after: Any, limit: int) -> list[OrganizationRead]:
            return await organization_queries.list_organizations(db, filters, after, limit)

        batches = KeysetBatches(fetch, _id_key, ORGANIZATION_BATCH)
        return await _stream(request, db, batches, OrganizationRead, media_type)

    @get(
        "/regions/export",
        operation_id="exportRegions",
        summary="Export regions",
        tags=["regions"],
        responses=_ERRORS,
        operation_class=streamed(RegionRead),
    )
    async def export_regions(
        self,
        request: Request[Any, Any, Any],
        db: NamedDependency[Database],
        format: ExportFormat = None,
        q: SearchText = None,
        kind: RegionKindFilter = None,
        parent: ParentFilter = None,
    ) -> Stream:
        """Every region the list's filters select, in id order, in one streamed body."""
        media_type = _media_type(request, format)
        filters = RegionSelection(q=q, kind=kind, parent=parent).filters()

        async def fetch(db: Database, after: Any, limit: int) -> list[RegionRead]:
            return await region_queries.list_regions(db, filters, after, limit)

        batches = KeysetBatches(fetch, _id_key, REGION_BATCH)
        return await _stream(request, db, batches, RegionRead, media_type)
