"""The committed contract is what the app serves, and says everything an SDK user needs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from litestar.testing import AsyncTestClient

from service.app import create_app
from service.openapi import OPENAPI_JSON_PATH, contract_document
from service.settings import Settings

COMMITTED = Path(__file__).resolve().parents[2] / "openapi" / "openapi.json"
REGENERATE = "regenerate it with `make openapi` and commit openapi/openapi.json"


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    return json.loads(COMMITTED.read_text(encoding="utf-8"))


def _operations(document: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [
        (f"{method.upper()} {path}", operation)
        for path, item in document["paths"].items()
        for method, operation in item.items()
    ]


def test_committed_document_matches_the_app() -> None:
    app = create_app(Settings(database_url="sqlite+aiosqlite:///:memory:"))
    generated = contract_document(app.openapi_schema.to_schema())
    committed = json.loads(COMMITTED.read_text(encoding="utf-8"))
    assert generated == committed, f"openapi/openapi.json is stale: {REGENERATE}"


async def test_served_document_is_the_committed_one(client: AsyncTestClient) -> None:
    response = await client.get(OPENAPI_JSON_PATH)
    assert response.status_code == 200
    assert response.json() == json.loads(COMMITTED.read_text(encoding="utf-8"))


def test_document_describes_the_service(document: dict[str, Any]) -> None:
    info = document["info"]
    assert document["openapi"].startswith("3.1")
    assert info["description"]
    assert info["contact"]
    assert info["license"]["identifier"]
    assert document["servers"]
    assert all(tag.get("description") for tag in document["tags"])


def test_every_operation_is_named_tagged_and_described(document: dict[str, Any]) -> None:
    ids = []
    for name, operation in _operations(document):
        assert operation.get("operationId"), name
        assert operation.get("summary"), name
        assert operation.get("description"), name
        assert operation.get("tags"), name
        ids.append(operation["operationId"])
    assert len(ids) == len(set(ids)), "operationIds must be unique"


def test_every_parameter_is_described_and_bounded(document: dict[str, Any]) -> None:
    for name, operation in _operations(document):
        for parameter in operation.get("parameters", []):
            where = f"{name} {parameter['name']}"
            assert parameter.get("description"), where
            schema = parameter["schema"]
            if schema.get("type") == "string" and "enum" not in schema:
                has_bound = "maxLength" in schema or schema.get("format") == "date"
                assert has_bound, f"{where}: unbounded string"
            if schema.get("type") == "integer":
                assert "maximum" in schema, f"{where}: no maximum"
                assert "minimum" in schema, f"{where}: no minimum"
            if parameter["in"] == "path":
                assert parameter.get("examples"), f"{where}: no example id"


def test_every_error_is_problem_json(document: dict[str, Any]) -> None:
    """Under /v1 errors are problem details; a page's errors are pages (text/html)."""
    problem = {"$ref": "#/components/schemas/Problem"}
    for name, operation in _operations(document):
        errors = {s: r for s, r in operation["responses"].items() if s.startswith(("4", "5"))}
        assert "400" in errors, f"{name}: bad parameters are not documented"
        page = operation["tags"] == ["pages"]
        assert page == (not name.split()[1].startswith("/v1/")), f"{name}: pages live outside /v1"
        for status, response in errors.items():
            content = response.get("content", {})
            if page:
                assert content == {"text/html": {"schema": {"type": "string"}}}, f"{name} {status}"
                continue
            assert list(content) == ["application/problem+json"], f"{name} {status}"
            assert content["application/problem+json"]["schema"] == problem, f"{name} {status}"


def test_pages_answer_only_html(document: dict[str, Any]) -> None:
    for name, operation in _operations(document):
        if operation["tags"] == ["pages"]:
            assert list(operation["responses"]["200"]["content"]) == ["text/html"], name


def test_item_operations_document_not_found(document: dict[str, Any]) -> None:
    for name, operation in _operations(document):
        if "{" in name:
            assert "404" in operation["responses"], name
