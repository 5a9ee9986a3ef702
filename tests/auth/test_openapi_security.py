"""The contract declares the bearer scheme, 401 with its challenge, and 429 on every operation."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

import pytest
from litestar import Request, post

from service.app import create_app
from service.auth.guards import SECURITY_SCHEME, WRITE_SECURITY, requires_scope
from service.openapi import contract_document, problem_responses
from service.settings import Settings

RATE_LIMIT_HEADERS = {"Retry-After", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"}


@post(
    "/v1/documented-probe",
    guards=[requires_scope("write")],
    security=WRITE_SECURITY,
    responses=problem_responses(HTTPStatus.UNAUTHORIZED, HTTPStatus.FORBIDDEN),
    operation_id="documentedProbe",
    status_code=200,
)
async def documented_probe(request: Request[Any, Any, Any]) -> None:
    return None


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    app = create_app(Settings(database_url="sqlite+aiosqlite:///:memory:"))
    app.register(documented_probe)
    return contract_document(app.openapi_schema.to_schema())


def _operations(document: dict[str, Any]) -> list[dict[str, Any]]:
    return [op for item in document["paths"].values() for op in item.values()]


def test_the_bearer_scheme_is_declared(document: dict[str, Any]) -> None:
    scheme = document["components"]["securitySchemes"][SECURITY_SCHEME]
    assert (scheme["type"], scheme["scheme"]) == ("http", "bearer")


def test_a_guarded_operation_requires_the_scheme_and_documents_401_and_403(
    document: dict[str, Any],
) -> None:
    operation = document["paths"]["/v1/documented-probe"]["post"]
    assert operation["security"] == [{SECURITY_SCHEME: []}]
    unauthorized = operation["responses"]["401"]
    assert set(unauthorized["headers"]) == {"WWW-Authenticate"}
    assert "application/problem+json" in unauthorized["content"]
    assert "application/problem+json" in operation["responses"]["403"]["content"]


def test_every_operation_documents_429_with_its_headers(document: dict[str, Any]) -> None:
    # The limits count API calls: the HTML pages outside /v1 are not limited, so say no 429.
    operations = [
        op
        for path, item in document["paths"].items()
        if path.startswith("/v1/")
        for op in item.values()
    ]
    assert len(operations) > 10
    for operation in operations:
        limited = operation["responses"]["429"]
        assert set(limited["headers"]) == RATE_LIMIT_HEADERS, operation["operationId"]
        assert "application/problem+json" in limited["content"]


def test_reads_need_no_key(document: dict[str, Any]) -> None:
    reads = [item["get"] for item in document["paths"].values() if "get" in item]
    assert reads
    assert all("security" not in operation for operation in reads)
