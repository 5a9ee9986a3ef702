"""Neither responses nor logs repeat a key, SQL or a stack trace."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from litestar.testing import AsyncTestClient

from service.settings import Settings
from tests.auth.support import (
    ADMIN_PATH,
    WRITE_PATH,
    admin_probe,
    revoke,
    write_probe,
)
from tests.hardening.support import probed_app
from tests.keys import new_key
from tests.servers import serve

# What responses and logs say is HTTP behaviour; the keys' storage is tested on both backends
# by tests/auth/test_cli_keys.py and tests/curation. One backend is enough here.
pytestmark = pytest.mark.backends("sqlite")


@pytest.fixture
async def client(empty_settings: Settings) -> AsyncIterator[AsyncTestClient]:
    """Made before the test runs, so that the test's log capture sees the app's loggers."""
    app = probed_app(empty_settings)
    app.register(write_probe)
    app.register(admin_probe)
    async with AsyncTestClient(app=app) as test_client:
        yield test_client


async def test_a_key_appears_in_no_response_and_no_log(
    client: AsyncTestClient, empty_settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    token = await new_key(empty_settings, "curator", "write")
    bearer = {"Authorization": f"Bearer {token}"}
    with caplog.at_level(logging.DEBUG):
        answers = [
            await client.post(ADMIN_PATH, headers=bearer),  # 403: the wrong scope
            await client.get("/v1/regions/atlantis", headers=bearer),  # 404
            await client.get("/v1/nowhere", headers=bearer),  # unmatched route
        ]
        await revoke(empty_settings, "curator")
        answers.append(await client.post(WRITE_PATH, headers=bearer))  # 401: revoked
    assert [a.status_code for a in answers] == [403, 404, 404, 401]
    # `ga_<prefix>_<secret>`: the secret itself may hold underscores.
    secret = token.split("_", 2)[2]
    for answer in answers:
        assert secret not in answer.text
        assert secret not in str(answer.headers)
    assert caplog.records  # the requests were logged ...
    logged = caplog.text + "".join(str(getattr(r, "fields", "")) for r in caplog.records)
    assert secret not in logged  # ... without the key
    assert "authorization" not in logged.lower()


async def test_an_unexpected_error_tells_the_client_nothing_of_it(
    client: AsyncTestClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR):
        response = await client.post("/v1/failing-probe")
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["detail"] == "The server failed to answer this request."
    for leak in ("SELECT", "api_keys", "Traceback", "RuntimeError", ".py"):
        assert leak not in response.text
    assert "SELECT key_hash" in caplog.text  # the cause is logged, for the operators


def test_a_real_server_logs_no_authorization_header(
    empty_settings: Settings, tmp_path: Path
) -> None:
    token = asyncio.run(new_key(empty_settings, "curator", "write"))
    headers = {"Authorization": f"Bearer {token}"}
    with (
        serve(empty_settings, tmp_path, log_level="debug") as server,
        httpx.Client(base_url=server.base_url, trust_env=False, timeout=10) as client,
    ):
        paths = ("/v1/indicators", "/v1/nowhere")
        statuses = [client.get(path, headers=headers).status_code for path in paths]
        logs = server.logs()
    assert statuses == [200, 404]
    assert '"route":"/v1/indicators"' in logs  # the request lines were written ...
    assert token.split("_", 2)[2] not in logs  # ... and name no key
    assert "bearer" not in logs.lower()
