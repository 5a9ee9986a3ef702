"""The observation filters of the list and the export, as their query parameters."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from litestar.params import QueryParameter

from service.changes.since import parse_since
from service.errors import InvalidParameterError
from service.observations.queries import ObservationFilters
from service.params import (
    IndicatorFilter,
    OrganizationFilter,
    PeriodFrom,
    PeriodTo,
    RegionFilter,
    UnitParam,
    UpdatedSince,
)

IncludeSubregions = Annotated[
    bool, QueryParameter(description="With `region`: also observations of every region below it.")
]


@dataclass(frozen=True, slots=True, kw_only=True)
class ObservationSelection:
    """The parameters of the export: which observations, and in which unit."""

    indicator: IndicatorFilter = None
    region: RegionFilter = None
    include_subregions: IncludeSubregions = False
    organization: OrganizationFilter = None
    period_from: PeriodFrom = None
    period_to: PeriodTo = None
    unit: UnitParam = None

    def filters(self) -> ObservationFilters:
        """The selection as the queries take it; a period ending before it starts is a 400."""
        return self._filters(None)

    def _filters(self, updated_since: str | None) -> ObservationFilters:
        if self.period_from and self.period_to and self.period_from > self.period_to:
            raise InvalidParameterError("period_to", "must not be before period_from")
        return ObservationFilters(
            indicator=self.indicator,
            region=self.region,
            include_subregions=self.include_subregions,
            organization=self.organization,
            period_from=self.period_from,
            period_to=self.period_to,
            updated_since=parse_since(updated_since),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class ObservationQuery(ObservationSelection):
    """The parameters of the list: the export's, and what changed since a moment."""

    updated_since: UpdatedSince = None

    def filters(self) -> ObservationFilters:
        return self._filters(self.updated_since)
