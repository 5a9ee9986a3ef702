"""HTTP for observations, in the negotiated representation and, on request, another unit."""

from __future__ import annotations

from http import HTTPStatus

from litestar import Controller, Response, get
from litestar.di import NamedDependency

from schemas.observations import ObservationPage, ObservationRead
from service.db.connection import Database
from service.observations import queries
from service.observations.conversion import checked_conversion
from service.observations.filters import IncludeSubregions, observation_filters
from service.openapi import problem_responses
from service.pagination import LINK_HEADER, Pager
from service.params import (
    IndicatorFilter,
    ObservationId,
    OrganizationFilter,
    PeriodFrom,
    PeriodTo,
    RegionFilter,
    UnitParam,
    UpdatedSince,
)
from service.representations.openapi import negotiated
from service.representations.respond import Representation


class ObservationController(Controller):
    path = "/v1/observations"
    tags = ["observations"]

    @get(
        "/",
        operation_id="listObservations",
        response_headers=[LINK_HEADER],
        summary="List observations",
        responses=problem_responses(HTTPStatus.BAD_REQUEST, HTTPStatus.NOT_ACCEPTABLE),
        operation_class=negotiated(ObservationPage),
    )
    async def list_observations(
        self,
        db: NamedDependency[Database],
        pager: NamedDependency[Pager],
        representation: NamedDependency[Representation],
        indicator: IndicatorFilter = None,
        region: RegionFilter = None,
        include_subregions: IncludeSubregions = False,
        organization: OrganizationFilter = None,
        period_from: PeriodFrom = None,
        period_to: PeriodTo = None,
        unit: UnitParam = None,
        updated_since: UpdatedSince = None,
    ) -> Response[ObservationPage]:
        """Observations in id order; a period filter keeps periods that overlap it."""
        filters = observation_filters(
            indicator,
            region,
            include_subregions,
            organization,
            period_from,
            period_to,
            updated_since,
        )
        convert = await checked_conversion(db, filters, unit)
        rows = await queries.list_observations(db, filters, pager.after, pager.fetch)
        page = pager.page(ObservationPage, convert(rows), lambda item: (item.id,))
        return representation.respond(page)

    @get(
        "/{observation_id:str}",
        operation_id="getObservation",
        summary="Get an observation",
        responses=problem_responses(
            HTTPStatus.BAD_REQUEST, HTTPStatus.NOT_FOUND, HTTPStatus.NOT_ACCEPTABLE
        ),
        operation_class=negotiated(ObservationRead),
    )
    async def get_observation(
        self,
        db: NamedDependency[Database],
        representation: NamedDependency[Representation],
        observation_id: ObservationId,
    ) -> Response[ObservationRead]:
        """One observation with its citation, its value in base units."""
        return representation.respond(await queries.get_observation(db, observation_id))
