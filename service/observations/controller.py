"""HTTP for observations, in the negotiated representation and, on request, another unit."""

from __future__ import annotations

import dataclasses
import datetime as dt
from http import HTTPStatus
from typing import Annotated

from litestar import Controller, Response, get
from litestar.di import NamedDependency
from litestar.params import QueryParameter

from schemas.observations import ObservationPage, ObservationRead
from service.changes.since import parse_since
from service.db.connection import Database
from service.errors import InvalidParameterError
from service.exports.conversion import checked_conversion
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
    UnitParam,
    UpdatedSince,
)
from service.representations.openapi import negotiated
from service.representations.respond import Representation

IncludeSubregions = Annotated[
    bool, QueryParameter(description="With `region`: also observations of every region below it.")
]


def observation_filters(
    indicator: str | None,
    region: str | None,
    include_subregions: bool,
    organization: str | None,
    period_from: dt.date | None,
    period_to: dt.date | None,
) -> ObservationFilters:
    """The filters of a list or an export; a period ending before it starts is a 400."""
    if period_from and period_to and period_from > period_to:
        raise InvalidParameterError("period_to", "must not be before period_from")
    return ObservationFilters(
        indicator=indicator,
        region=region,
        include_subregions=include_subregions,
        organization=organization,
        period_from=period_from,
        period_to=period_to,
    )


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
            indicator, region, include_subregions, organization, period_from, period_to
        )
        filters = dataclasses.replace(filters, updated_since=parse_since(updated_since))
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
