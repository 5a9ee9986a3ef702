"""Search folding: `search_text` of regions and organizations refolded with NFKC and case folding.

Until now `search_text` was only case-folded, so a full-width or decomposed (NFD) name stored
earlier would not match a query folded the new way. The fold is written out here rather than
imported, so this migration keeps doing what it did whatever the service's code becomes.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30 06:30:00.000000
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BATCH = 1000


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())


def _table(name: str, *columns: str) -> Any:
    return sa.table(
        name,
        sa.column("id", sa.String),
        sa.column("name", sa.String),
        *(sa.column(column, sa.String) for column in columns),
        sa.column("aliases", sa.JSON),
        sa.column("search_text", sa.Text),
    )


def _refold(table: Any, terms: Any) -> None:
    """Rewrite `search_text` where the new fold differs, reading the table in id order."""
    connection = op.get_bind()
    update = (
        table.update()
        .where(table.c.id == sa.bindparam("row_id"))
        .values(search_text=sa.bindparam("folded"))
    )
    last = ""
    while True:
        rows = connection.execute(
            sa.select(table).where(table.c.id > last).order_by(table.c.id).limit(_BATCH)
        ).all()
        if not rows:
            return
        changed = [
            {"row_id": row.id, "folded": folded}
            for row in rows
            if (folded := "\n".join(_fold(term) for term in terms(row))) != row.search_text
        ]
        if changed:
            connection.execute(update, changed)
        last = rows[-1].id


def upgrade() -> None:
    _refold(_table("regions"), lambda row: [row.name, *row.aliases])
    _refold(
        _table("organizations", "short_name"),
        lambda row: [row.name, row.short_name or "", *row.aliases],
    )


def downgrade() -> None:
    """Folded text still matches everything case folding matched: nothing to undo."""
