"""Property-based fuzzing of the whole contract against the served app on the seeded database.

The fuzzer talks HTTP to a real server process (`live_server`): its ASGI shortcut runs each call
on a new event loop, which a pooled async database engine cannot follow. Checks, phases and
their one exclusion are in schemathesis.toml, shared with `make fuzz`.
"""

from __future__ import annotations

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.generation.modes import GenerationMode
from schemathesis.specs.openapi.schemas import OpenApiSchema

from service.openapi import OPENAPI_JSON_PATH


@pytest.fixture(scope="session")
def contract_schema(live_server: str) -> OpenApiSchema:
    return schemathesis.openapi.from_url(live_server + OPENAPI_JSON_PATH)


schema = schemathesis.pytest.from_fixture("contract_schema")


def use_an_issued_cursor(case: schemathesis.Case, base_url: str) -> None:
    """A schema-valid cursor is only valid if the server issued it for these filters.

    Random strings cannot be, so a positive case carries a real one: the cursor the server
    gives for the first page of the same query (or none, when that query has one page).
    Negative cases keep their malformed cursors, which must be refused.
    """
    meta = case.meta
    if meta is None or meta.generation.mode != GenerationMode.POSITIVE:
        return
    if not case.query or "cursor" not in case.query:
        return
    first_page = {k: v for k, v in case.query.items() if k != "cursor"} | {"limit": 1}
    response = httpx.get(base_url + case.formatted_path, params=first_page, timeout=10)
    cursor = response.json().get("next_cursor") if response.status_code == 200 else None
    if cursor:
        case.query["cursor"] = cursor
    else:
        del case.query["cursor"]


def order_the_period(case: schemathesis.Case) -> None:
    """`period_from` after `period_to` is a documented 400 that JSON Schema cannot express."""
    meta = case.meta
    if meta is None or meta.generation.mode != GenerationMode.POSITIVE or not case.query:
        return
    start, end = case.query.get("period_from"), case.query.get("period_to")
    if isinstance(start, str) and isinstance(end, str) and start > end:
        case.query["period_from"], case.query["period_to"] = end, start


@schema.parametrize()
@settings(deadline=None, suppress_health_check=list(HealthCheck))
def test_every_operation_honours_the_contract(case: schemathesis.Case, live_server: str) -> None:
    order_the_period(case)
    use_an_issued_cursor(case, live_server)
    case.call_and_validate()
