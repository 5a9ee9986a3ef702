"""What every API test checks the same way: resource shapes, and problem details."""

from __future__ import annotations

from typing import Any

import httpx
from litestar.testing import AsyncTestClient

PAGE_FIELDS = {"items", "next_cursor"}
CITATION_FIELDS = {"source", "quote", "start", "end"}
REGION_FIELDS = {"id", "name", "kind", "parent", "aliases", "iso_3166", "citations"}
ORGANIZATION_FIELDS = {
    "id",
    "name",
    "short_name",
    "kind",
    "headquarters",
    "sectors",
    "aliases",
    "description",
    "regions",
    "relations",
    "citations",
}
REGION_LINK_FIELDS = {"region", "role", "citation"}
RELATION_FIELDS = {"subject", "kind", "object", "citation"}
INDICATOR_FIELDS = {"id", "name", "description", "unit"}
OBSERVATION_FIELDS = {
    "id",
    "indicator",
    "region",
    "organization",
    "period_start",
    "period_end",
    "period_label",
    "value",
    "unit",
    "unit_base",
    "unit_scale",
    "comparator",
    "as_reported",
    "citation",
}
SOURCE_SUMMARY_FIELDS = {"id", "title", "publisher", "published_on", "authors", "url", "language"}
SOURCE_FIELDS = SOURCE_SUMMARY_FIELDS | {"text"}
PROBLEM_FIELDS = {"type", "title", "status", "detail"}

# What must never reach a client: traces, file paths, SQL, driver names.
LEAK_MARKERS = ("Traceback", 'File "', ".py", "SELECT ", "sqlalchemy", "aiosqlite", "asyncpg")

TOO_LONG_ID = "a" * 65
MALFORMED_IDS = ["HUNAN", "Hunan", TOO_LONG_ID, "hu_nan", "-hunan", "hunan-", "hu--nan", "hu%20nan"]
BAD_LIMITS = ["0", "501", "abc", "-1", "1.5", ""]


def ids(response: httpx.Response) -> list[str]:
    assert response.status_code == 200, f"{response.request.url}: {response.text}"
    return [item["id"] for item in response.json()["items"]]


async def assert_filters(
    client: AsyncTestClient, path: str, cases: list[tuple[dict[str, Any], list[str]]]
) -> None:
    """Each query gives exactly the expected ids, in order; all mismatches are reported at once."""
    wrong = {}
    for params, expected in cases:
        found = ids(await client.get(path, params=params))
        if found != expected:
            wrong[str(params)] = {"found": found, "expected": expected}
    assert not wrong, wrong


def page(response: httpx.Response) -> list[dict[str, Any]]:
    assert response.status_code == 200, response.text
    body = response.json()
    assert set(body) == PAGE_FIELDS
    items: list[dict[str, Any]] = body["items"]
    return items


def assert_problem(
    response: httpx.Response, status: int, parameter: str | None = None, location: str = "query"
) -> dict[str, Any]:
    """An RFC 9457 problem with this status; for a bad parameter, an `errors` entry naming it."""
    assert response.status_code == status, f"{response.request.url}: {response.text}"
    assert response.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = response.json()
    assert PROBLEM_FIELDS <= set(body) <= PROBLEM_FIELDS | {"errors", "instance"}
    assert body["status"] == status
    assert body["title"]
    assert body["detail"]
    for marker in LEAK_MARKERS:
        assert marker not in response.text, f"{marker!r} leaked: {response.text}"
    if parameter is not None:
        named = [(error["name"], error["location"]) for error in body.get("errors") or []]
        assert (parameter, location) in named, body
        for error in body["errors"]:
            assert set(error) == {"name", "location", "reason"}
            assert error["reason"]
    return body


def assert_citation(citation: dict[str, Any]) -> None:
    assert set(citation) == CITATION_FIELDS
    assert 0 <= citation["start"] < citation["end"]
    assert citation["end"] - citation["start"] == len(citation["quote"])
