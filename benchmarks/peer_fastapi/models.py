"""SQLModel models mapping Growth Atlas's tables, in the full-stack FastAPI template's style.

Table models (`table=True`) with `Relationship()` attributes loaded lazily (SQLAlchemy's default,
as in the template), and "Public" models that FastAPI's `response_model=` validates the ORM
entities into. No `from __future__ import annotations`: SQLModel resolves relationship types at
class creation.
"""

import datetime as dt

from pydantic import AliasChoices
from sqlalchemy import JSON, Column
from sqlmodel import Field, Relationship, SQLModel


def _alias(column: str, name: str) -> AliasChoices:
    """Read `column` off an ORM entity, `name` off the dump FastAPI re-validates."""
    return AliasChoices(column, name)


# ---------------------------------------------------------------- link tables


class RegionCitation(SQLModel, table=True):
    __tablename__ = "region_citations"

    region_id: str = Field(foreign_key="regions.id", primary_key=True)
    citation_id: int = Field(foreign_key="citations.id", primary_key=True)


class OrganizationCitation(SQLModel, table=True):
    __tablename__ = "organization_citations"

    organization_id: str = Field(foreign_key="organizations.id", primary_key=True)
    citation_id: int = Field(foreign_key="citations.id", primary_key=True)


# ---------------------------------------------------------------- citations


class CitationBase(SQLModel):
    quote: str
    start: int
    end: int


class Citation(CitationBase, table=True):
    __tablename__ = "citations"

    id: int | None = Field(default=None, primary_key=True)
    source_id: str


class CitationPublic(SQLModel):
    source: str = Field(validation_alias=_alias("source_id", "source"))
    quote: str
    start: int
    end: int


# ---------------------------------------------------------------- regions


class RegionBase(SQLModel):
    id: str = Field(primary_key=True)
    name: str
    kind: str
    iso_3166: str | None = None


class Region(RegionBase, table=True):
    __tablename__ = "regions"

    parent_id: str | None = Field(default=None, foreign_key="regions.id")
    path: str
    aliases: list[str] = Field(sa_column=Column(JSON, nullable=False))
    search_text: str

    citations: list[Citation] = Relationship(
        link_model=RegionCitation,
        sa_relationship_kwargs={"order_by": "[Citation.source_id, Citation.start]"},
    )


class RegionPublic(SQLModel):
    id: str
    name: str
    kind: str
    parent: str | None = Field(validation_alias=_alias("parent_id", "parent"))
    aliases: list[str]
    iso_3166: str | None
    citations: list[CitationPublic]


class RegionsPublic(SQLModel):
    items: list[RegionPublic]
    next_cursor: str | None


# ---------------------------------------------------------------- indicators and observations


class Indicator(SQLModel, table=True):
    __tablename__ = "indicators"

    id: str = Field(primary_key=True)
    name: str
    description: str
    unit: str


class Observation(SQLModel, table=True):
    __tablename__ = "observations"

    id: str = Field(primary_key=True)
    indicator_id: str = Field(foreign_key="indicators.id")
    region_id: str | None = Field(default=None, foreign_key="regions.id")
    organization_id: str | None = Field(default=None, foreign_key="organizations.id")
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    period_label: str | None = None
    value: float
    comparator: str
    as_reported: str
    citation_id: int = Field(foreign_key="citations.id")

    indicator: Indicator = Relationship()
    citation: Citation = Relationship()

    @property
    def unit(self) -> str:
        return self.indicator.unit


class ObservationPublic(SQLModel):
    id: str
    indicator: str = Field(validation_alias=_alias("indicator_id", "indicator"))
    region: str | None = Field(validation_alias=_alias("region_id", "region"))
    organization: str | None = Field(validation_alias=_alias("organization_id", "organization"))
    period_start: dt.date | None
    period_end: dt.date | None
    period_label: str | None
    value: float
    unit: str
    comparator: str
    as_reported: str
    citation: CitationPublic


class ObservationsPublic(SQLModel):
    items: list[ObservationPublic]
    next_cursor: str | None


# ---------------------------------------------------------------- organizations


class OrganizationSector(SQLModel, table=True):
    __tablename__ = "organization_sectors"

    organization_id: str = Field(foreign_key="organizations.id", primary_key=True)
    sector: str = Field(primary_key=True)


class OrganizationRegion(SQLModel, table=True):
    __tablename__ = "organization_regions"

    id: int | None = Field(default=None, primary_key=True)
    organization_id: str = Field(foreign_key="organizations.id")
    region_id: str = Field(foreign_key="regions.id")
    role: str
    citation_id: int = Field(foreign_key="citations.id")

    citation: Citation = Relationship()


class OrganizationRelation(SQLModel, table=True):
    __tablename__ = "organization_relations"

    id: int | None = Field(default=None, primary_key=True)
    subject_id: str = Field(foreign_key="organizations.id")
    kind: str
    object_id: str = Field(foreign_key="organizations.id")
    citation_id: int = Field(foreign_key="citations.id")

    citation: Citation = Relationship()


class Organization(SQLModel, table=True):
    __tablename__ = "organizations"

    id: str = Field(primary_key=True)
    name: str
    short_name: str | None = None
    kind: str
    description: str | None = None
    aliases: list[str] = Field(sa_column=Column(JSON, nullable=False))
    search_text: str

    sector_links: list[OrganizationSector] = Relationship(
        sa_relationship_kwargs={"order_by": "OrganizationSector.sector"}
    )
    region_links: list[OrganizationRegion] = Relationship(
        sa_relationship_kwargs={
            "order_by": "[OrganizationRegion.role, OrganizationRegion.region_id]"
        }
    )
    subject_of: list[OrganizationRelation] = Relationship(
        sa_relationship_kwargs={
            "foreign_keys": "[OrganizationRelation.subject_id]",
            "order_by": "OrganizationRelation.id",
        }
    )
    object_of: list[OrganizationRelation] = Relationship(
        sa_relationship_kwargs={
            "foreign_keys": "[OrganizationRelation.object_id]",
            "order_by": "OrganizationRelation.id",
        }
    )
    citations: list[Citation] = Relationship(
        link_model=OrganizationCitation,
        sa_relationship_kwargs={"order_by": "[Citation.source_id, Citation.start]"},
    )

    @property
    def sectors(self) -> list[str]:
        return [link.sector for link in self.sector_links]

    @property
    def headquarters(self) -> str | None:
        return next((r.region_id for r in self.region_links if r.role == "headquarters"), None)

    @property
    def regions(self) -> list[OrganizationRegion]:
        return self.region_links

    @property
    def relations(self) -> list[OrganizationRelation]:
        return sorted([*self.subject_of, *self.object_of], key=lambda relation: relation.id or 0)


class OrganizationRegionPublic(SQLModel):
    region: str = Field(validation_alias=_alias("region_id", "region"))
    role: str
    citation: CitationPublic


class RelationPublic(SQLModel):
    subject: str = Field(validation_alias=_alias("subject_id", "subject"))
    kind: str
    object: str = Field(validation_alias=_alias("object_id", "object"))
    citation: CitationPublic


class OrganizationPublic(SQLModel):
    id: str
    name: str
    short_name: str | None
    kind: str
    headquarters: str | None
    sectors: list[str]
    aliases: list[str]
    description: str | None
    regions: list[OrganizationRegionPublic]
    relations: list[RelationPublic]
    citations: list[CitationPublic]


class OrganizationsPublic(SQLModel):
    items: list[OrganizationPublic]
    next_cursor: str | None
