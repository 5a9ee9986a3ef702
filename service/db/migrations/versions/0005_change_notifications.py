"""Change notifications: every write to a table the API reads from NOTIFYs `growth_atlas_changes`.

Replicas LISTEN on the channel to drop their response caches (service/response_cache). The
triggers are per statement, so a bulk load sends one notification per statement, not per row,
and PostgreSQL folds identical notifications of one transaction into one. SQLite has no
notifications: nothing to do there.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22 16:00:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CHANNEL = "growth_atlas_changes"
FUNCTION = "growth_atlas_notify_change"
READ_TABLES = (
    "sources",
    "citations",
    "regions",
    "region_citations",
    "organizations",
    "organization_sectors",
    "organization_regions",
    "organization_relations",
    "organization_citations",
    "indicators",
    "observations",
    "revisions",
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        f"""
        CREATE FUNCTION {FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('{CHANNEL}', TG_TABLE_NAME);
            RETURN NULL;
        END
        $$
        """
    )
    for table in READ_TABLES:
        op.execute(
            f"CREATE TRIGGER {table}_notify_change "
            f"AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION {FUNCTION}()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in READ_TABLES:
        op.execute(f"DROP TRIGGER {table}_notify_change ON {table}")
    op.execute(f"DROP FUNCTION {FUNCTION}()")
