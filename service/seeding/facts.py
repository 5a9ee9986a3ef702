"""The curated facts file (`seeds/facts.yaml`): its shape, decoded strictly by msgspec."""

from __future__ import annotations

import datetime as dt

import msgspec

from schemas.types import (
    Comparator,
    OrganizationKind,
    RegionKind,
    RegionRole,
    RelationKind,
    Slug,
)


class SeedStruct(msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=True):
    """Base of every record in the facts file: a typo in a key is an error, not a silent default."""


class QuoteRef(SeedStruct, kw_only=True, frozen=True):
    """A verbatim sentence (or part of one) of a source; `start` only where the quote recurs."""

    source: Slug
    quote: str
    start: int | None = None


class SourceFact(SeedStruct, kw_only=True, frozen=True):
    id: Slug
    file: str
    title: str | None = None
    publisher: str | None = None
    published_on: dt.date | None = None
    authors: list[str] = []
    url: str | None = None
    language: str


class RegionFact(SeedStruct, kw_only=True, frozen=True):
    id: Slug
    name: str
    kind: RegionKind
    parent: Slug | None = None
    aliases: list[str] = []
    iso_3166: str | None = None
    citations: list[QuoteRef]


class OrganizationFact(SeedStruct, kw_only=True, frozen=True):
    id: Slug
    name: str
    short_name: str | None = None
    kind: OrganizationKind
    sectors: list[Slug] = []
    aliases: list[str] = []
    description: str | None = None
    citations: list[QuoteRef]


class OrganizationRegionFact(SeedStruct, kw_only=True, frozen=True):
    organization: Slug
    region: Slug
    role: RegionRole
    citation: QuoteRef


class RelationFact(SeedStruct, kw_only=True, frozen=True):
    subject: Slug
    kind: RelationKind
    object: Slug
    citation: QuoteRef


class IndicatorFact(SeedStruct, kw_only=True, frozen=True):
    id: Slug
    name: str
    description: str
    unit: str


class ObservationFact(SeedStruct, kw_only=True, frozen=True):
    id: Slug
    indicator: Slug
    region: Slug | None = None
    organization: Slug | None = None
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    period_label: str | None = None
    value: float
    comparator: Comparator
    as_reported: str
    # The quote's words for the period ("in the first three quarters of 2023"); numbers in them
    # count as covered by this observation.
    period_as_reported: str | None = None
    citation: QuoteRef


class UnquantifiedNumber(SeedStruct, kw_only=True, frozen=True):
    """A number in an article that is deliberately not an observation, and why."""

    source: Slug
    number: str
    context: str
    reason: str


class SeedFacts(SeedStruct, kw_only=True, frozen=True):
    sources: list[SourceFact]
    regions: list[RegionFact]
    organizations: list[OrganizationFact]
    organization_regions: list[OrganizationRegionFact] = []
    relations: list[RelationFact] = []
    indicators: list[IndicatorFact]
    observations: list[ObservationFact]
    unquantified_numbers: list[UnquantifiedNumber] = []
