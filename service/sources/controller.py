"""HTTP for sources, in the negotiated representation."""

from __future__ import annotations

from http import HTTPStatus

from litestar import Controller, Response, get
from litestar.di import NamedDependency

from schemas.sources import SourcePage, SourceRead
from service.changes.since import parse_since
from service.db.connection import Database
from service.openapi import problem_responses
from service.pagination import LINK_HEADER, Pager
from service.params import SourceId, UpdatedSince
from service.representations import caching
from service.representations.openapi import negotiated
from service.representations.respond import Representation
from service.sources import queries


class SourceController(Controller):
    path = "/v1/sources"
    tags = ["sources"]

    @get(
        "/",
        operation_id="listSources",
        response_headers=[LINK_HEADER],
        summary="List sources",
        responses=problem_responses(HTTPStatus.BAD_REQUEST, HTTPStatus.NOT_ACCEPTABLE),
        operation_class=negotiated(SourcePage),
    )
    async def list_sources(
        self,
        db: NamedDependency[Database],
        pager: NamedDependency[Pager],
        representation: NamedDependency[Representation],
        updated_since: UpdatedSince = None,
    ) -> Response[SourcePage]:
        """Sources in id order, without their text."""
        rows = await queries.list_sources(db, pager.after, pager.fetch, parse_since(updated_since))
        page = pager.page(SourcePage, rows, lambda source: (source.id,))
        return representation.respond(page)

    @get(
        "/{source_id:str}",
        operation_id="getSource",
        summary="Get a source with its text",
        responses=problem_responses(
            HTTPStatus.BAD_REQUEST, HTTPStatus.NOT_FOUND, HTTPStatus.NOT_ACCEPTABLE
        ),
        operation_class=negotiated(SourceRead),
    )
    async def get_source(
        self,
        db: NamedDependency[Database],
        representation: NamedDependency[Representation],
        source_id: SourceId,
    ) -> Response[SourceRead]:
        """One source with its full text, into which every citation's offsets point."""
        source = await queries.get_source(db, source_id)
        return representation.respond(source, caching.SOURCES)
