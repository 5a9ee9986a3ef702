"""HTTP for search."""

from __future__ import annotations

from http import HTTPStatus
from typing import Annotated

from litestar import Controller, Response, get
from litestar.di import NamedDependency
from litestar.params import QueryParameter

from schemas.search import SearchKind, SearchPage
from service.db.connection import Database
from service.errors import InvalidParameterError
from service.openapi import problem_responses
from service.pagination import LINK_HEADER, Pager, cursor_key
from service.representations.openapi import negotiated
from service.representations.respond import Representation
from service.search import queries
from service.search.folding import fold

# No NUL (PostgreSQL text cannot hold it), and something besides the white space `str.strip`
# removes, spelled out because `\s` means different things to Python and ECMAScript regexes.
_WHITE = r"\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_SOME_TEXT = rf"^[^\x00]*[^\x00{_WHITE}][^\x00]*$"

SearchQuery = Annotated[
    str,
    QueryParameter(
        description=(
            "Text to find in names, short names and aliases, case-insensitive, in any script "
            "(Hunan, 湖南, zoom)."
        ),
        min_length=1,
        max_length=200,
        pattern=_SOME_TEXT,
    ),
]
KindFilter = Annotated[SearchKind | None, QueryParameter(description="Only hits of this kind.")]


class SearchController(Controller):
    path = "/v1/search"
    tags = ["search"]

    @get(
        "/",
        operation_id="search",
        response_headers=[LINK_HEADER],
        summary="Search regions, organizations and indicators",
        responses=problem_responses(HTTPStatus.BAD_REQUEST, HTTPStatus.NOT_ACCEPTABLE),
        operation_class=negotiated(SearchPage),
        opt=cursor_key(queries.SEARCH_KEY),
    )
    async def search(
        self,
        db: NamedDependency[Database],
        pager: NamedDependency[Pager],
        representation: NamedDependency[Representation],
        q: SearchQuery,
        kind: KindFilter = None,
    ) -> Response[SearchPage]:
        """Exact matches first, then prefixes, then substrings; within each, regions, then
        organizations, then indicators, each in id order."""
        text = fold(q).strip()
        if not text:
            raise InvalidParameterError("q", "must contain more than white space")
        found = await queries.search(db, text, kind, pager.after, pager.fetch)
        page_hits, cursor = pager.split(found, lambda hit: hit.key)
        terms = await queries.terms_of(db, page_hits)
        hits = [queries.hit_of(f, terms[(f.kind_order, f.id)], text) for f in page_hits]
        return representation.respond(
            pager.respond(SearchPage(items=hits, next_cursor=cursor), cursor)
        )
