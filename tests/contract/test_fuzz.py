"""Property-based fuzzing of the whole contract against the served app on the seeded database.

The fuzzer talks HTTP to a real server process (`live_server`, on each backend): its ASGI
shortcut runs each call on a new event loop, which a pooled async database engine cannot follow.
Checks, phases and their one exclusion are in schemathesis.toml, and the constraints the schema
cannot state in tests/contract/fuzz_hooks.py, both shared with `make fuzz`.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.schemas import OpenApiSchema

from service.openapi import OPENAPI_JSON_PATH
from tests.contract import fuzz_hooks  # noqa: F401  (registers the hooks)


@pytest.fixture(scope="session")
def contract_schema(live_server: str) -> OpenApiSchema:
    return schemathesis.openapi.from_url(live_server + OPENAPI_JSON_PATH)


schema = schemathesis.pytest.from_fixture("contract_schema")


@schema.parametrize()
@settings(deadline=None, suppress_health_check=list(HealthCheck))
def test_every_operation_honours_the_contract(case: schemathesis.Case) -> None:
    case.call_and_validate()
