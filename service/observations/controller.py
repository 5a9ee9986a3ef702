"""HTTP for observations."""

from __future__ import annotations

from http import HTTPStatus
from typing import Annotated

from litestar import Controller, Response, get
from litestar.di import NamedDependency
from litestar.params import QueryParameter

from schemas.observations import ObservationPage, ObservationRead
from service.db.connection import Database
from service.errors import InvalidParameterError
from service.observations import queries
from service.observations.queries import ObservationFilters
from service.openapi import problem_responses
from service.pagination import LINK_HEADER, Pager
from service.params import (
    IndicatorFilter,
    ObservationId,
    OrganizationFilter,
    PeriodFrom,
    PeriodTo,
    RegionFilter,
)

IncludeSubregions = Annotated[
    bool, QueryParameter(description="With `region`: also observations of every region below it.")
]


class ObservationController(Controller):
    path = "/v1/observations"
    tags = ["observations"]

    @get(
        "/",
        operation_id="listObservations",
        response_headers=[LINK_HEADER],
        summary="List observations",
        responses=problem_responses(HTTPStatus.BAD_REQUEST),
    )
    async def list_observations(
        self,
        db: NamedDependency[Database],
        pager: NamedDependency[Pager],
        indicator: IndicatorFilter = None,
        region: RegionFilter = None,
        include_subregions: IncludeSubregions = False,
        organization: OrganizationFilter = None,
        period_from: PeriodFrom = None,
        period_to: PeriodTo = None,
    ) -> Response[ObservationPage]:
        """Observations in id order; a period filter keeps periods that overlap it."""
        if period_from and period_to and period_from > period_to:
            raise InvalidParameterError("period_to", "must not be before period_from")
        filters = ObservationFilters(
            indicator=indicator,
            region=region,
            include_subregions=include_subregions,
            organization=organization,
            period_from=period_from,
            period_to=period_to,
        )
        rows = await queries.list_observations(db, filters, pager.after, pager.fetch)
        return pager.page(ObservationPage, rows, lambda observation: (observation.id,))

    @get(
        "/{observation_id:str}",
        operation_id="getObservation",
        summary="Get an observation",
        responses=problem_responses(HTTPStatus.BAD_REQUEST, HTTPStatus.NOT_FOUND),
    )
    async def get_observation(
        self, db: NamedDependency[Database], observation_id: ObservationId
    ) -> ObservationRead:
        """One observation with its citation."""
        return await queries.get_observation(db, observation_id)
