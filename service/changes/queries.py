"""SQL for the change feed: revisions after a sequence number, in commit order."""

from __future__ import annotations

from sqlalchemy import bindparam, select
from sqlmodel import col

from schemas.changes import ChangeRead
from service.db.clock import as_utc
from service.db.connection import Database
from service.db.tables import Revision

_AFTER = (
    select(
        col(Revision.id),
        col(Revision.resource),
        col(Revision.resource_id),
        col(Revision.path),
        col(Revision.action),
        col(Revision.actor),
        col(Revision.at),
        col(Revision.fields),
    )
    .where(col(Revision.id) > bindparam("after"))
    .order_by(col(Revision.id))
    .limit(bindparam("limit"))
)


async def list_changes(db: Database, after: int, limit: int) -> list[ChangeRead]:
    rows = await db.execute(_AFTER, {"after": after, "limit": limit})
    return [
        ChangeRead(
            sequence=sequence,
            resource=resource,
            resource_id=resource_id,
            path=path,
            action=action,
            actor=actor,
            at=as_utc(at),
            fields=fields,
        )
        for sequence, resource, resource_id, path, action, actor, at, fields in rows
    ]
