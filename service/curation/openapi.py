"""What the contract says of every write: its errors, its headers, its security."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from litestar.datastructures import ResponseHeader

from service.auth.guards import ADMIN_SECURITY, WRITE_SECURITY, requires_scope
from service.curation.bodies import json_body
from service.openapi import problem_responses

ETAG_HEADER = ResponseHeader(
    name="ETag",
    value='"8J3kq0w2Vd1nX5tLr9aZcQe7"',
    description="The strong entity tag of the representation: send it in If-Match to change it.",
    documentation_only=True,
)
LOCATION_HEADER = ResponseHeader(
    name="Location",
    value="/v1/regions/yuelu",
    description="The path of the created resource.",
    documentation_only=True,
)

_WRITE = (
    HTTPStatus.BAD_REQUEST,
    HTTPStatus.UNAUTHORIZED,
    HTTPStatus.FORBIDDEN,
    HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
)
# Writes with a body: it must be `application/json` (415 otherwise), see bodies.py.
_WITH_BODY = (*_WRITE, HTTPStatus.UNSUPPORTED_MEDIA_TYPE)
CREATE_ERRORS = problem_responses(*_WITH_BODY, HTTPStatus.CONFLICT, HTTPStatus.UNPROCESSABLE_ENTITY)
CHILD_CREATE_ERRORS = problem_responses(
    *_WITH_BODY, HTTPStatus.NOT_FOUND, HTTPStatus.CONFLICT, HTTPStatus.UNPROCESSABLE_ENTITY
)
UPDATE_ERRORS = problem_responses(
    *_WITH_BODY,
    HTTPStatus.NOT_FOUND,
    HTTPStatus.CONFLICT,
    HTTPStatus.PRECONDITION_FAILED,
    HTTPStatus.UNPROCESSABLE_ENTITY,
    HTTPStatus.PRECONDITION_REQUIRED,
)
DELETE_ERRORS = problem_responses(
    *_WRITE,
    HTTPStatus.NOT_FOUND,
    HTTPStatus.CONFLICT,
    HTTPStatus.PRECONDITION_FAILED,
    HTTPStatus.PRECONDITION_REQUIRED,
)

# Keyword arguments every write decorator takes.
# The body is checked after the key: a client without one learns that first.
GUARDED: dict[str, Any] = {
    "guards": [requires_scope("write"), json_body],
    "security": WRITE_SECURITY,
}
CREATED: dict[str, Any] = {
    **GUARDED,
    "status_code": HTTPStatus.CREATED,
    "response_headers": [ETAG_HEADER, LOCATION_HEADER],
    "responses": CREATE_ERRORS,
}
UPDATED: dict[str, Any] = {
    **GUARDED,
    "response_headers": [ETAG_HEADER],
    "responses": UPDATE_ERRORS,
}
# Deleting is the one write that cannot be undone by another write: it needs `admin`.
DELETED: dict[str, Any] = {
    "guards": [requires_scope("admin")],
    "security": ADMIN_SECURITY,
    "status_code": HTTPStatus.NO_CONTENT,
    "responses": DELETE_ERRORS,
}
