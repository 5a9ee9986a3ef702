"""Writes to candidates: storing an extraction's proposals, and a curator's decisions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, bindparam, insert, select, update
from sqlmodel import col

from schemas.candidates import CandidateRead, ExtractionRunRead, ExtractionSummary
from schemas.extraction import ExtractionRead, FactRead
from schemas.sources import SourceRead
from service.candidates import queries
from service.curation.transaction import WriteSession
from service.db.tables import NAME_LENGTH, Candidate, Observation, Source
from service.errors import ConflictError, NotFoundError

PROPOSED = "proposed"
LABEL_LENGTH = 64


async def store_extraction(
    session: WriteSession, source: SourceRead, extraction: ExtractionRead
) -> ExtractionRunRead:
    """Keep the facts `extraction` read in `source` as proposed candidates, superseding the
    proposals still open.

    The text is read before the write transaction, so that writers do not wait for the
    extractor; a source deleted or changed meanwhile is a 404 or a 409. A fact a curator
    already accepted (same span, value, subject and indicator) is not proposed again,
    whichever extractor version reads it.
    """
    source_id = source.id
    await _ensure_unchanged(session, source)
    superseded = await session.execute(
        update(Candidate)
        .where(col(Candidate.source_id) == source_id, col(Candidate.status) == PROPOSED)
        .values(status="superseded", updated_at=session.now)
    )
    accepted = await _accepted(session, source_id)
    new = [fact for fact in extraction.facts if not any(a.covers(fact) for a in accepted)]
    if new:
        rows = _rows(session, source_id, extraction, new)
        await session.execute(insert(Candidate), rows)
    candidates = await queries.list_candidates(session.db, source_id, PROPOSED, None, None)
    summary = ExtractionSummary(
        facts=len(extraction.facts),
        proposed=len(new),
        superseded=_count(superseded),
        already_accepted=len(extraction.facts) - len(new),
    )
    return ExtractionRunRead(
        source=source_id, extractor=extraction.extractor, summary=summary, candidates=candidates
    )


async def _ensure_unchanged(session: WriteSession, source: SourceRead) -> None:
    stored = (
        await session.execute(
            select(col(Source.text), col(Source.published_on)).where(col(Source.id) == source.id)
        )
    ).first()
    if stored is None:
        raise NotFoundError("source", source.id)
    if tuple(stored) != (source.text, source.published_on):
        raise ConflictError(
            f"Source {source.id!r} changed while it was being read; extract it again."
        )


async def reject(session: WriteSession, candidate_id: int, reason: str) -> CandidateRead:
    await proposed(session, candidate_id)
    await _set(session, candidate_id, status="rejected", reason=reason)
    return await queries.get_candidate(session.db, candidate_id)


async def mark_accepted(session: WriteSession, candidate_id: int, observation_id: str) -> None:
    await _set(session, candidate_id, status="accepted", observation_id=observation_id)


async def proposed(session: WriteSession, candidate_id: int) -> CandidateRead:
    """The candidate (404 if unknown), as long as it is still proposed (409 otherwise)."""
    candidate = await queries.get_candidate(session.db, candidate_id)
    if candidate.status != PROPOSED:
        raise ConflictError(
            f"Candidate {candidate_id} is {candidate.status}: only a proposed candidate can be "
            "accepted or rejected."
        )
    return candidate


async def _set(session: WriteSession, candidate_id: int, **values: Any) -> None:
    await session.execute(
        update(Candidate)
        .where(col(Candidate.id) == candidate_id)
        .values(**values, updated_at=session.now)
    )


@dataclass(frozen=True, slots=True)
class _Accepted:
    """An accepted candidate, known by its span and value, and by every name of its subject and
    indicator: as proposed (id or name) and as accepted (the observation's ids), so that a
    subject created on acceptance and known by id on the next run still matches."""

    start: int
    end: int
    value: float
    subjects: frozenset[str]
    indicators: frozenset[str]

    def covers(self, fact: FactRead) -> bool:
        return (
            (fact.start, fact.end, fact.value) == (self.start, self.end, self.value)
            and (fact.subject.id or fact.subject.name) in self.subjects
            and (fact.indicator.id or fact.indicator.name) in self.indicators
        )


_ACCEPTED = (
    select(
        col(Candidate.start),
        col(Candidate.end),
        col(Candidate.value),
        col(Candidate.subject_id),
        col(Candidate.subject_name),
        col(Candidate.indicator_id),
        col(Candidate.indicator_name),
        col(Observation.region_id),
        col(Observation.organization_id),
        col(Observation.indicator_id),
    )
    .outerjoin(Observation, col(Observation.id) == col(Candidate.observation_id))
    .where(
        and_(
            col(Candidate.source_id) == bindparam("source_id"),
            col(Candidate.status) == "accepted",
        )
    )
)


async def _accepted(session: WriteSession, source_id: str) -> list[_Accepted]:
    rows = (await session.execute(_ACCEPTED, {"source_id": source_id})).all()
    return [
        _Accepted(
            start=row[0],
            end=row[1],
            value=row[2],
            subjects=_names(row[3], row[4], row[7], row[8]),
            indicators=_names(row[5], row[6], row[9]),
        )
        for row in rows
    ]


def _count(result: Any) -> int:
    """Rows an UPDATE changed (typed on CursorResult only, which an UPDATE returns)."""
    return int(result.rowcount)


def _names(*names: str | None) -> frozenset[str]:
    return frozenset(name for name in names if name)


def _rows(
    session: WriteSession, source_id: str, extraction: ExtractionRead, facts: Sequence[FactRead]
) -> list[dict[str, Any]]:
    # The extractor's words are not bounded by the wire contract's types; the columns are. A
    # longer one is cut rather than lose the fact (and a 500 on PostgreSQL): the curator sees it
    # and corrects it on acceptance, where every bound is checked.
    # The entity list carries the kind a proposed subject looks like; facts name it by span.
    suggested = {(e.start, e.end): e.suggested_kind for e in extraction.entities}
    return [
        {
            "source_id": source_id,
            "extractor": extraction.extractor[:32],
            "status": PROPOSED,
            "start": fact.start,
            "end": fact.end,
            "value": fact.value,
            "unit": fact.unit,
            "comparator": fact.comparator,
            "as_reported": fact.as_reported[:NAME_LENGTH],
            "subject_kind": fact.subject.kind,
            "subject_id": fact.subject.id,
            "subject_name": fact.subject.name[:NAME_LENGTH],
            "subject_start": fact.subject.start,
            "subject_end": fact.subject.end,
            "subject_suggested_kind": suggested.get((fact.subject.start, fact.subject.end)),
            "indicator_id": fact.indicator.id,
            "indicator_name": fact.indicator.name[:NAME_LENGTH],
            "period_start": fact.period_start,
            "period_end": fact.period_end,
            "period_label": fact.period_label and fact.period_label[:LABEL_LENGTH],
            "citation_start": fact.citation.start,
            "citation_end": fact.citation.end,
            "citation_quote": fact.citation.quote,
            "confidence": fact.confidence,
            "conversion": fact.conversion,
            "created_at": session.now,
            "updated_at": session.now,
        }
        for fact in facts
    ]
