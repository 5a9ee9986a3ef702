"""SQLModel tables: the storage model. They never leave `service/`; the wire speaks `schemas`."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from schemas.types import SLUG_MAX_LENGTH
from service.db.clock import utc_now

# Constraint names are explicit so that migrations can refer to them on every backend.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

SLUG_LENGTH = SLUG_MAX_LENGTH
NAME_LENGTH = 300


def updated_at_column() -> sa.Column[dt.datetime]:
    """When the row last changed: what `updated_since` filters on.

    The Python default covers inserts through SQLAlchemy on every backend; the server default
    covers bulk loads (COPY) on PostgreSQL.
    """
    return sa.Column(
        sa.DateTime(timezone=True),
        nullable=False,
        default=utc_now,
        server_default=sa.func.current_timestamp(),
        index=True,
    )


class Source(SQLModel, table=True):
    __tablename__ = "sources"

    id: str = Field(primary_key=True, max_length=SLUG_LENGTH)
    title: str | None = Field(default=None, max_length=NAME_LENGTH)
    publisher: str | None = Field(default=None, max_length=NAME_LENGTH)
    published_on: dt.date | None = None
    authors: list[str] = Field(sa_column=sa.Column(sa.JSON, nullable=False))
    url: str | None = Field(default=None, max_length=2048)
    language: str = Field(max_length=16)
    text: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    updated_at: dt.datetime = Field(sa_column=updated_at_column())


class Citation(SQLModel, table=True):
    """A span of a source's text; `quote` repeats the span so readers need not fetch the text."""

    __tablename__ = "citations"
    __table_args__ = (
        sa.UniqueConstraint("source_id", "start", "end"),
        sa.CheckConstraint('0 <= start AND start < "end"', name="span"),
    )

    id: int | None = Field(default=None, primary_key=True)
    source_id: str = Field(foreign_key="sources.id", ondelete="RESTRICT", max_length=SLUG_LENGTH)
    start: int
    end: int
    quote: str = Field(sa_column=sa.Column(sa.Text, nullable=False))


def trigram_index(table: str) -> sa.Index:
    """Substring search on `search_text`: a trigram GIN index on PostgreSQL.

    SQLite has no such index type and gets a plain one, which its LIKE cannot use; there `q`
    scans, which the embedded database's sizes allow.
    """
    return sa.Index(
        f"ix_{table}_search_text_trgm",
        "search_text",
        postgresql_using="gin",
        postgresql_ops={"search_text": "gin_trgm_ops"},
    )


class Region(SQLModel, table=True):
    __tablename__ = "regions"
    __table_args__ = (
        # Pattern ops let PostgreSQL answer the subtree prefix match `path LIKE 'a/b/%'` from
        # the index whatever the database collation.
        sa.Index("ix_regions_path", "path", postgresql_ops={"path": "varchar_pattern_ops"}),
        trigram_index("regions"),
    )

    id: str = Field(primary_key=True, max_length=SLUG_LENGTH)
    name: str = Field(max_length=NAME_LENGTH)
    kind: str = Field(max_length=32, index=True)
    parent_id: str | None = Field(
        default=None,
        foreign_key="regions.id",
        ondelete="RESTRICT",
        max_length=SLUG_LENGTH,
        index=True,
    )
    # Materialised path of ids from the root, "china/hunan/changsha": subtree filters are one
    # indexed prefix match whatever the depth.
    path: str = Field(max_length=1024)
    aliases: list[str] = Field(sa_column=sa.Column(sa.JSON, nullable=False))
    iso_3166: str | None = Field(default=None, max_length=6, unique=True)
    # Case-folded name and aliases, newline-separated: what `q` matches against.
    search_text: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    updated_at: dt.datetime = Field(sa_column=updated_at_column())


class Organization(SQLModel, table=True):
    __tablename__ = "organizations"
    __table_args__ = (trigram_index("organizations"),)

    id: str = Field(primary_key=True, max_length=SLUG_LENGTH)
    name: str = Field(max_length=NAME_LENGTH)
    short_name: str | None = Field(default=None, max_length=NAME_LENGTH)
    kind: str = Field(max_length=32, index=True)
    description: str | None = Field(default=None, sa_column=sa.Column(sa.Text))
    aliases: list[str] = Field(sa_column=sa.Column(sa.JSON, nullable=False))
    search_text: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    updated_at: dt.datetime = Field(sa_column=updated_at_column())


class OrganizationSector(SQLModel, table=True):
    __tablename__ = "organization_sectors"
    __table_args__ = (sa.Index("ix_organization_sectors_sector", "sector", "organization_id"),)

    organization_id: str = Field(
        foreign_key="organizations.id", primary_key=True, ondelete="CASCADE", max_length=SLUG_LENGTH
    )
    sector: str = Field(primary_key=True, max_length=SLUG_LENGTH)


class OrganizationRegion(SQLModel, table=True):
    """Where an organization is: headquarters (at most one), located in, operates in, ..."""

    __tablename__ = "organization_regions"
    __table_args__ = (
        sa.UniqueConstraint("organization_id", "region_id", "role"),
        sa.Index(
            "uq_organization_regions_headquarters",
            "organization_id",
            unique=True,
            sqlite_where=sa.text("role = 'headquarters'"),
            postgresql_where=sa.text("role = 'headquarters'"),
        ),
        # A page of organizations reads its members' links from this index alone, in the
        # order it shows them; without it PostgreSQL scans the whole table for a page's ids.
        sa.Index(
            "ix_organization_regions_of_organization",
            "organization_id",
            "role",
            "region_id",
            "citation_id",
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    organization_id: str = Field(
        foreign_key="organizations.id", ondelete="RESTRICT", max_length=SLUG_LENGTH
    )
    region_id: str = Field(
        foreign_key="regions.id", ondelete="RESTRICT", max_length=SLUG_LENGTH, index=True
    )
    role: str = Field(max_length=32)
    citation_id: int = Field(foreign_key="citations.id", ondelete="RESTRICT")


class OrganizationRelation(SQLModel, table=True):
    """A directed relation: `subject` is `kind` of `object` (basf joint_venture_partner_of bsbm)."""

    __tablename__ = "organization_relations"
    __table_args__ = (
        sa.UniqueConstraint("subject_id", "kind", "object_id"),
        sa.CheckConstraint("subject_id <> object_id", name="not_self"),
    )

    id: int | None = Field(default=None, primary_key=True)
    subject_id: str = Field(
        foreign_key="organizations.id", ondelete="RESTRICT", max_length=SLUG_LENGTH, index=True
    )
    kind: str = Field(max_length=32)
    object_id: str = Field(
        foreign_key="organizations.id", ondelete="RESTRICT", max_length=SLUG_LENGTH, index=True
    )
    citation_id: int = Field(foreign_key="citations.id", ondelete="RESTRICT")


class RegionCitation(SQLModel, table=True):
    __tablename__ = "region_citations"

    region_id: str = Field(
        foreign_key="regions.id", primary_key=True, ondelete="CASCADE", max_length=SLUG_LENGTH
    )
    citation_id: int = Field(foreign_key="citations.id", primary_key=True, ondelete="RESTRICT")


class OrganizationCitation(SQLModel, table=True):
    __tablename__ = "organization_citations"

    organization_id: str = Field(
        foreign_key="organizations.id", primary_key=True, ondelete="CASCADE", max_length=SLUG_LENGTH
    )
    citation_id: int = Field(foreign_key="citations.id", primary_key=True, ondelete="RESTRICT")


class Indicator(SQLModel, table=True):
    __tablename__ = "indicators"

    id: str = Field(primary_key=True, max_length=SLUG_LENGTH)
    name: str = Field(max_length=NAME_LENGTH)
    description: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    unit: str = Field(max_length=32)
    updated_at: dt.datetime = Field(sa_column=updated_at_column())


class Observation(SQLModel, table=True):
    __tablename__ = "observations"
    __table_args__ = (
        sa.CheckConstraint(
            "(region_id IS NULL) <> (organization_id IS NULL)", name="exactly_one_subject"
        ),
        sa.CheckConstraint(
            "period_start IS NULL OR period_end IS NULL OR period_start <= period_end",
            name="period_order",
        ),
        sa.CheckConstraint(
            "comparator IN ('eq', 'gt', 'gte', 'lt', 'lte', 'approx')", name="comparator"
        ),
        sa.Index("ix_observations_region_id_id", "region_id", "id"),
        sa.Index("ix_observations_organization_id_id", "organization_id", "id"),
        sa.Index("ix_observations_indicator_id_id", "indicator_id", "id"),
    )

    id: str = Field(primary_key=True, max_length=SLUG_LENGTH)
    indicator_id: str = Field(
        foreign_key="indicators.id", ondelete="RESTRICT", max_length=SLUG_LENGTH
    )
    region_id: str | None = Field(
        default=None, foreign_key="regions.id", ondelete="RESTRICT", max_length=SLUG_LENGTH
    )
    organization_id: str | None = Field(
        default=None, foreign_key="organizations.id", ondelete="RESTRICT", max_length=SLUG_LENGTH
    )
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    period_label: str | None = Field(default=None, max_length=64)
    value: float = Field(sa_column=sa.Column(sa.Float(precision=53), nullable=False))
    comparator: str = Field(max_length=8)
    as_reported: str = Field(max_length=NAME_LENGTH)
    citation_id: int = Field(foreign_key="citations.id", index=True, ondelete="RESTRICT")
    updated_at: dt.datetime = Field(sa_column=updated_at_column())


class Candidate(SQLModel, table=True):
    """A fact the extractor proposed from a stored source, until a curator decides on it.

    The proposal is kept as the extractor made it; an accepted candidate names the observation
    made from it (which the curator may have corrected), so that a later extraction of the same
    source does not propose it again.
    """

    __tablename__ = "candidates"
    __table_args__ = (
        sa.CheckConstraint(
            "status IN ('proposed', 'accepted', 'rejected', 'superseded')", name="status"
        ),
        sa.CheckConstraint(
            "comparator IN ('eq', 'gt', 'gte', 'lt', 'lte', 'approx')", name="comparator"
        ),
        sa.CheckConstraint("subject_kind IN ('region', 'organization')", name="subject_kind"),
        # A source's candidates by status, in id order: the review list's keyset.
        sa.Index("ix_candidates_source_id_status_id", "source_id", "status", "id"),
    )

    id: int | None = Field(
        default=None,
        sa_column=sa.Column(sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True),
    )
    # Candidates are derived from their source: they go with it.
    source_id: str = Field(foreign_key="sources.id", ondelete="CASCADE", max_length=SLUG_LENGTH)
    extractor: str = Field(max_length=32)
    status: str = Field(max_length=16)
    start: int
    end: int
    value: float = Field(sa_column=sa.Column(sa.Float(precision=53), nullable=False))
    unit: str = Field(max_length=32)
    comparator: str = Field(max_length=8)
    as_reported: str = Field(max_length=NAME_LENGTH)
    subject_kind: str = Field(max_length=16)
    subject_id: str | None = Field(default=None, max_length=SLUG_LENGTH)
    subject_name: str = Field(max_length=NAME_LENGTH)
    subject_start: int
    subject_end: int
    subject_suggested_kind: str | None = Field(default=None, max_length=32)
    indicator_id: str | None = Field(default=None, max_length=SLUG_LENGTH)
    indicator_name: str = Field(max_length=NAME_LENGTH)
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    period_label: str | None = Field(default=None, max_length=64)
    citation_start: int
    citation_end: int
    citation_quote: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    confidence: float
    conversion: bool
    reason: str | None = Field(default=None, max_length=NAME_LENGTH)
    observation_id: str | None = Field(default=None, max_length=SLUG_LENGTH)
    created_at: dt.datetime = Field(sa_column=sa.Column(sa.DateTime(timezone=True), nullable=False))
    updated_at: dt.datetime = Field(sa_column=sa.Column(sa.DateTime(timezone=True), nullable=False))


class ApiKey(SQLModel, table=True):
    """A curator's key. Only its SHA-256 is kept: the key itself is shown once, at creation."""

    __tablename__ = "api_keys"
    __table_args__ = (sa.CheckConstraint("scope IN ('read', 'write', 'admin')", name="scope"),)

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=64, unique=True)
    # The public part of the key (`ga_<prefix>_<secret>`): finds the row without the secret.
    prefix: str = Field(max_length=16, unique=True)
    # Hex SHA-256 of the whole key. Keys carry 256 random bits, so a fast unsalted hash is
    # enough: nothing can be guessed from it, and a slow password hash would cost every write.
    key_hash: str = Field(max_length=64)
    scope: str = Field(max_length=8)
    created_at: dt.datetime = Field(sa_column=sa.Column(sa.DateTime(timezone=True), nullable=False))
    revoked_at: dt.datetime | None = Field(
        default=None, sa_column=sa.Column(sa.DateTime(timezone=True), nullable=True)
    )


class Revision(SQLModel, table=True):
    """One write. The change feed lists these in id order, which is commit order because
    writes are serialised (see `service.curation.transaction`)."""

    __tablename__ = "revisions"
    __table_args__ = (
        sa.CheckConstraint("action IN ('create', 'update', 'delete')", name="action"),
    )

    id: int | None = Field(
        default=None,
        sa_column=sa.Column(sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True),
    )
    resource: str = Field(max_length=32)
    resource_id: str = Field(max_length=256)
    path: str = Field(max_length=512)
    action: str = Field(max_length=8)
    actor: str = Field(max_length=64)
    at: dt.datetime = Field(sa_column=sa.Column(sa.DateTime(timezone=True), nullable=False))
    fields: list[str] = Field(sa_column=sa.Column(sa.JSON, nullable=False))


class IdempotencyRecord(SQLModel, table=True):
    """The first response to a POST with an `Idempotency-Key`, replayed to its retries."""

    __tablename__ = "idempotency_records"

    actor: str = Field(primary_key=True, max_length=64)
    key: str = Field(primary_key=True, max_length=255)
    fingerprint: str = Field(max_length=64)
    status: int
    location: str | None = Field(default=None, max_length=512)
    body: bytes = Field(sa_column=sa.Column(sa.LargeBinary, nullable=False))
    expires_at: dt.datetime = Field(
        sa_column=sa.Column(sa.DateTime(timezone=True), nullable=False, index=True)
    )


class ServiceSecret(SQLModel, table=True):
    """A secret the service made for itself, shared by every process on this database.

    Generated once (the first process to need it inserts it; the others read that row), so
    replicas and restarts agree without anyone configuring it, and it is never a public default.
    """

    __tablename__ = "service_secrets"

    name: str = Field(primary_key=True, max_length=64)
    value: str = Field(max_length=256)


# Tables no GET answer is read from: writing them never makes a cached answer stale, so they
# have no change trigger (the migrations' READ_TABLES list the others; a test holds them together).
NOT_SERVED_TABLES = frozenset({"api_keys", "idempotency_records", "service_secrets"})
