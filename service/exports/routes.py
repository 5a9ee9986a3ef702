"""HTTP for bulk exports: the filters of the lists, no paging, NDJSON or CSV as a stream."""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass
from http import HTTPStatus
from typing import Annotated, Any, Generic, Literal, TypeVar

import msgspec
from litestar import Request, Router, get
from litestar.di import NamedDependency
from litestar.handlers import HTTPRouteHandler
from litestar.params import QueryParameter
from litestar.response import Stream

from schemas.observations import ObservationRead
from schemas.organizations import OrganizationRead
from schemas.regions import RegionRead
from service.curation.flow import AnyRequest
from service.db.connection import Database
from service.exports import streams
from service.exports.slots import Holding
from service.exports.streams import Build, KeysetBatches
from service.handlers import make_handler, parameter
from service.observations import queries as observation_queries
from service.observations.conversion import checked_conversion
from service.observations.filters import ObservationSelection
from service.openapi import problem_responses
from service.organizations import queries as organization_queries
from service.organizations.routes import OrganizationSelection
from service.pagination import Key
from service.regions import queries as region_queries
from service.regions.routes import RegionSelection
from service.representations import caching
from service.representations.negotiation import CSV, NDJSON, negotiate
from service.representations.openapi import streamed
from service.representations.tabular import CSV_MEDIA_TYPE
from service.services import Services

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
_ERRORS = problem_responses(
    HTTPStatus.BAD_REQUEST,
    HTTPStatus.NOT_ACCEPTABLE,
    descriptions={
        HTTPStatus.SERVICE_UNAVAILABLE: "This server already streams as many exports as it "
        "may (`GROWTH_ATLAS_MAX_CONCURRENT_EXPORTS`), or the database is unreachable; retry "
        "after `Retry-After` seconds."
    },
)

SelectionT = TypeVar("SelectionT")
Start = Callable[[Database, SelectionT], Awaitable[tuple[KeysetBatches[Any], Build[Any]]]]
"""Checks the selection (a 400 costs no stream) and says how to read its rows and how a slice
of them becomes the items to encode."""


def _id_key(item: Any) -> tuple[str]:
    return (item.id,)


def _row_key(row: Sequence[Any]) -> tuple[str]:
    return (row[0],)


def _as_is(items: Sequence[Any]) -> Sequence[Any]:
    """Items fetched already built (regions and organizations batches are small)."""
    return items


def _media_type(request: Request[Any, Any, Any], requested: str | None) -> str:
    """Negotiated first thing, so a 406 costs no query."""
    return negotiate(requested, request.headers.get("accept"), (NDJSON, CSV))


def _export_database(services: Services) -> Database:
    """The exports' own connections: a slow client holds one of those, never one of the reads'.
    On PostgreSQL their prepared reads go straight through asyncpg, which decodes a batch as its
    bytes arrive, in pieces, rather than all at once on the event loop. On SQLite every
    statement runs on a thread: an export's batches are not index-bounded."""
    return Database(
        services.export_engine,
        services.export_driver_pool,
        services.sqlite_reads,
        unbounded=True,
    )


async def _stream(
    services: Services,
    item_type: type[msgspec.Struct],
    media_type: str,
    start: Callable[[Database], Awaitable[tuple[KeysetBatches[Any], Build[Any]]]],
) -> Stream:
    """Take a slot (or 503), read the first batch (its errors still become problems), then
    stream the rest on the same connection."""
    give_back = services.exports.take()
    db = _export_database(services)
    try:
        batches, build = await start(db)
        await batches.prime(db, services.exports.turns)
    except BaseException:
        await db.close()
        give_back()
        raise
    turns = services.exports.turns
    rows = batches(db, turns)
    body: AsyncIterator[bytes]
    extension = "csv" if media_type == CSV else "ndjson"
    if media_type == CSV:
        body, media_type = streams.csv(rows, build, turns, item_type), CSV_MEDIA_TYPE
    else:
        body = streams.ndjson(rows, build, turns)
    name = item_type.__name__.removesuffix("Read").lower()
    headers = {
        "Cache-Control": caching.EXPORTS,
        "Vary": "Accept",
        "Content-Disposition": f'attachment; filename="{name}s.{extension}"',
    }
    return Stream(Holding(body, give_back), media_type=media_type, headers=headers)


@dataclass(frozen=True, slots=True, kw_only=True)
class Export(Generic[SelectionT]):
    """A bulk export: the list's filters as `selection`, and how to start reading them."""

    name: str
    """The collection, plural ("regions"): its path, tag, operation and file name."""
    item: type[msgspec.Struct]
    selection: type[SelectionT]
    """A dataclass of the export's query parameters, annotated as the contract documents them."""
    start: Start[SelectionT]


def export_handler(export: Export[Any]) -> HTTPRouteHandler:
    """GET /<name>/export: everything `selection` selects, in id order, as one stream."""
    annotations = typing.get_type_hints(export.selection, include_extras=True)
    filters = [
        parameter(field.name, annotations[field.name], field.default)
        for field in dataclasses.fields(export.selection)
    ]

    async def run(
        request: AnyRequest, services: Services, format: str | None, **chosen: Any
    ) -> Stream:
        media_type = _media_type(request, format)
        selection = export.selection(**chosen)

        async def start(db: Database) -> tuple[KeysetBatches[Any], Build[Any]]:
            return await export.start(db, selection)

        return await _stream(services, export.item, media_type, start)

    singular = export.name.removesuffix("s")
    handler = make_handler(
        f"export_{export.name}",
        f"Every {singular} the list's filters select, in id order, in one streamed body.",
        [
            parameter("request", AnyRequest),
            parameter("services", NamedDependency[Services]),
            parameter("format", ExportFormat, None),
            *filters,
        ],
        Stream,
        run,
    )
    return get(
        f"/{export.name}/export",
        operation_id=f"export{export.name.title()}",
        summary=f"Export {export.name}",
        tags=[export.name],
        responses=_ERRORS,
        operation_class=streamed(export.item),
    )(handler)


async def _observations(
    db: Database, selection: ObservationSelection
) -> tuple[KeysetBatches[Sequence[Any]], Build[Sequence[Any]]]:
    filters = selection.filters()
    # The unit is checked over the whole selection before the first batch is read.
    convert = await checked_conversion(db, filters, selection.unit)

    async def fetch(db: Database, after: Key | None, limit: int) -> Sequence[Sequence[Any]]:
        return await observation_queries.observation_rows(db, filters, after, limit)

    def build(rows: Sequence[Sequence[Any]]) -> Sequence[ObservationRead]:
        # Built a slice at a time, between other requests (see streams.py).
        return convert([observation_queries.observation_from(row) for row in rows])

    return KeysetBatches(fetch, _row_key, OBSERVATION_BATCH), build


async def _organizations(
    _: Database, selection: OrganizationSelection
) -> tuple[KeysetBatches[OrganizationRead], Build[OrganizationRead]]:
    filters = selection.filters()

    async def fetch(db: Database, after: Key | None, limit: int) -> list[OrganizationRead]:
        return await organization_queries.list_organizations(db, filters, after, limit)

    return KeysetBatches(fetch, _id_key, ORGANIZATION_BATCH), _as_is


async def _regions(
    _: Database, selection: RegionSelection
) -> tuple[KeysetBatches[RegionRead], Build[RegionRead]]:
    filters = selection.filters()

    async def fetch(db: Database, after: Key | None, limit: int) -> list[RegionRead]:
        return await region_queries.list_regions(db, filters, after, limit)

    return KeysetBatches(fetch, _id_key, REGION_BATCH), _as_is


router = Router(
    "/v1",
    route_handlers=[
        export_handler(
            Export(
                name="observations",
                item=ObservationRead,
                selection=ObservationSelection,
                start=_observations,
            )
        ),
        export_handler(
            Export(
                name="organizations",
                item=OrganizationRead,
                selection=OrganizationSelection,
                start=_organizations,
            )
        ),
        export_handler(
            Export(name="regions", item=RegionRead, selection=RegionSelection, start=_regions)
        ),
    ],
)
