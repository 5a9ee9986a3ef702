"""CORS is off unless origins are configured; then only those origins are answered."""

from __future__ import annotations

import pytest
from litestar.testing import AsyncTestClient

from service.app import create_app
from service.settings import Settings, SettingsError

# CORS is HTTP behaviour the database does not change: one backend is enough.
pytestmark = pytest.mark.backends("sqlite")

ORIGIN = "https://curators.example.org"
PREFLIGHT = {
    "Origin": ORIGIN,
    "Access-Control-Request-Method": "POST",
    "Access-Control-Request-Headers": "authorization, content-type, idempotency-key",
}


def _with_origins(settings: Settings, *origins: str) -> Settings:
    return Settings(database_url=settings.database_url, cors_allow_origins=origins)


def test_cors_is_off_by_default() -> None:
    assert Settings().cors_allow_origins == ()


async def test_without_origins_a_preflight_gets_no_cors_headers(
    empty_settings: Settings,
) -> None:
    async with AsyncTestClient(app=create_app(empty_settings)) as client:
        preflight = await client.options("/v1/regions", headers=PREFLIGHT)
        simple = await client.get("/v1/regions", headers={"Origin": ORIGIN})
    for response in (preflight, simple):
        assert not [h for h in response.headers if h.startswith("access-control-")]


async def test_a_configured_origin_may_call_the_api(empty_settings: Settings) -> None:
    app = create_app(_with_origins(empty_settings, ORIGIN))
    async with AsyncTestClient(app=app) as client:
        preflight = await client.options("/v1/regions", headers=PREFLIGHT)
        simple = await client.get("/v1/regions", headers={"Origin": ORIGIN})
    assert preflight.status_code == 204
    assert preflight.headers["access-control-allow-origin"] == ORIGIN
    assert "POST" in preflight.headers["access-control-allow-methods"]
    allowed = preflight.headers["access-control-allow-headers"].lower()
    assert {"authorization", "content-type", "idempotency-key"} <= set(allowed.split(", "))
    assert "access-control-allow-credentials" not in preflight.headers
    assert simple.headers["access-control-allow-origin"] == ORIGIN
    exposed = simple.headers["access-control-expose-headers"].lower()
    assert {"etag", "location", "retry-after", "ratelimit-remaining"} <= set(exposed.split(", "))


async def test_other_origins_are_not_answered(empty_settings: Settings) -> None:
    app = create_app(_with_origins(empty_settings, ORIGIN))
    async with AsyncTestClient(app=app) as client:
        preflight = await client.options(
            "/v1/regions", headers={**PREFLIGHT, "Origin": "https://elsewhere.example"}
        )
        simple = await client.get("/v1/regions", headers={"Origin": "https://elsewhere.example"})
    assert preflight.status_code == 400
    assert "access-control-allow-origin" not in simple.headers


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            "https://a.example, http://localhost:3000",
            ("https://a.example", "http://localhost:3000"),
        ),
        (
            '["https://a.example", "https://b.example:8443"]',
            ("https://a.example", "https://b.example:8443"),
        ),
        ("*", ("*",)),
        ("", ()),
    ],
)
def test_origins_are_read_comma_separated_or_as_json(value: str, expected: tuple[str, ...]) -> None:
    environ = {"GROWTH_ATLAS_CORS_ALLOW_ORIGINS": value}
    assert Settings.from_env(environ).cors_allow_origins == expected


@pytest.mark.parametrize(
    "value", ["https://a.example/", "a.example", "ftp://a.example", '["https://a.example"', "[1]"]
)
def test_malformed_origins_stop_the_process_naming_the_variable(value: str) -> None:
    with pytest.raises(SettingsError, match="GROWTH_ATLAS_CORS_ALLOW_ORIGINS"):
        Settings.from_env({"GROWTH_ATLAS_CORS_ALLOW_ORIGINS": value})
