"""Secrets never shown by `growth-atlas config`, however awkward the URL that holds them."""

from __future__ import annotations

import pytest

from service.cli import main
from service.settings import Settings, masked_url


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        (
            "redis://u:R3dis@Pw@host:6379/0?password=X",
            "redis://u:***@host:6379/0?password=***",
        ),
        ("redis://:hunter2@cache:6379/0", "redis://:***@cache:6379/0"),
        ("rediss://user@cache:6380", "rediss://user@cache:6380"),
        ("redis://cache:6379/0?db=1", "redis://cache:6379/0?db=1"),
        (
            "postgresql+asyncpg://app:s3cr3t@db:5432/atlas?sslpassword=s3cr3t&ssl=require",
            "postgresql+asyncpg://app:***@db:5432/atlas?sslpassword=***&ssl=require",
        ),
        (
            "postgresql+asyncpg://app@db/atlas?password=hunter2",
            "postgresql+asyncpg://app@db/atlas?password=***",
        ),
        ("postgresql://app:p/w?d@db/atlas", "postgresql://app:***@db/atlas"),
        (
            "postgresql://app:%40x@db/atlas?auth_token=tok",
            "postgresql://app:***@db/atlas?auth_token=***",
        ),
        ("sqlite+aiosqlite:///var/growth-atlas.db", "sqlite+aiosqlite:///var/growth-atlas.db"),
        ("not a url with hunter2", "***"),
    ],
)
def test_urls_lose_their_passwords_and_secret_parameters(url: str, shown: str) -> None:
    assert masked_url(url) == shown


def test_every_setting_named_like_a_secret_is_masked() -> None:
    settings = Settings(
        database_url="postgresql+asyncpg://app:hunter2@db/atlas?password=hunter2",
        redis_url="redis://u:R3dis@Pw@host:6379/0?password=X",
        cursor_secret="s3cr3t-s3cr3t-s3cr3t",
    )
    shown = settings.masked()
    assert shown["cursor_secret"] == "***"
    assert Settings().masked()["cursor_secret"] == "unset"
    for secret in ("hunter2", "R3dis", "Pw@", "s3cr3t", "=X"):
        assert secret not in repr(shown), secret


def test_the_config_command_shows_no_secret(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("GROWTH_ATLAS_REDIS_URL", "redis://u:R3dis@Pw@host:6379/0?password=X")
    monkeypatch.setenv("GROWTH_ATLAS_DATABASE_URL", "postgresql://a:hunter2@db/x?password=tok")
    assert main(["config"]) == 0
    shown = capsys.readouterr().out
    for secret in ("R3dis", "Pw@", "password=X", "hunter2", "tok"):
        assert secret not in shown, secret
    assert "redis://u:***@host:6379/0?password=***" in shown
