"""HTTP for the curation of extracted facts: run the extractor on a source, review, decide."""

from __future__ import annotations

from http import HTTPStatus
from typing import Annotated

from litestar import Controller, Response, get, post
from litestar.di import NamedDependency
from litestar.openapi.spec import Example
from litestar.params import JSONBody, PathParameter, QueryParameter

from schemas.candidates import (
    CandidateAcceptInput,
    CandidatePage,
    CandidateRead,
    CandidateRejectInput,
    CandidateStatus,
    ExtractionRunRead,
)
from schemas.observations import ObservationRead
from service.candidates import acceptance, commands, queries
from service.candidates.reading import read_article
from service.curation import flow
from service.curation.flow import AnyRequest, Target
from service.curation.openapi import CHILD_CREATE_ERRORS, CREATED, GUARDED
from service.curation.params import IdempotencyKey
from service.curation.transaction import WriteSession
from service.db.connection import Database
from service.extraction.gazetteer import Gazetteer
from service.observations.queries import get_observation
from service.openapi import problem_responses
from service.pagination import LINK_HEADER, Pager
from service.params import SourceId
from service.representations.openapi import negotiated
from service.representations.respond import Representation
from service.sources.queries import get_source

CandidateId = Annotated[
    int,
    PathParameter(
        ge=1, le=9_007_199_254_740_991, description="Candidate id.", examples=[Example(value=1)]
    ),
]
StatusFilter = Annotated[
    CandidateStatus | None,
    QueryParameter(description="Only candidates in this state (proposed: those to review)."),
]
_DECIDED = problem_responses(
    HTTPStatus.BAD_REQUEST,
    HTTPStatus.UNAUTHORIZED,
    HTTPStatus.FORBIDDEN,
    HTTPStatus.NOT_FOUND,
    HTTPStatus.CONFLICT,
    HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
)
_RUN = problem_responses(
    HTTPStatus.BAD_REQUEST,
    HTTPStatus.UNAUTHORIZED,
    HTTPStatus.FORBIDDEN,
    HTTPStatus.NOT_FOUND,
    HTTPStatus.CONFLICT,
)
_ITEM = problem_responses(HTTPStatus.BAD_REQUEST, HTTPStatus.NOT_FOUND, HTTPStatus.NOT_ACCEPTABLE)


class CandidateController(Controller):
    path = "/v1"
    tags = ["candidates"]

    @post(
        "/sources/{source_id:str}/extractions",
        operation_id="extractSource",
        summary="Propose a source's facts as candidates",
        status_code=HTTPStatus.OK,
        responses=_RUN,
        **GUARDED,
    )
    async def extract_source(
        self,
        request: AnyRequest,
        db: NamedDependency[Database],
        source_id: SourceId,
        gazetteer: NamedDependency[Gazetteer],
    ) -> ExtractionRunRead:
        """Run the extractor on the stored source and keep each fact it reads as a proposed
        candidate. Candidates of earlier runs still proposed are superseded; a fact already
        accepted (same span, value, subject and indicator) is not proposed again."""
        source = await get_source(db, source_id)
        extraction = await read_article(source.text, source.published_on, gazetteer)
        async with flow.transaction(request) as session:
            return await commands.store_extraction(session, source, extraction)

    @get(
        "/sources/{source_id:str}/candidates",
        operation_id="listCandidates",
        response_headers=[LINK_HEADER],
        summary="List a source's candidates",
        responses=_ITEM,
        operation_class=negotiated(CandidatePage),
    )
    async def list_candidates(
        self,
        db: NamedDependency[Database],
        pager: NamedDependency[Pager],
        representation: NamedDependency[Representation],
        source_id: SourceId,
        status: StatusFilter = None,
    ) -> Response[CandidatePage]:
        """The candidates extracted from the source, in id order."""
        await queries.ensure_source(db, source_id)
        rows = await queries.list_candidates(db, source_id, status, pager.after, pager.fetch)
        page = pager.page(CandidatePage, rows, lambda item: (item.id,))
        return representation.respond(page)

    @get(
        "/candidates/{candidate_id:int}",
        operation_id="getCandidate",
        summary="Get a candidate",
        responses=_ITEM,
        operation_class=negotiated(CandidateRead),
    )
    async def get_candidate(
        self,
        db: NamedDependency[Database],
        representation: NamedDependency[Representation],
        candidate_id: CandidateId,
    ) -> Response[CandidateRead]:
        """One candidate: the fact as proposed, its state, and its observation once accepted."""
        return representation.respond(await queries.get_candidate(db, candidate_id))

    @post(
        "/candidates/{candidate_id:int}/accept",
        operation_id="acceptCandidate",
        summary="Accept a candidate as an observation",
        **{**CREATED, "responses": CHILD_CREATE_ERRORS},
    )
    async def accept_candidate(
        self,
        request: AnyRequest,
        candidate_id: CandidateId,
        data: JSONBody[CandidateAcceptInput],
        idempotency_key: IdempotencyKey = None,
    ) -> Response[ObservationRead]:
        """Create the observation the candidate states, corrected by the fields sent, through
        the checks of every observation write; a proposed subject or indicator is created
        too. Answers the new observation; the candidate becomes accepted."""

        async def insert(session: WriteSession) -> tuple[Target, flow.Load[ObservationRead]]:
            observation_id = await acceptance.accept(session, candidate_id, data)
            path = f"/v1/observations/{observation_id}"

            async def load(db: Database) -> ObservationRead:
                return await get_observation(db, observation_id)

            return Target("observations", observation_id, path), load

        return await flow.create(request, idempotency_key, insert)

    @post(
        "/candidates/{candidate_id:int}/reject",
        operation_id="rejectCandidate",
        summary="Reject a candidate",
        status_code=HTTPStatus.OK,
        responses=_DECIDED,
        **GUARDED,
    )
    async def reject_candidate(
        self, request: AnyRequest, candidate_id: CandidateId, data: JSONBody[CandidateRejectInput]
    ) -> CandidateRead:
        """Keep the candidate as rejected, with the reason, so that it is not reviewed again."""
        async with flow.transaction(request) as session:
            return await commands.reject(session, candidate_id, data.reason)
