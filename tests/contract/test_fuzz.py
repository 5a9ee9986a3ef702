"""Property-based fuzzing of the whole contract against the served app on the seeded database.

The fuzzer talks HTTP, with a write key, to a real server process over a database of its own
(`writable_server`, on each backend): its ASGI shortcut runs each call on a new event loop, which
a pooled async database engine cannot follow.
Checks, phases and their one exclusion are in schemathesis.toml, and the constraints the schema
cannot state in tests/contract/fuzz_hooks.py, both shared with `make fuzz`.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.schemas import OpenApiSchema

from service.openapi import OPENAPI_JSON_PATH
from tests.contract import fuzz_hooks  # noqa: F401  (registers the hooks)
from tests.contract.conftest import WritableServer


@pytest.fixture(scope="session")
def contract_schema(
    writable_server: WritableServer, monkeypatch_session: pytest.MonkeyPatch
) -> OpenApiSchema:
    """The served contract, with the write key schemathesis.toml reads from FUZZ_API_KEY."""
    monkeypatch_session.setenv("FUZZ_API_KEY", writable_server.write_key)
    return schemathesis.openapi.from_url(writable_server.base_url + OPENAPI_JSON_PATH)


@pytest.fixture(scope="session")
def monkeypatch_session() -> Iterator[pytest.MonkeyPatch]:
    with pytest.MonkeyPatch.context() as patch:
        yield patch


pytestmark = pytest.mark.slow

schema = schemathesis.pytest.from_fixture("contract_schema")


@schema.parametrize()
@settings(deadline=None, suppress_health_check=list(HealthCheck))
def test_every_operation_honours_the_contract(case: schemathesis.Case) -> None:
    case.call_and_validate()
