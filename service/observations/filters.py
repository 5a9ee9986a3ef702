"""The observation filters of the list and the export, read from their query parameters."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from litestar.params import QueryParameter

from service.changes.since import parse_since
from service.errors import InvalidParameterError
from service.observations.queries import ObservationFilters

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
    updated_since: str | None = None,
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
        updated_since=parse_since(updated_since),
    )
