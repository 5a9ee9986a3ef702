"""Every response tells browsers not to sniff, frame or refer; /docs may load only itself."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from litestar.testing import AsyncTestClient

from service.app import create_app
from service.hardening import API_POLICY, DOCS_POLICY
from service.settings import Settings
from tests.servers import serve

# Headers are HTTP behaviour the database does not change: one backend is enough.
pytestmark = pytest.mark.backends("sqlite")

COMMON = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}


@pytest.fixture
async def client(empty_settings: Settings) -> AsyncIterator[AsyncTestClient]:
    async with AsyncTestClient(app=create_app(empty_settings)) as test_client:
        yield test_client


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/v1/indicators", 200),
        ("/v1/regions/atlantis", 404),
        ("/v1/regions?limit=0", 400),
        ("/v1/nowhere", 404),
        ("/health/live", 200),
        ("/schema/openapi.json", 200),
    ],
)
async def test_api_responses_get_the_strict_policy(
    client: AsyncTestClient, path: str, status: int
) -> None:
    response = await client.get(path)
    assert response.status_code == status
    for name, value in COMMON.items():
        assert response.headers[name] == value
    assert response.headers["content-security-policy"] == API_POLICY
    assert "default-src 'none'" in API_POLICY
    assert "frame-ancestors 'none'" in API_POLICY


@pytest.mark.parametrize("path", ["/docs", "/docs/init.js", "/docs/assets/swagger-ui.css"])
async def test_the_docs_page_may_load_only_its_own_assets(
    client: AsyncTestClient, path: str
) -> None:
    response = await client.get(path)
    assert response.status_code == 200
    policy = response.headers["content-security-policy"]
    assert policy == DOCS_POLICY
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == "'self'"  # no inline script, no CDN
    assert directives["connect-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    for name, value in COMMON.items():
        assert response.headers[name] == value


def test_a_real_server_names_no_server_software(empty_settings: Settings, tmp_path: Path) -> None:
    with serve(empty_settings, tmp_path) as server:
        response = httpx.get(server.base_url + "/v1/indicators", trust_env=False, timeout=10)
        missing = httpx.get(server.base_url + "/v1/nowhere", trust_env=False, timeout=10)
    for answer in (response, missing):
        assert "server" not in answer.headers
        assert "x-powered-by" not in answer.headers
        assert answer.headers["x-content-type-options"] == "nosniff"
