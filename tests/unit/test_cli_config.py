"""`growth-atlas config` shows what the process would run with, and never a secret."""

from __future__ import annotations

import pytest

from service.cli import main


def test_config_masks_passwords_and_secrets(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("GROWTH_ATLAS_DATABASE_URL", "postgresql+asyncpg://app:hunter2@db/atlas")
    monkeypatch.setenv("GROWTH_ATLAS_CURSOR_SECRET", "cursor-secret-value")
    monkeypatch.setenv("GROWTH_ATLAS_DB_POOL_SIZE", "7")
    monkeypatch.setenv("GROWTH_ATLAS_REDIS_URL", "redis://:redis-pass@cache:6379/0")
    assert main(["config"]) == 0
    shown = capsys.readouterr().out
    assert "hunter2" not in shown
    assert "cursor-secret-value" not in shown
    assert "redis-pass" not in shown
    assert "redis://:***@cache:6379/0" in shown
    assert "postgresql+asyncpg://app:***@db/atlas" in shown
    assert "GROWTH_ATLAS_DB_POOL_SIZE" in shown
    assert " 7\n" in shown


def test_a_bad_setting_stops_the_command_naming_the_variable(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("GROWTH_ATLAS_DB_POOL_TIMEOUT_SECONDS", "soon")
    assert main(["config"]) == 2
    assert "GROWTH_ATLAS_DB_POOL_TIMEOUT_SECONDS" in capsys.readouterr().err
