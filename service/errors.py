"""Domain errors, and their translation into RFC 9457 problem details."""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any, Literal

from litestar import Request, Response
from litestar.exceptions import HTTPException, ValidationException
from litestar.types import ExceptionHandler, ExceptionHandlersMap
from msgspec import UNSET
from sqlalchemy import exc as sa_exc

from schemas.problems import InvalidParam, Problem

PROBLEM_MEDIA_TYPE = "application/problem+json"
RETRY_AFTER_SECONDS = 2
ParamLocation = Literal["query", "path", "header", "body", "cookie"]

logger = logging.getLogger("growth_atlas.errors")


class DomainError(Exception):
    """An error the client can act on; `status` and `detail` go to the client as they are."""

    status = HTTPStatus.BAD_REQUEST
    # Headers the response must carry (`WWW-Authenticate` on 401, `Retry-After` on 429).
    headers: dict[str, str] | None = None

    def __init__(self, detail: str, errors: list[InvalidParam] | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.errors = errors


class NotFoundError(DomainError):
    status = HTTPStatus.NOT_FOUND

    def __init__(self, resource: str, resource_id: str) -> None:
        super().__init__(f"No {resource} has the id {resource_id!r}.")


class InvalidParameterError(DomainError):
    """A parameter that passed type checks but makes no sense (a foreign cursor, a bad range)."""

    def __init__(self, name: str, reason: str, location: ParamLocation = "query") -> None:
        super().__init__(
            f"Invalid {location} parameter {name!r}: {reason}",
            [InvalidParam(name=name, location=location, reason=reason)],
        )


class UnprocessableError(DomainError):
    """A well-formed body whose content cannot be accepted (a quote not in its source)."""

    status = HTTPStatus.UNPROCESSABLE_ENTITY

    def __init__(self, name: str, reason: str, location: ParamLocation = "body") -> None:
        super().__init__(
            f"Invalid {location} field {name!r}: {reason}",
            [InvalidParam(name=name, location=location, reason=reason)],
        )


class ConflictError(DomainError):
    """The write contradicts the stored data: a duplicate id, or dependents still in place."""

    status = HTTPStatus.CONFLICT


class PreconditionFailedError(DomainError):
    status = HTTPStatus.PRECONDITION_FAILED


class PreconditionRequiredError(DomainError):
    status = HTTPStatus.PRECONDITION_REQUIRED


def problem_response(
    status: int,
    detail: str,
    errors: list[InvalidParam] | None = None,
    headers: dict[str, str] | None = None,
) -> Response[Problem]:
    problem = Problem(
        type="about:blank",
        title=HTTPStatus(status).phrase,
        status=status,
        detail=detail,
        errors=errors or UNSET,
    )
    return Response(problem, status_code=status, media_type=PROBLEM_MEDIA_TYPE, headers=headers)


def _domain_error(_: Request[Any, Any, Any], exc: DomainError) -> Response[Problem]:
    return problem_response(exc.status, exc.detail, exc.errors, exc.headers)


def _validation_error(_: Request[Any, Any, Any], exc: ValidationException) -> Response[Problem]:
    errors = [_invalid_param(item) for item in exc.extra or [] if isinstance(item, dict)]
    if errors:
        names = ", ".join(repr(error.name) for error in errors)
        detail = f"The request has invalid parameters: {names}."
    else:
        detail = str(exc.detail)
    return problem_response(HTTPStatus.BAD_REQUEST, detail, errors or None)


def _invalid_param(item: dict[str, Any]) -> InvalidParam:
    source = item.get("source")
    # Litestar gives a `ParamType` (a str enum): its value, not its str(), names the location.
    location = str(getattr(source, "value", source) or "query")
    if location not in ("query", "path", "header", "body", "cookie"):
        location = "query"
    return InvalidParam(
        name=str(item.get("key") or ""),
        location=location,  # type: ignore[arg-type]
        reason=str(item.get("message") or "invalid value"),
    )


def _http_error(max_body_bytes: int) -> ExceptionHandler[HTTPException]:
    def answer(_: Request[Any, Any, Any], exc: HTTPException) -> Response[Problem]:
        detail = str(exc.detail)
        if exc.status_code == HTTPStatus.REQUEST_ENTITY_TOO_LARGE:
            detail = f"The request body is larger than the limit of {max_body_bytes} bytes."
        return problem_response(exc.status_code, detail, headers=exc.headers)

    return answer


def _database_error(request: Request[Any, Any, Any], exc: Exception) -> Response[Problem]:
    """Database down, unreachable or saturated: 503 with `Retry-After`; anything else is ours."""
    if not is_unavailable(exc):
        return _unexpected_error(request, exc)
    logger.warning("database unavailable on %s %s: %r", request.method, request.url.path, exc)
    return problem_response(
        HTTPStatus.SERVICE_UNAVAILABLE,
        "The database is unavailable; retry shortly.",
        headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
    )


def is_unavailable(exc: BaseException | None) -> bool:
    """Whether `exc` means the database cannot serve now, rather than a bug of ours."""
    if isinstance(exc, sa_exc.TimeoutError | OSError | TimeoutError):
        return True  # no pooled connection free in time, or the server is unreachable
    if isinstance(exc, sa_exc.OperationalError | sa_exc.InterfaceError):
        return True  # connection lost, server shutting down, statement timeout
    if isinstance(exc, sa_exc.DBAPIError):
        return exc.connection_invalidated or is_unavailable(exc.orig)
    return False


def _unexpected_error(request: Request[Any, Any, Any], exc: Exception) -> Response[Problem]:
    """Log the real cause; tell the client only that it was ours, never a trace or SQL."""
    logger.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return problem_response(
        HTTPStatus.INTERNAL_SERVER_ERROR, "The server failed to answer this request."
    )


def exception_handlers(max_request_body_bytes: int) -> ExceptionHandlersMap:
    """Every error as a problem; a 413 names the limit the app was built with."""
    return {
        DomainError: _domain_error,
        sa_exc.SQLAlchemyError: _database_error,
        OSError: _database_error,
        TimeoutError: _database_error,
        ValidationException: _validation_error,
        HTTPException: _http_error(max_request_body_bytes),
        Exception: _unexpected_error,
    }
