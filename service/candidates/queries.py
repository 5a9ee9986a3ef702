"""SQL for reading candidates."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from typing import Any

from sqlalchemy import bindparam, select
from sqlmodel import col

from schemas.candidates import CandidateRead
from schemas.citations import Citation
from schemas.extraction import IndicatorRef, SubjectRead
from service.db.clock import as_utc
from service.db.connection import Database, Prepared
from service.db.tables import Candidate, Source
from service.errors import NotFoundError
from service.pagination import Key
from service.units import unit_fields

_COLUMNS = (
    col(Candidate.id),
    col(Candidate.source_id),
    col(Candidate.extractor),
    col(Candidate.status),
    col(Candidate.start),
    col(Candidate.end),
    col(Candidate.value),
    col(Candidate.unit),
    col(Candidate.comparator),
    col(Candidate.as_reported),
    col(Candidate.subject_kind),
    col(Candidate.subject_id),
    col(Candidate.subject_name),
    col(Candidate.subject_start),
    col(Candidate.subject_end),
    col(Candidate.subject_suggested_kind),
    col(Candidate.indicator_id),
    col(Candidate.indicator_name),
    col(Candidate.period_start),
    col(Candidate.period_end),
    col(Candidate.period_label),
    col(Candidate.citation_start),
    col(Candidate.citation_end),
    col(Candidate.citation_quote),
    col(Candidate.confidence),
    col(Candidate.conversion),
    col(Candidate.reason),
    col(Candidate.observation_id),
    col(Candidate.created_at),
    col(Candidate.updated_at),
)
_SELECT = select(*_COLUMNS)
_BY_ID = Prepared(_SELECT.where(col(Candidate.id) == bindparam("candidate_id")))
_SOURCE_EXISTS = Prepared(select(col(Source.id)).where(col(Source.id) == bindparam("source_id")))


async def get_candidate(db: Database, candidate_id: int) -> CandidateRead:
    rows = await db.rows(_BY_ID, {"candidate_id": candidate_id})
    if not rows:
        raise NotFoundError("candidate", str(candidate_id))
    return candidate_from(rows[0])


async def ensure_source(db: Database, source_id: str) -> None:
    """404 unless the source exists (without reading its text)."""
    if not await db.rows(_SOURCE_EXISTS, {"source_id": source_id}):
        raise NotFoundError("source", source_id)


async def list_candidates(
    db: Database, source_id: str, status: str | None, after: Key | None, limit: int | None
) -> list[CandidateRead]:
    """The source's candidates in id order (all of them when `limit` is None)."""
    parameters: dict[str, Any] = {"source_id": source_id, "status": status, "limit": limit}
    if after is not None:
        parameters["after"] = after[0]
    statement = _page(status is not None, after is not None, limit is not None)
    return [candidate_from(row) for row in await db.rows(statement, parameters)]


@functools.cache
def _page(by_status: bool, after: bool, limited: bool) -> Prepared:
    statement = _SELECT.where(col(Candidate.source_id) == bindparam("source_id"))
    if by_status:
        statement = statement.where(col(Candidate.status) == bindparam("status"))
    if after:
        statement = statement.where(col(Candidate.id) > bindparam("after"))
    statement = statement.order_by(col(Candidate.id))
    if limited:
        statement = statement.limit(bindparam("limit"))
    return Prepared(statement)


def candidate_from(row: Sequence[Any]) -> CandidateRead:
    (id_, source, extractor, status, start, end, value, unit, comparator, as_reported) = row[:10]
    subject = SubjectRead(kind=row[10], id=row[11], name=row[12], start=row[13], end=row[14])
    return CandidateRead(
        id=id_,
        source=source,
        extractor=extractor,
        status=status,
        start=start,
        end=end,
        value=value,
        **unit_fields(unit),
        comparator=comparator,
        as_reported=as_reported,
        subject=subject,
        subject_suggested_kind=row[15],
        indicator=IndicatorRef(id=row[16], name=row[17]),
        period_start=row[18],
        period_end=row[19],
        period_label=row[20],
        citation=Citation(source=source, quote=row[23], start=row[21], end=row[22]),
        confidence=row[24],
        conversion=bool(row[25]),
        reason=row[26],
        observation=row[27],
        created_at=_rfc3339(row[28]),
        updated_at=_rfc3339(row[29]),
    )


def _rfc3339(moment: dt.datetime) -> str:
    """As msgspec writes a UTC datetime in JSON: `2026-11-30T06:00:00.123456Z`."""
    return as_utc(moment).isoformat().replace("+00:00", "Z")
