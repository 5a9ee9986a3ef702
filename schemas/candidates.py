"""Candidates: facts the extractor proposed from a stored source, waiting for a curator.

A candidate is `proposed` until a curator accepts it (it becomes an observation) or rejects it
(with a reason); a later extraction of the same source marks the candidates still proposed
`superseded`. Offsets count code points of the source's text, like citations.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from msgspec import UNSET, Meta, UnsetType

from schemas.base import WireStruct
from schemas.citations import Citation, Offset
from schemas.extraction import Confidence, IndicatorRef, SubjectRead
from schemas.observations import Value
from schemas.types import (
    Comparator,
    Description,
    Label,
    Name,
    OrganizationKind,
    RegionKind,
    Slug,
    UnitCode,
)

CandidateStatus = Literal["proposed", "accepted", "rejected", "superseded"]
CandidateId = Annotated[int, Meta(ge=1, le=9_007_199_254_740_991)]
# A string, not a datetime: MessagePack would carry a datetime as a timestamp extension, and
# every representation of a GET must have the same structure (JSON's string).
Timestamp = Annotated[
    str, Meta(description="RFC 3339, UTC.", examples=["2026-11-30T06:00:00.000000Z"])
]


class CandidateRead(WireStruct, kw_only=True, frozen=True):
    """A proposed fact: the quantity at `start`..`end`, its subject, indicator and period."""

    id: CandidateId
    source: Slug
    extractor: Annotated[str, Meta(description="Version of the extractor that proposed it.")]
    status: CandidateStatus
    start: Annotated[Offset, Meta(description="Offset of the quantity's first code point.")]
    end: Annotated[Offset, Meta(description="Offset just past the quantity's last code point.")]
    value: Annotated[float, Meta(description="The value in `unit`.")]
    unit: str
    unit_base: str
    unit_scale: float
    comparator: Comparator
    as_reported: Annotated[str, Meta(description="The source's own words for the number.")]
    subject: SubjectRead
    subject_suggested_kind: Annotated[
        str | None, Meta(description="For a proposed subject, the kind it looks like.")
    ]
    indicator: IndicatorRef
    period_start: dt.date | None
    period_end: dt.date | None
    period_label: str | None
    citation: Annotated[Citation, Meta(description="The sentence that states the fact.")]
    confidence: Confidence
    conversion: Annotated[
        bool, Meta(description="True when the fact restates another in another currency.")
    ]
    reason: Annotated[str | None, Meta(description="Why a curator rejected it.")]
    observation: Annotated[
        Slug | None, Meta(description="The observation made from it, once accepted.")
    ]
    created_at: Timestamp
    updated_at: Timestamp


class CandidatePage(WireStruct, kw_only=True, frozen=True):
    items: list[CandidateRead]
    next_cursor: str | None


class ExtractionSummary(WireStruct, kw_only=True, frozen=True):
    """What one extraction of a source did to its candidates."""

    facts: Annotated[int, Meta(ge=0, description="Facts the extractor read in the text.")]
    proposed: Annotated[int, Meta(ge=0, description="New candidates stored, now proposed.")]
    superseded: Annotated[
        int, Meta(ge=0, description="Candidates of earlier runs, still proposed, now superseded.")
    ]
    already_accepted: Annotated[
        int, Meta(ge=0, description="Facts not proposed again: a curator accepted them before.")
    ]


class ExtractionRunRead(WireStruct, kw_only=True, frozen=True):
    """One extraction of a stored source: its counts and the candidates it proposed."""

    source: Slug
    extractor: str
    summary: ExtractionSummary
    candidates: list[CandidateRead]


class NewRegionInput(WireStruct, kw_only=True, frozen=True):
    """A region to create as the subject; what is left out comes from the proposal."""

    id: Slug | UnsetType = UNSET
    name: Name | UnsetType = UNSET
    kind: RegionKind | UnsetType = UNSET
    parent: Slug | None = None


class NewOrganizationInput(WireStruct, kw_only=True, frozen=True):
    """An organization to create as the subject; what is left out comes from the proposal."""

    id: Slug | UnsetType = UNSET
    name: Name | UnsetType = UNSET
    short_name: Name | None = None
    kind: OrganizationKind | UnsetType = UNSET


class NewIndicatorInput(WireStruct, kw_only=True, frozen=True):
    """An indicator to create; by default named as proposed, in the value's base unit."""

    id: Slug | UnsetType = UNSET
    name: Name | UnsetType = UNSET
    description: Description | UnsetType = UNSET
    unit: UnitCode | UnsetType = UNSET


class CandidateAcceptInput(WireStruct, kw_only=True, frozen=True):
    """Corrections to apply as the candidate becomes an observation; all optional.

    Give at most one subject (`region`, `organization`, `new_region`, `new_organization`) and
    at most one of `indicator` and `new_indicator`. A proposed subject or indicator (id null)
    is created as proposed unless one of these names another. `value` is in base units of
    the indicator's unit; `observation_id` defaults to subject-indicator-period.
    """

    observation_id: Slug | UnsetType = UNSET
    indicator: Slug | UnsetType = UNSET
    new_indicator: NewIndicatorInput | UnsetType = UNSET
    region: Slug | UnsetType = UNSET
    organization: Slug | UnsetType = UNSET
    new_region: NewRegionInput | UnsetType = UNSET
    new_organization: NewOrganizationInput | UnsetType = UNSET
    period_start: dt.date | UnsetType | None = UNSET
    period_end: dt.date | UnsetType | None = UNSET
    period_label: Label | UnsetType | None = UNSET
    value: Value | UnsetType = UNSET
    comparator: Comparator | UnsetType = UNSET
    as_reported: Name | UnsetType = UNSET


class CandidateRejectInput(WireStruct, kw_only=True, frozen=True):
    reason: Annotated[Name, Meta(description="Why the candidate is not a fact worth keeping.")]
