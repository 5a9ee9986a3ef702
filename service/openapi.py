"""What the OpenAPI document says beyond the handlers: metadata, and error responses."""

from __future__ import annotations

from http import HTTPStatus

from litestar.openapi import OpenAPIConfig
from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import Contact, License, Server, Tag

from schemas.problems import Problem
from service.errors import PROBLEM_MEDIA_TYPE

API_VERSION = "1.0.0"

DESCRIPTION = """\
Growth Atlas tells what the news says about regions, organizations and their economic
indicators. Every observation carries a citation: the source article and the exact span of its
text (`source.text[start:end] == quote`) that states the number.

Lists are paged with an opaque `cursor` (keyset pagination): follow `next_cursor`, or the
`Link: <...>; rel="next"` header, until it is null. Errors are RFC 9457 problem details
(`application/problem+json`).
"""

TAGS = [
    Tag(name="regions", description="Countries, provinces, cities, new areas and world regions."),
    Tag(
        name="organizations",
        description="Companies and joint ventures, where they are, and how they relate.",
    ),
    Tag(name="indicators", description="What an observation measures, and its unit."),
    Tag(name="observations", description="Values stated by the sources, each with its citation."),
    Tag(name="sources", description="The news articles every fact is read from."),
]

_DESCRIPTIONS = {
    HTTPStatus.BAD_REQUEST: "A parameter is malformed or out of bounds; `errors` names each one.",
    HTTPStatus.NOT_FOUND: "No resource has this id.",
    HTTPStatus.NOT_ACCEPTABLE: "None of the media types in `Accept` can be served.",
    HTTPStatus.INTERNAL_SERVER_ERROR: "The server failed; the problem says no more than that.",
    HTTPStatus.SERVICE_UNAVAILABLE: "The database is unreachable; retry after `Retry-After`.",
}


def problem_responses(*statuses: HTTPStatus) -> dict[int, ResponseSpec]:
    """OpenAPI responses for error statuses, documented as `application/problem+json`."""
    return {
        int(status): ResponseSpec(
            data_container=Problem,
            description=_DESCRIPTIONS.get(status, status.phrase),
            media_type=PROBLEM_MEDIA_TYPE,
            generate_examples=False,
        )
        for status in statuses
    }


def openapi_config(public_url: str) -> OpenAPIConfig:
    return OpenAPIConfig(
        title="Growth Atlas",
        version=API_VERSION,
        description=DESCRIPTION,
        contact=Contact(name="Growth Atlas maintainers", email="maintainers@growth-atlas.dev"),
        license=License(name="Apache-2.0", identifier="Apache-2.0"),
        servers=[Server(url=public_url, description="This deployment")],
        tags=TAGS,
        use_handler_docstrings=True,
        path="/schema",
        render_plugins=[],
        create_examples=False,
    )
