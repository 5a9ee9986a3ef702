"""Observations: one value an article states for one region or organization."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from msgspec import UNSET, Meta, UnsetType

from schemas.base import WireStruct
from schemas.citations import Citation, CitationInput
from schemas.types import Comparator, Label, Name, Slug

Value = Annotated[
    float,
    Meta(ge=-1e18, le=1e18, description="The value in base units of the indicator's unit."),
]


class ObservationRead(WireStruct, kw_only=True, frozen=True):
    """Exactly one of `region` and `organization` is set."""

    id: Slug
    indicator: Slug
    region: Slug | None
    organization: Slug | None
    period_start: dt.date | None
    period_end: dt.date | None
    period_label: str | None
    value: Annotated[float, Meta(description="The value in `unit` (base units unless `?unit=`).")]
    unit: Annotated[str, Meta(description="Unit code of `value`: CNY, CNY_billion, percent, ...")]
    unit_base: Annotated[
        str, Meta(description="The unit `unit` is a multiple of: CNY for CNY_billion.")
    ]
    unit_scale: Annotated[
        float,
        Meta(description="Base units in one `unit` (1e9 for CNY_billion): value * unit_scale."),
    ]
    comparator: Annotated[
        Comparator,
        Meta(description="How the true value relates to `value`: 'more than 140' is gt 140."),
    ]
    as_reported: Annotated[str, Meta(description="The article's own words for the number.")]
    citation: Citation


class ObservationPage(WireStruct, kw_only=True, frozen=True):
    items: list[ObservationRead]
    next_cursor: str | None


class ObservationCreate(WireStruct, kw_only=True, frozen=True):
    """A stated value. Exactly one of `region` and `organization`; `as_reported` must occur in the
    citation's quote, and when it holds a number this service can read, it must state `value`."""

    id: Slug
    indicator: Slug
    region: Slug | None = None
    organization: Slug | None = None
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    period_label: Label | None = None
    value: Value
    comparator: Comparator = "eq"
    as_reported: Name
    citation: CitationInput


class ObservationUpdate(WireStruct, kw_only=True, frozen=True):
    """The fields to change; the result is checked as a whole, as on create."""

    indicator: Slug | UnsetType = UNSET
    region: Slug | UnsetType | None = UNSET
    organization: Slug | UnsetType | None = UNSET
    period_start: dt.date | UnsetType | None = UNSET
    period_end: dt.date | UnsetType | None = UNSET
    period_label: Label | UnsetType | None = UNSET
    value: Value | UnsetType = UNSET
    comparator: Comparator | UnsetType = UNSET
    as_reported: Name | UnsetType = UNSET
    citation: CitationInput | UnsetType = UNSET
