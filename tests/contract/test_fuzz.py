"""Property-based fuzzing of the whole contract against the served app on the seeded database.

The fuzzer talks HTTP, with a write key, to a real server process over a database of its own
(`writable_server`, on each backend): its ASGI shortcut runs each call on a new event loop, which
a pooled async database engine cannot follow.
Checks, phases and their one exclusion are in schemathesis.toml, and the constraints the schema
cannot state in tests/contract/fuzz_hooks.py, both shared with `make fuzz`.

Each operation is a test of its own (on each backend), so that the cores share the fuzzing. The
operations are named from the committed contract, which tests/contract/test_openapi.py proves is
the one served; the cases are made from the served one, when the server is up, as the hooks need
it to issue cursors. (Loaded from the file, schemathesis would make its boundary cases while
collecting the tests, before any server runs.)
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.schemas import OpenApiSchema

from service.openapi import OPENAPI_JSON_PATH
from tests.contract import fuzz_hooks  # noqa: F401  (registers the hooks)
from tests.contract.conftest import WritableServer
from tests.contract.test_openapi import COMMITTED

HTTP_METHODS = {"get", "put", "post", "patch", "delete", "head", "options", "trace"}


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


def operation_ids() -> list[str]:
    document = json.loads(COMMITTED.read_text(encoding="utf-8"))
    return [
        operation["operationId"]
        for item in document["paths"].values()
        for method, operation in item.items()
        if method in HTTP_METHODS
    ]


contract = schemathesis.pytest.from_fixture("contract_schema")


def fuzz_test(operation_id: str) -> Callable[..., None]:
    """The fuzz test of one operation, with every phase, check and hook of the contract's."""

    @contract.include(operation_id=operation_id).parametrize()
    @settings(deadline=None, suppress_health_check=list(HealthCheck))
    def test(case: schemathesis.Case) -> None:
        case.call_and_validate()

    return test


for _operation_id in operation_ids():
    globals()[f"test_{_operation_id}"] = fuzz_test(_operation_id)
