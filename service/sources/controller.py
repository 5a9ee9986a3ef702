"""HTTP for sources."""

from __future__ import annotations

from http import HTTPStatus

from litestar import Controller, Response, get
from litestar.di import NamedDependency

from schemas.sources import SourcePage, SourceRead
from service.db.connection import Database
from service.openapi import problem_responses
from service.pagination import LINK_HEADER, Pager
from service.params import SourceId
from service.sources import queries


class SourceController(Controller):
    path = "/v1/sources"
    tags = ["sources"]

    @get(
        "/",
        operation_id="listSources",
        response_headers=[LINK_HEADER],
        summary="List sources",
        responses=problem_responses(HTTPStatus.BAD_REQUEST),
    )
    async def list_sources(
        self, db: NamedDependency[Database], pager: NamedDependency[Pager]
    ) -> Response[SourcePage]:
        """Sources in id order, without their text."""
        rows = await queries.list_sources(db, pager.after, pager.fetch)
        return pager.page(SourcePage, rows, lambda source: (source.id,))

    @get(
        "/{source_id:str}",
        operation_id="getSource",
        summary="Get a source with its text",
        responses=problem_responses(HTTPStatus.BAD_REQUEST, HTTPStatus.NOT_FOUND),
    )
    async def get_source(self, db: NamedDependency[Database], source_id: SourceId) -> SourceRead:
        """One source with its full text, into which every citation's offsets point."""
        return await queries.get_source(db, source_id)
