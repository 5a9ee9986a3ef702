"""Candidates: facts the extractor proposed from stored sources, and what curators decided.

The review lists are served through the response cache, so candidates notify the replicas like
every table the API reads (migration 0005).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30 06:00:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_NOTIFY_FUNCTION = "growth_atlas_notify_change"
# Tables this migration adds that the API reads: each notifies its changes (as in 0005).
READ_TABLES = ("candidates",)


def upgrade() -> None:
    op.create_table(
        "candidates",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("source_id", sa.String(length=64), nullable=False),
        sa.Column("extractor", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("value", sa.Float(precision=53), nullable=False),
        sa.Column("unit", sa.String(length=32), nullable=False),
        sa.Column("comparator", sa.String(length=8), nullable=False),
        sa.Column("as_reported", sa.String(length=300), nullable=False),
        sa.Column("subject_kind", sa.String(length=16), nullable=False),
        sa.Column("subject_id", sa.String(length=64), nullable=True),
        sa.Column("subject_name", sa.String(length=300), nullable=False),
        sa.Column("subject_start", sa.Integer(), nullable=False),
        sa.Column("subject_end", sa.Integer(), nullable=False),
        sa.Column("subject_suggested_kind", sa.String(length=32), nullable=True),
        sa.Column("indicator_id", sa.String(length=64), nullable=True),
        sa.Column("indicator_name", sa.String(length=300), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=True),
        sa.Column("period_end", sa.Date(), nullable=True),
        sa.Column("period_label", sa.String(length=64), nullable=True),
        sa.Column("citation_start", sa.Integer(), nullable=False),
        sa.Column("citation_end", sa.Integer(), nullable=False),
        sa.Column("citation_quote", sa.Text(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("conversion", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.String(length=300), nullable=True),
        sa.Column("observation_id", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "status IN ('proposed', 'accepted', 'rejected', 'superseded')",
            name=op.f("ck_candidates_status"),
        ),
        sa.CheckConstraint(
            "comparator IN ('eq', 'gt', 'gte', 'lt', 'lte', 'approx')",
            name=op.f("ck_candidates_comparator"),
        ),
        sa.CheckConstraint(
            "subject_kind IN ('region', 'organization')", name=op.f("ck_candidates_subject_kind")
        ),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["sources.id"],
            name=op.f("fk_candidates_source_id_sources"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_candidates")),
    )
    op.create_index(
        "ix_candidates_source_id_status_id", "candidates", ["source_id", "status", "id"]
    )
    if op.get_bind().dialect.name == "postgresql":
        for table in READ_TABLES:
            op.execute(
                f"CREATE TRIGGER {table}_notify_change "
                f"AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table} "
                f"FOR EACH STATEMENT EXECUTE FUNCTION {_NOTIFY_FUNCTION}()"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in READ_TABLES:
            op.execute(f"DROP TRIGGER {table}_notify_change ON {table}")
    op.drop_index("ix_candidates_source_id_status_id", table_name="candidates")
    op.drop_table("candidates")
