"""Path and query parameters shared by controllers, each bounded and documented once."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from litestar.openapi.spec import Example
from litestar.openapi.spec.enums import OpenAPIFormat
from litestar.params import PathParameter, QueryParameter

from schemas.types import SLUG_MAX_LENGTH, SLUG_PATTERN, OrganizationKind, RegionKind
from service.units import UnitCode


def _slug(description: str, example: str, *, query: bool = False) -> PathParameter | QueryParameter:
    kind = QueryParameter if query else PathParameter
    return kind(
        description=description,
        pattern=SLUG_PATTERN,
        min_length=1,
        max_length=SLUG_MAX_LENGTH,
        examples=[Example(summary=example, value=example)],
    )


RegionId = Annotated[str, _slug("Region id.", "xiangjiang-new-area")]
OrganizationId = Annotated[str, _slug("Organization id.", "zoomlion")]
IndicatorId = Annotated[str, _slug("Indicator id.", "gdp")]
ObservationId = Annotated[str, _slug("Observation id.", "xiangjiang-new-area-gdp-2023")]
SourceId = Annotated[str, _slug("Source id.", "global-rd-resources-shape-hunans-growth-drivers")]

SearchText = Annotated[
    str | None,
    QueryParameter(
        description="Case-insensitive text to find in the name or any alias.",
        min_length=1,
        max_length=200,
        pattern=r"^[^\x00]*$",  # PostgreSQL text cannot hold NUL: refuse it as a 400
    ),
]
UpdatedSince = Annotated[
    str | None,
    QueryParameter(
        description=(
            "Only items created or changed at or after this RFC 3339 moment (UTC when it has "
            "no offset). With `/v1/changes`, how a mirror catches up."
        ),
        format=OpenAPIFormat.DATE_TIME,
        max_length=40,
        examples=[Example(value="2026-01-01T00:00:00Z")],
    ),
]
RegionFilter = Annotated[str | None, _slug("Only items in this region.", "changsha", query=True)]
OrganizationFilter = Annotated[
    str | None, _slug("Only items about this organization.", "zoomlion", query=True)
]
IndicatorFilter = Annotated[str | None, _slug("Only this indicator.", "gdp", query=True)]
ParentFilter = Annotated[
    str | None, _slug("Only the direct children of this region.", "hunan", query=True)
]
SectorFilter = Annotated[
    str | None, _slug("Only organizations in this sector.", "construction-machinery", query=True)
]
PeriodFrom = Annotated[
    dt.date | None,
    QueryParameter(
        description="Only periods ending on or after this ISO 8601 date; not after `period_to`.",
        examples=[Example(value="2023-01-01")],
    ),
]
PeriodTo = Annotated[
    dt.date | None,
    QueryParameter(
        description="Only periods starting on or before this ISO 8601 date.",
        examples=[Example(value="2023-12-31")],
    ),
]
RegionKindFilter = Annotated[
    RegionKind | None, QueryParameter(description="Only regions of this kind.")
]
OrganizationKindFilter = Annotated[
    OrganizationKind | None, QueryParameter(description="Only organizations of this kind.")
]
UnitParam = Annotated[
    UnitCode | None,
    QueryParameter(
        description=(
            "Express every value in this unit: CNY_billion turns 450000000000 CNY into 450. "
            "Only between scales of one base unit (CNY, CNY_thousand, ..., CNY_trillion); a "
            "selected observation in another base (percent, USD) makes the request a 400."
        )
    ),
]
