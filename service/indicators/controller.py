"""HTTP for indicators."""

from __future__ import annotations

from http import HTTPStatus

from litestar import Controller, Response, get
from litestar.di import NamedDependency

from schemas.indicators import IndicatorPage, IndicatorRead
from service.db.connection import Database
from service.indicators import queries
from service.openapi import problem_responses
from service.pagination import LINK_HEADER, Pager
from service.params import IndicatorId


class IndicatorController(Controller):
    path = "/v1/indicators"
    tags = ["indicators"]

    @get(
        "/",
        operation_id="listIndicators",
        response_headers=[LINK_HEADER],
        summary="List indicators",
        responses=problem_responses(HTTPStatus.BAD_REQUEST),
    )
    async def list_indicators(
        self, db: NamedDependency[Database], pager: NamedDependency[Pager]
    ) -> Response[IndicatorPage]:
        """Indicator definitions in id order."""
        rows = await queries.list_indicators(db, pager.after, pager.fetch)
        return pager.page(IndicatorPage, rows, lambda indicator: (indicator.id,))

    @get(
        "/{indicator_id:str}",
        operation_id="getIndicator",
        summary="Get an indicator",
        responses=problem_responses(HTTPStatus.BAD_REQUEST, HTTPStatus.NOT_FOUND),
    )
    async def get_indicator(
        self, db: NamedDependency[Database], indicator_id: IndicatorId
    ) -> IndicatorRead:
        """One indicator: what it measures and its unit."""
        return await queries.get_indicator(db, indicator_id)
