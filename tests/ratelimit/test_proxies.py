"""`X-Forwarded-For` counts only from configured proxies: a client cannot pick its own address."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from service.settings import Settings, SettingsError
from tests.conftest import migrated
from tests.servers import serve

LIMIT = 5
REQUESTS = 12


def statuses(base_url: str) -> list[int]:
    """Each request claims another client address."""
    with httpx.Client(base_url=base_url, timeout=5.0, trust_env=False) as client:
        return [
            client.get("/v1/indicators", headers={"X-Forwarded-For": f"203.0.113.{n}"}).status_code
            for n in range(REQUESTS)
        ]


def sqlite(tmp_path: Path) -> Settings:
    return migrated(Settings(database_url=f"sqlite+aiosqlite:///{tmp_path / 'atlas.db'}"))


def test_forwarded_addresses_from_an_untrusted_peer_are_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # uvicorn's own variable must not reopen the door either.
    monkeypatch.setenv("FORWARDED_ALLOW_IPS", "*")
    with serve(sqlite(tmp_path), tmp_path, rate_limit_anonymous_per_minute=str(LIMIT)) as server:
        found = statuses(server.base_url)
    assert found == [200] * LIMIT + [429] * (REQUESTS - LIMIT)


def test_a_configured_proxy_is_believed(tmp_path: Path) -> None:
    with serve(
        sqlite(tmp_path),
        tmp_path,
        rate_limit_anonymous_per_minute=str(LIMIT),
        trusted_proxies="127.0.0.1/32",
    ) as server:
        found = statuses(server.base_url)
    assert found == [200] * REQUESTS


def test_proxies_are_none_by_default_and_checked() -> None:
    assert Settings().trusted_proxies == ()
    parsed = Settings.from_env({"GROWTH_ATLAS_TRUSTED_PROXIES": "10.0.0.0/8,fd00::/8, 192.0.2.1"})
    assert parsed.trusted_proxies == ("10.0.0.0/8", "fd00::/8", "192.0.2.1")
    with pytest.raises(SettingsError, match="GROWTH_ATLAS_TRUSTED_PROXIES"):
        Settings.from_env({"GROWTH_ATLAS_TRUSTED_PROXIES": "proxy.example"})
