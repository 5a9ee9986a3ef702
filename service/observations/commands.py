"""Writes to observations: each value checked against the words and the quote it comes from."""

from __future__ import annotations

from typing import Any

import msgspec
from sqlalchemy import bindparam, delete, insert, select, update
from sqlmodel import col

from schemas.observations import ObservationCreate, ObservationRead, ObservationUpdate
from service.curation.checks import ensure_exists, ensure_new
from service.curation.citations import cite, drop_unused
from service.curation.patches import sent_fields
from service.curation.transaction import WriteSession
from service.db.tables import Indicator, Observation, Organization, Region
from service.errors import UnprocessableError
from service.numbers import stated_values

_CITATION_OF = select(col(Observation.citation_id)).where(
    col(Observation.id) == bindparam("observation_id")
)


async def create_observation(session: WriteSession, data: ObservationCreate) -> None:
    """A new stated value; its words and quote are checked against its source."""
    await ensure_new(session, col(Observation.id), "observation", data.id)
    await _check(session, data)
    citation_id = await cite(session, data.citation, "citation")
    await session.execute(
        insert(Observation).values(
            id=data.id, **_columns(data), citation_id=citation_id, updated_at=session.now
        )
    )


async def update_observation(
    session: WriteSession, current: ObservationRead, patch: ObservationUpdate
) -> None:
    """Change the fields sent; the result is checked whole, as on create."""
    sent = sent_fields(patch)
    stored = {name: getattr(current, name) for name in ObservationCreate.__struct_fields__}
    merged = stored | sent
    data = msgspec.convert(merged, ObservationCreate, from_attributes=True)
    await _check(session, data)
    values: dict[str, Any] = _columns(data)
    if "citation" in sent:
        old = await _citation_of(session, current.id)
        values["citation_id"] = await cite(session, data.citation, "citation")
    await session.execute(
        update(Observation)
        .where(col(Observation.id) == current.id)
        .values(**values, updated_at=session.now)
    )
    if "citation" in sent:
        await drop_unused(session, [old])


async def delete_observation(session: WriteSession, current: ObservationRead) -> None:
    """Delete the observation; its citation goes when nothing else cites it."""
    citation_id = await _citation_of(session, current.id)
    await session.execute(delete(Observation).where(col(Observation.id) == current.id))
    await drop_unused(session, [citation_id])


async def _citation_of(session: WriteSession, observation_id: str) -> int:
    result = await session.execute(_CITATION_OF, {"observation_id": observation_id})
    return int(result.scalar_one())


def _columns(data: ObservationCreate) -> dict[str, Any]:
    return {
        "indicator_id": data.indicator,
        "region_id": data.region,
        "organization_id": data.organization,
        "period_start": data.period_start,
        "period_end": data.period_end,
        "period_label": data.period_label,
        "value": data.value,
        "comparator": data.comparator,
        "as_reported": data.as_reported,
    }


async def _check(session: WriteSession, data: ObservationCreate) -> None:
    await ensure_exists(session, col(Indicator.id), "indicator", data.indicator, "indicator")
    if (data.region is None) == (data.organization is None):
        raise UnprocessableError("region", "give exactly one of `region` and `organization`")
    if data.region is not None:
        await ensure_exists(session, col(Region.id), "region", data.region, "region")
    if data.organization is not None:
        await ensure_exists(
            session, col(Organization.id), "organization", data.organization, "organization"
        )
    if data.period_start and data.period_end and data.period_start > data.period_end:
        raise UnprocessableError("period_end", "the period ends before it starts")
    if data.as_reported not in data.citation.quote:
        raise UnprocessableError("as_reported", "must occur verbatim in the citation's quote")
    stated = stated_values(data.as_reported)
    if stated and data.value not in stated:
        readable = ", ".join(f"{value:g}" for value in sorted(stated))
        raise UnprocessableError(
            "value", f"{data.as_reported!r} states {readable}, not {data.value:g}"
        )
