"""Observations: one value an article states for one region or organization."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from msgspec import Meta

from schemas.base import WireStruct
from schemas.citations import Citation
from schemas.types import Comparator, Slug


class ObservationRead(WireStruct, kw_only=True, frozen=True):
    """Exactly one of `region` and `organization` is set."""

    id: Slug
    indicator: Slug
    region: Slug | None
    organization: Slug | None
    period_start: dt.date | None
    period_end: dt.date | None
    period_label: str | None
    value: Annotated[float, Meta(description="The value in base units of `unit`.")]
    unit: str
    comparator: Annotated[
        Comparator,
        Meta(description="How the true value relates to `value`: 'more than 140' is gt 140."),
    ]
    as_reported: Annotated[str, Meta(description="The article's own words for the number.")]
    citation: Citation


class ObservationPage(WireStruct, kw_only=True, frozen=True):
    items: list[ObservationRead]
    next_cursor: str | None
