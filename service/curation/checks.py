"""Referential rules of writes, each failing with an error that names what is in the way."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select

from service.curation.transaction import WriteSession
from service.errors import ConflictError, UnprocessableError

_SHOWN = 5  # dependents named in a 409; the count says how many more there are


async def ensure_new(session: WriteSession, id_column: Any, resource: str, item_id: str) -> None:
    """409 when `item_id` is taken: ids are stable, so a create never replaces anything."""
    if await session.connection.scalar(select(id_column).where(id_column == item_id)) is not None:
        raise ConflictError(f"A {resource} with the id {item_id!r} already exists.")


async def ensure_exists(
    session: WriteSession, id_column: Any, resource: str, item_id: str, field: str
) -> None:
    """422 naming `field` when it refers to a `resource` that does not exist."""
    if await session.connection.scalar(select(id_column).where(id_column == item_id)) is None:
        raise UnprocessableError(field, f"no {resource} has the id {item_id!r}")


async def refuse_if_used(
    session: WriteSession, subject: str, dependents: Sequence[tuple[str, Any]]
) -> None:
    """409 listing what still depends on `subject`: deletes never orphan nor cascade.

    `dependents` pairs a label ("child regions") with a select of the dependents' ids.
    """
    found: list[str] = []
    for label, ids_stmt in dependents:
        ids = list((await session.execute(ids_stmt.limit(_SHOWN + 1))).scalars())
        if ids:
            shown = ", ".join(str(i) for i in ids[:_SHOWN])
            more = " and more" if len(ids) > _SHOWN else ""
            found.append(f"{label} ({shown}{more})")
    if found:
        raise ConflictError(
            f"{subject} cannot be deleted while these depend on it: {'; '.join(found)}. "
            "Delete or change them first."
        )
