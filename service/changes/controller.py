"""HTTP for the change feed."""

from __future__ import annotations

from http import HTTPStatus

from litestar import Controller, Response, get
from litestar.di import NamedDependency

from schemas.changes import ChangePage
from service.changes import queries
from service.db.connection import Database
from service.openapi import problem_responses
from service.pagination import LINK_HEADER, SEQUENCE_KEY, Pager, cursor_key


class ChangeController(Controller):
    path = "/v1/changes"
    tags = ["changes"]

    @get(
        "/",
        operation_id="listChanges",
        response_headers=[LINK_HEADER],
        summary="List changes in commit order",
        responses=problem_responses(HTTPStatus.BAD_REQUEST),
        opt=cursor_key(SEQUENCE_KEY),
    )
    async def list_changes(
        self, db: NamedDependency[Database], pager: NamedDependency[Pager]
    ) -> Response[ChangePage]:
        """Every create, update and delete, oldest first. To mirror the dataset, fetch what
        each change's `path` shows now, then poll again with `next_cursor`: it is never null,
        and an empty page means you are up to date."""
        after = int(pager.after[0]) if pager.after else 0
        items = await queries.list_changes(db, after, pager.limit)
        cursor = pager.cursor_at((items[-1].sequence if items else after,))
        return pager.respond(ChangePage(items=items, next_cursor=cursor), cursor)
