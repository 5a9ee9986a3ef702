"""Search and subtree indexes: trigram indexes for `q`, pattern ops for region paths.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 10:27:11.790387
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TRIGRAM = {"postgresql_using": "gin", "postgresql_ops": {"search_text": "gin_trgm_ops"}}


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        # A trusted extension since PostgreSQL 13: the database owner may create it.
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    with op.batch_alter_table("regions") as batch_op:
        batch_op.drop_index("ix_regions_path")
        batch_op.create_index(
            "ix_regions_path", ["path"], postgresql_ops={"path": "varchar_pattern_ops"}
        )
        batch_op.create_index("ix_regions_search_text_trgm", ["search_text"], **TRIGRAM)
    with op.batch_alter_table("organizations") as batch_op:
        batch_op.create_index("ix_organizations_search_text_trgm", ["search_text"], **TRIGRAM)


def downgrade() -> None:
    with op.batch_alter_table("organizations") as batch_op:
        batch_op.drop_index("ix_organizations_search_text_trgm")
    with op.batch_alter_table("regions") as batch_op:
        batch_op.drop_index("ix_regions_search_text_trgm")
        batch_op.drop_index("ix_regions_path")
        batch_op.create_index("ix_regions_path", ["path"])
