"""HTTP for the pages: each handler reads its context and renders its template."""

from __future__ import annotations

from http import HTTPStatus
from pathlib import Path
from typing import Annotated, Any

from litestar import Controller, Router, get
from litestar.di import NamedDependency
from litestar.params import QueryParameter
from litestar.response import Template
from litestar.static_files import create_static_files_router

from service.db.connection import Database
from service.openapi import PAGES_TAG
from service.pages import contexts
from service.pages.errors import PAGE_EXCEPTION_HANDLERS
from service.pages.openapi import PageOperation, page_errors
from service.params import OrganizationId, RegionId, SourceId
from service.representations import caching

STATIC_DIR = Path(__file__).parent / "static"
STATIC_PATH = "/static"
_ITEM_ERRORS = page_errors(HTTPStatus.NOT_FOUND)
_LIST_ERRORS = page_errors()

PageSearchText = Annotated[
    str | None,
    QueryParameter(
        description="Text to find in names, short names and aliases, as `/v1/search?q=`.",
        max_length=200,
        pattern=r"^[^\x00]*$",  # PostgreSQL text cannot hold NUL
    ),
]


def _page_get(path: str, operation_id: str, summary: str, *, item: bool = True) -> get:
    """A page's GET: an HTML operation, documented with the error pages it can answer."""
    errors = _ITEM_ERRORS if item else _LIST_ERRORS
    return get(
        path,
        operation_id=operation_id,
        summary=summary,
        responses=errors,
        operation_class=PageOperation,
    )


def _page(name: str, context: dict[str, Any], cache_control: str) -> Template:
    return Template(template_name=name, context=context, headers={"Cache-Control": cache_control})


class PageController(Controller):
    path = "/"
    tags = [PAGES_TAG]

    @_page_get("/", "getHomePage", "Home page", item=False)
    async def home(self, db: NamedDependency[Database]) -> Template:
        """A search box, the sources, and the regions as a tree."""
        return _page("home.html.j2", await contexts.home(db), caching.LISTS)

    @_page_get("/search", "getSearchPage", "Search page", item=False)
    async def search(self, db: NamedDependency[Database], q: PageSearchText = None) -> Template:
        """Regions, organizations and indicators whose names match `q`, as links."""
        return _page("search.html.j2", await contexts.search_results(db, q), caching.LISTS)

    @_page_get("/sources/{source_id:str}", "getSourcePage", "Source page")
    async def source(self, db: NamedDependency[Database], source_id: SourceId) -> Template:
        """The article's text with every cited fact highlighted where its citation lies."""
        # Its facts change as curators accept them: cached as an item, not as the bare text.
        return _page("source.html.j2", await contexts.source(db, source_id), caching.ITEMS)

    @_page_get(
        "/sources/{source_id:str}/review",
        "getSourceReviewPage",
        "Review page of a source's proposals",
    )
    async def review(self, db: NamedDependency[Database], source_id: SourceId) -> Template:
        """The article with its accepted facts; the page's script loads the proposals."""
        # A curator must see what was just accepted: revalidated on every visit.
        return _page("review.html.j2", await contexts.source(db, source_id), caching.DEFAULT)

    @_page_get("/regions/{region_id:str}", "getRegionPage", "Region page")
    async def region(self, db: NamedDependency[Database], region_id: RegionId) -> Template:
        """A region, where it lies, what is in it, its observations and their charts."""
        return _page("region.html.j2", await contexts.region(db, region_id), caching.ITEMS)

    @_page_get("/organizations/{organization_id:str}", "getOrganizationPage", "Organization page")
    async def organization(
        self, db: NamedDependency[Database], organization_id: OrganizationId
    ) -> Template:
        """An organization, where it is, how it relates to others, its observations."""
        context = await contexts.organization(db, organization_id)
        return _page("organization.html.j2", context, caching.ITEMS)


def pages_router() -> Router:
    """The pages and their one stylesheet and scripts, errors answered as pages."""
    assets = create_static_files_router(
        path=STATIC_PATH, directories=[STATIC_DIR], include_in_schema=False
    )
    return Router(
        path="/",
        route_handlers=[PageController, assets],
        exception_handlers=PAGE_EXCEPTION_HANDLERS,
    )
