"""Writes to indicators: a unit stays fixed while observations are counted in it."""

from __future__ import annotations

from sqlalchemy import delete, insert, select, update
from sqlmodel import col

from schemas.indicators import IndicatorCreate, IndicatorRead, IndicatorUpdate
from service.curation.checks import ensure_new, refuse_if_used
from service.curation.patches import sent_fields
from service.curation.transaction import WriteSession
from service.db.tables import Indicator, Observation
from service.errors import ConflictError


async def create_indicator(session: WriteSession, data: IndicatorCreate) -> None:
    """A new indicator: what observations measure, and their unit."""
    await ensure_new(session, col(Indicator.id), "indicator", data.id)
    await session.execute(
        insert(Indicator).values(
            id=data.id,
            name=data.name,
            description=data.description,
            unit=data.unit,
            updated_at=session.now,
        )
    )


async def update_indicator(
    session: WriteSession, current: IndicatorRead, patch: IndicatorUpdate
) -> None:
    """Change the fields sent; the unit only while no observation uses the indicator."""
    values = sent_fields(patch)
    if values.get("unit", current.unit) != current.unit:
        used = await session.connection.scalar(
            select(col(Observation.id)).where(col(Observation.indicator_id) == current.id).limit(1)
        )
        if used is not None:
            raise ConflictError(
                f"Indicator {current.id!r} has observations in {current.unit!r}; changing its "
                "unit would change what their values mean. Create another indicator instead."
            )
    await session.execute(
        update(Indicator)
        .where(col(Indicator.id) == current.id)
        .values(**values, updated_at=session.now)
    )


async def delete_indicator(session: WriteSession, current: IndicatorRead) -> None:
    """Only an indicator no observation uses."""
    observations = select(col(Observation.id)).where(col(Observation.indicator_id) == current.id)
    await refuse_if_used(session, f"Indicator {current.id!r}", [("observations", observations)])
    await session.execute(delete(Indicator).where(col(Indicator.id) == current.id))
