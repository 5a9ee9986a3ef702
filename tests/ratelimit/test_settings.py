"""The limits are settings: defaults a public API can live with, checked at start."""

from __future__ import annotations

import pytest

from service.settings import Settings, SettingsError


def test_defaults_limit_anonymous_clients_more_than_keys() -> None:
    settings = Settings()
    assert settings.rate_limit_anonymous_per_minute == 600
    assert settings.rate_limit_key_per_minute == 6_000


def test_limits_are_read_from_the_environment() -> None:
    settings = Settings.from_env(
        {
            "GROWTH_ATLAS_RATE_LIMIT_ANONYMOUS_PER_MINUTE": "0",
            "GROWTH_ATLAS_RATE_LIMIT_KEY_PER_MINUTE": "120",
            "GROWTH_ATLAS_REDIS_KEY_PREFIX": "atlas-staging:",
        }
    )
    assert settings.rate_limit_anonymous_per_minute == 0
    assert settings.rate_limit_key_per_minute == 120
    assert settings.redis_key_prefix == "atlas-staging:"


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("GROWTH_ATLAS_RATE_LIMIT_ANONYMOUS_PER_MINUTE", "-1"),
        ("GROWTH_ATLAS_RATE_LIMIT_KEY_PER_MINUTE", "many"),
        ("GROWTH_ATLAS_REDIS_KEY_PREFIX", "with space"),
        ("GROWTH_ATLAS_MAX_REQUEST_BODY_BYTES", "10"),
    ],
)
def test_bad_values_stop_the_process_naming_the_variable(variable: str, value: str) -> None:
    with pytest.raises(SettingsError, match=variable):
        Settings.from_env({variable: value})
