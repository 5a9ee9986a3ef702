"""How the pages appear in the contract: `text/html` operations outside /v1, errors as pages."""

from __future__ import annotations

from dataclasses import dataclass
from http import HTTPStatus

from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import OpenAPIHeader, OpenAPIResponse, Operation, Schema
from litestar.openapi.spec.enums import OpenAPIType

from service.representations.openapi import CACHE_HEADERS, NOT_MODIFIED

HTML = "text/html"
_DESCRIPTIONS = {
    HTTPStatus.BAD_REQUEST: "A parameter is malformed: a page saying which.",
    HTTPStatus.NOT_FOUND: "No resource has this id: a page saying so.",
    HTTPStatus.INTERNAL_SERVER_ERROR: "The server failed: a page saying no more than that.",
    HTTPStatus.SERVICE_UNAVAILABLE: "The database is unavailable: a page asking to retry.",
}
_ALWAYS_POSSIBLE = (HTTPStatus.INTERNAL_SERVER_ERROR, HTTPStatus.SERVICE_UNAVAILABLE)
# A page has one media type: only the content coding varies.
_PAGE_CACHE_HEADERS = {
    **CACHE_HEADERS,
    "Vary": OpenAPIHeader(schema=Schema(type=OpenAPIType.STRING), description="`Accept-Encoding`."),
}


def page_errors(*statuses: HTTPStatus) -> dict[int, ResponseSpec]:
    """Error responses of a page: HTML pages themselves, not problem details."""
    return {
        int(status): ResponseSpec(
            data_container=str,
            description=_DESCRIPTIONS[status],
            media_type=HTML,
            generate_examples=False,
        )
        for status in (HTTPStatus.BAD_REQUEST, *statuses, *_ALWAYS_POSSIBLE)
    }


@dataclass
class PageOperation(Operation):
    """A page's GET: its 200 carries the caching headers, and `If-None-Match` may get a 304."""

    def __post_init__(self) -> None:
        assert self.responses is not None
        ok = self.responses["200"]
        assert isinstance(ok, OpenAPIResponse)
        ok.headers = {**(ok.headers or {}), **_PAGE_CACHE_HEADERS}
        self.responses["304"] = OpenAPIResponse(
            description=NOT_MODIFIED.description, headers=_PAGE_CACHE_HEADERS
        )
