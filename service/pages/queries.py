"""SQL the pages need beyond the API's reads. Knows nothing of HTTP or HTML."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import CompoundSelect, literal, or_, select, union
from sqlalchemy.orm import aliased
from sqlmodel import col

from schemas.citations import Citation as CitationOut
from service.db.connection import Database
from service.db.tables import (
    Citation,
    Indicator,
    Observation,
    Organization,
    OrganizationCitation,
    OrganizationRegion,
    OrganizationRelation,
    Region,
    RegionCitation,
    Source,
)
from service.db.typing import AnySelect
from service.extraction.gazetteer import KnownEntity
from service.gazetteer import known_entities
from service.observations.queries import observation_from, observation_select

# A page shows this many observations at most; the JSON API pages through any number.
MAX_FACTS = 500
MAX_TREE = 2000


@dataclass(frozen=True, slots=True)
class Fact:
    """An observation with the names a page writes beside its ids."""

    id: str
    indicator: str
    indicator_name: str
    unit: str
    subject_kind: str
    subject: str
    subject_name: str
    period_start: dt.date | None
    period_end: dt.date | None
    period_label: str | None
    value: float
    comparator: str
    as_reported: str
    citation: CitationOut


@dataclass(frozen=True, slots=True)
class TreeRow:
    id: str
    name: str
    kind: str
    path: str
    """Ids from the root down to this region: "china/hunan/changsha"."""


_SUBJECT_REGION = aliased(Region)
_SUBJECT_ORGANIZATION = aliased(Organization)


def _facts() -> AnySelect:
    return (
        observation_select()
        .add_columns(
            col(Indicator.name), col(_SUBJECT_REGION.name), col(_SUBJECT_ORGANIZATION.name)
        )
        .outerjoin(_SUBJECT_REGION, col(_SUBJECT_REGION.id) == col(Observation.region_id))
        .outerjoin(
            _SUBJECT_ORGANIZATION,
            col(_SUBJECT_ORGANIZATION.id) == col(Observation.organization_id),
        )
        .limit(MAX_FACTS)
    )


def _fact(row: Any) -> Fact:
    # The observation's columns, then the three names `_facts` adds.
    observation = observation_from(row[:-3])
    indicator_name, region_name, organization_name = row[-3:]
    if observation.region is not None:
        kind, subject, subject_name = "region", observation.region, region_name
    else:
        # Exactly one of the two is set: the table's check constraint says so.
        assert observation.organization is not None
        kind, subject, subject_name = "organization", observation.organization, organization_name
    return Fact(
        id=observation.id,
        indicator=observation.indicator,
        indicator_name=indicator_name,
        unit=observation.unit,
        subject_kind=kind,
        subject=subject,
        subject_name=subject_name,
        period_start=observation.period_start,
        period_end=observation.period_end,
        period_label=observation.period_label,
        value=observation.value,
        comparator=observation.comparator,
        as_reported=observation.as_reported,
        citation=observation.citation,
    )


_FACTS = _facts()


async def facts_citing(db: Database, source_id: str) -> list[Fact]:
    """The observations read from one source, in text order."""
    stmt = _FACTS.where(col(Citation.source_id) == source_id).order_by(
        col(Citation.start), col(Observation.id)
    )
    return [_fact(row) for row in await db.execute(stmt)]


async def facts_about(db: Database, kind: str, subject_id: str) -> list[Fact]:
    """The observations of one region or organization, by indicator, then period."""
    column = Observation.region_id if kind == "region" else Observation.organization_id
    stmt = _FACTS.where(col(column) == subject_id).order_by(
        col(Indicator.name), col(Observation.period_end), col(Observation.id)
    )
    return [_fact(row) for row in await db.execute(stmt)]


async def source_titles(db: Database, ids: Iterable[str]) -> list[tuple[str, str]]:
    """Each source's id and title (its id when it has none), in id order."""
    stmt = (
        select(col(Source.id), col(Source.title))
        .where(col(Source.id).in_(list(ids)))
        .order_by(col(Source.id))
    )
    return [(sid, title or sid) for sid, title in await db.execute(stmt)]


async def region_tree(db: Database) -> list[TreeRow]:
    """Regions with their materialised paths, ancestors first."""
    stmt = (
        select(col(Region.id), col(Region.name), col(Region.kind), col(Region.path))
        .order_by(col(Region.path))
        .limit(MAX_TREE)
    )
    return [TreeRow(*row) for row in await db.execute(stmt)]


async def names_in_source(db: Database, source_id: str, text: str) -> list[KnownEntity]:
    """Regions and organizations this source is cited for, states facts about, or names.

    "Names" is a superset read in SQL (the name or short name occurs in the text, `%` and `_`
    in a name acting as wildcards); the page then matches names as whole words.
    """
    cites = col(Citation.source_id) == source_id
    regions: CompoundSelect[tuple[str]] = union(
        select(col(RegionCitation.region_id))
        .join(Citation, col(Citation.id) == col(RegionCitation.citation_id))
        .where(cites),
        select(col(Observation.region_id))
        .join(Citation, col(Citation.id) == col(Observation.citation_id))
        .where(cites, col(Observation.region_id).is_not(None)),
    )
    organizations: CompoundSelect[tuple[str]] = union(
        *(
            select(link).join(Citation, col(Citation.id) == citation).where(cites)
            for link, citation in _ORGANIZATION_CITATIONS
        ),
        select(col(Observation.organization_id))
        .join(Citation, col(Citation.id) == col(Observation.citation_id))
        .where(cites, col(Observation.organization_id).is_not(None)),
    )
    in_text = literal(text)
    return await known_entities(
        db,
        or_(col(Region.id).in_(select(regions.subquery())), in_text.contains(col(Region.name))),
        or_(
            col(Organization.id).in_(select(organizations.subquery())),
            in_text.contains(col(Organization.name)),
            in_text.contains(col(Organization.short_name)),
        ),
    )


_ORGANIZATION_CITATIONS = (
    (col(OrganizationCitation.organization_id), col(OrganizationCitation.citation_id)),
    (col(OrganizationRegion.organization_id), col(OrganizationRegion.citation_id)),
    (col(OrganizationRelation.subject_id), col(OrganizationRelation.citation_id)),
    (col(OrganizationRelation.object_id), col(OrganizationRelation.citation_id)),
)


async def names_of(
    db: Database, regions: Iterable[str], organizations: Iterable[str]
) -> list[KnownEntity]:
    """The named regions and organizations, for pages that link to them by name."""
    return await known_entities(
        db, col(Region.id).in_(list(regions)), col(Organization.id).in_(list(organizations))
    )
