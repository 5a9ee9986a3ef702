"""Errors on a page's route answer as pages: a person followed a link, not a client a URL."""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from litestar import Request
from litestar.exceptions import HTTPException, ValidationException
from litestar.response import Template
from litestar.types import ExceptionHandlersMap
from sqlalchemy import exc as sa_exc

from service.errors import RETRY_AFTER_SECONDS, DomainError, is_unavailable
from service.representations import caching

logger = logging.getLogger("growth_atlas.pages")


def error_page(status: int, detail: str, headers: dict[str, str] | None = None) -> Template:
    return Template(
        template_name="error.html.j2",
        context={"status": status, "title": HTTPStatus(status).phrase, "detail": detail},
        status_code=status,
        headers={"Cache-Control": caching.NO_STORE, **(headers or {})},
    )


def _domain_error(_: Request[Any, Any, Any], exc: DomainError) -> Template:
    return error_page(exc.status, exc.detail, exc.headers)


def _validation_error(_: Request[Any, Any, Any], exc: ValidationException) -> Template:
    names = [str(item.get("key")) for item in exc.extra or [] if isinstance(item, dict)]
    detail = f"This address has invalid parameters: {', '.join(names)}." if names else exc.detail
    return error_page(HTTPStatus.BAD_REQUEST, str(detail))


def _http_error(_: Request[Any, Any, Any], exc: HTTPException) -> Template:
    return error_page(exc.status_code, str(exc.detail), exc.headers)


def _unexpected_error(request: Request[Any, Any, Any], exc: Exception) -> Template:
    if is_unavailable(exc):
        logger.warning("database unavailable on %s: %r", request.url.path, exc)
        return error_page(
            HTTPStatus.SERVICE_UNAVAILABLE,
            "The database is unavailable; reload this page shortly.",
            {"Retry-After": str(RETRY_AFTER_SECONDS)},
        )
    logger.exception("unhandled error on %s", request.url.path, exc_info=exc)
    return error_page(HTTPStatus.INTERNAL_SERVER_ERROR, "The server failed to show this page.")


PAGE_EXCEPTION_HANDLERS: ExceptionHandlersMap = {
    DomainError: _domain_error,
    ValidationException: _validation_error,
    HTTPException: _http_error,
    sa_exc.SQLAlchemyError: _unexpected_error,
    OSError: _unexpected_error,
    Exception: _unexpected_error,
}
