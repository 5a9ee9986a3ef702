"""HTTP for indicators, in the negotiated representation."""

from __future__ import annotations

from http import HTTPStatus

from litestar import Controller, Response, get
from litestar.di import NamedDependency

from schemas.indicators import IndicatorPage, IndicatorRead
from service.changes.since import parse_since
from service.db.connection import Database
from service.indicators import queries
from service.openapi import problem_responses
from service.pagination import LINK_HEADER, Pager
from service.params import IndicatorId, UpdatedSince
from service.representations.openapi import negotiated
from service.representations.respond import Representation


class IndicatorController(Controller):
    path = "/v1/indicators"
    tags = ["indicators"]

    @get(
        "/",
        operation_id="listIndicators",
        response_headers=[LINK_HEADER],
        summary="List indicators",
        responses=problem_responses(HTTPStatus.BAD_REQUEST, HTTPStatus.NOT_ACCEPTABLE),
        operation_class=negotiated(IndicatorPage),
    )
    async def list_indicators(
        self,
        db: NamedDependency[Database],
        pager: NamedDependency[Pager],
        representation: NamedDependency[Representation],
        updated_since: UpdatedSince = None,
    ) -> Response[IndicatorPage]:
        """Indicator definitions in id order."""
        rows = await queries.list_indicators(
            db, pager.after, pager.fetch, parse_since(updated_since)
        )
        page = pager.page(IndicatorPage, rows, lambda indicator: (indicator.id,))
        return representation.respond(page)

    @get(
        "/{indicator_id:str}",
        operation_id="getIndicator",
        summary="Get an indicator",
        responses=problem_responses(
            HTTPStatus.BAD_REQUEST, HTTPStatus.NOT_FOUND, HTTPStatus.NOT_ACCEPTABLE
        ),
        operation_class=negotiated(IndicatorRead),
    )
    async def get_indicator(
        self,
        db: NamedDependency[Database],
        representation: NamedDependency[Representation],
        indicator_id: IndicatorId,
    ) -> Response[IndicatorRead]:
        """One indicator: what it measures and its unit."""
        return representation.respond(await queries.get_indicator(db, indicator_id))
