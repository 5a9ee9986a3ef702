"""API keys may have the `read` scope (for deployments that close anonymous reads).

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30 06:10:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _scopes(condition: str) -> None:
    # Batch mode: SQLite changes a constraint by copying the table.
    with op.batch_alter_table("api_keys") as batch:
        batch.drop_constraint(op.f("ck_api_keys_scope"), type_="check")
        batch.create_check_constraint(op.f("ck_api_keys_scope"), condition)


def upgrade() -> None:
    _scopes("scope IN ('read', 'write', 'admin')")


def downgrade() -> None:
    op.execute("DELETE FROM api_keys WHERE scope = 'read'")
    _scopes("scope IN ('write', 'admin')")
