"""Curation: `updated_at` on every resource, the revisions of the change feed, idempotency records.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 13:00:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

RESOURCE_TABLES = ("sources", "regions", "organizations", "indicators", "observations")
# SQLite cannot add a column whose default is CURRENT_TIMESTAMP to a table with rows: it gets a
# constant default, existing rows are stamped with the migration time, and inserts through the
# service always set the column.
_SQLITE_PLACEHOLDER = sa.text("'1970-01-01 00:00:00'")


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table in RESOURCE_TABLES:
        _add_updated_at(table, sqlite)
    op.create_table(
        "revisions",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("resource", sa.String(length=32), nullable=False),
        sa.Column("resource_id", sa.String(length=256), nullable=False),
        sa.Column("path", sa.String(length=512), nullable=False),
        sa.Column("action", sa.String(length=8), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.CheckConstraint(
            "action IN ('create', 'update', 'delete')", name=op.f("ck_revisions_action")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_revisions")),
    )
    op.create_table(
        "idempotency_records",
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("key", sa.String(length=255), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.Column("location", sa.String(length=512), nullable=True),
        sa.Column("body", sa.LargeBinary(), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("actor", "key", name=op.f("pk_idempotency_records")),
    )
    op.create_index(
        op.f("ix_idempotency_records_expires_at"), "idempotency_records", ["expires_at"]
    )


def _add_updated_at(table: str, sqlite: bool) -> None:
    default = _SQLITE_PLACEHOLDER if sqlite else sa.func.current_timestamp()
    with op.batch_alter_table(table) as batch_op:
        batch_op.add_column(
            sa.Column(
                "updated_at", sa.DateTime(timezone=True), nullable=False, server_default=default
            )
        )
        batch_op.create_index(f"ix_{table}_updated_at", ["updated_at"])
    if sqlite:
        op.execute(sa.text(f"UPDATE {table} SET updated_at = CURRENT_TIMESTAMP"))  # noqa: S608


def downgrade() -> None:
    op.drop_index(op.f("ix_idempotency_records_expires_at"), table_name="idempotency_records")
    op.drop_table("idempotency_records")
    op.drop_table("revisions")
    for table in reversed(RESOURCE_TABLES):
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_index(f"ix_{table}_updated_at")
            batch_op.drop_column("updated_at")
