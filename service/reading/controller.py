"""HTTP for reading any text: the extractor's findings, stored nowhere."""

from __future__ import annotations

from http import HTTPStatus

from litestar import Controller, post
from litestar.di import NamedDependency
from litestar.params import JSONBody

from schemas.extraction import ExtractionRead, ExtractRequest
from service.candidates.reading import read_article
from service.extraction.gazetteer import Gazetteer
from service.openapi import problem_responses


class ExtractController(Controller):
    path = "/v1/extract"
    tags = ["extraction"]

    @post(
        "/",
        operation_id="extractFacts",
        summary="Read the facts a text states",
        status_code=HTTPStatus.OK,
        responses=problem_responses(HTTPStatus.BAD_REQUEST, HTTPStatus.REQUEST_ENTITY_TOO_LARGE),
    )
    async def extract_facts(
        self, data: JSONBody[ExtractRequest], gazetteer: NamedDependency[Gazetteer]
    ) -> ExtractionRead:
        """Every quantity, entity and fact in the text, and every number that is not a fact
        with its reason; spans are code-point offsets (`text[start:end]`). Regions,
        organizations and indicators are recognised from this service's data. Nothing is
        stored and no key is needed."""
        return await read_article(data.text, data.published_on, gazetteer)
