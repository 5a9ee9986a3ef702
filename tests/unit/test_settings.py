"""Settings.from_env: what an operator can set, and how a mistake is reported at start."""

from __future__ import annotations

import pytest

from service.settings import Settings, SettingsError


def test_defaults_apply_when_nothing_is_set() -> None:
    settings = Settings.from_env({})
    assert settings == Settings()
    assert settings.database_url == "sqlite+aiosqlite:///var/growth-atlas.db"
    assert settings.public_url == "http://127.0.0.1:8000"
    assert settings.log_level == "info"
    assert (settings.db_pool_size, settings.db_max_overflow) == (10, 10)
    assert settings.db_pool_timeout_seconds == 5.0
    assert settings.db_statement_timeout_seconds == 15.0
    assert settings.echo_sql is False


def test_other_programs_variables_are_not_read() -> None:
    environ = {"PATH": "/usr/bin", "DATABASE_URL": "postgresql://elsewhere", "HOME": "/root"}
    assert Settings.from_env(environ) == Settings()


def test_strings_are_read_into_each_field() -> None:
    settings = Settings.from_env(
        {
            "GROWTH_ATLAS_DATABASE_URL": "postgresql+asyncpg://atlas@db/atlas",
            "GROWTH_ATLAS_PUBLIC_URL": "https://atlas.example.org",
            "GROWTH_ATLAS_LOG_LEVEL": "debug",
            "GROWTH_ATLAS_DB_POOL_SIZE": "7",
            "GROWTH_ATLAS_DB_MAX_OVERFLOW": "0",
            "GROWTH_ATLAS_DB_POOL_TIMEOUT_SECONDS": "2.5",
            "GROWTH_ATLAS_DB_STATEMENT_TIMEOUT_SECONDS": "30",
            "GROWTH_ATLAS_ECHO_SQL": "true",
            "GROWTH_ATLAS_CURSOR_SECRET": "a-long-shared-secret",
        }
    )
    assert settings == Settings(
        database_url="postgresql+asyncpg://atlas@db/atlas",
        public_url="https://atlas.example.org",
        log_level="debug",
        db_pool_size=7,
        db_max_overflow=0,
        db_pool_timeout_seconds=2.5,
        db_statement_timeout_seconds=30.0,
        echo_sql=True,
        cursor_secret="a-long-shared-secret",
    )
    assert isinstance(settings.db_pool_size, int)
    assert isinstance(settings.db_statement_timeout_seconds, float)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("true", True), ("1", True), ("TRUE", True), ("false", False), ("0", False)],
)
def test_booleans_are_read_from_their_usual_spellings(raw: str, expected: bool) -> None:
    assert Settings.from_env({"GROWTH_ATLAS_ECHO_SQL": raw}).echo_sql is expected


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("GROWTH_ATLAS_DB_POOL_SIZE", "many"),
        ("GROWTH_ATLAS_DB_POOL_SIZE", "1.5"),
        ("GROWTH_ATLAS_DB_POOL_SIZE", "0"),
        ("GROWTH_ATLAS_DB_POOL_SIZE", "201"),
        ("GROWTH_ATLAS_DB_MAX_OVERFLOW", "-1"),
        ("GROWTH_ATLAS_DB_POOL_TIMEOUT_SECONDS", "soon"),
        ("GROWTH_ATLAS_DB_POOL_TIMEOUT_SECONDS", "0"),
        ("GROWTH_ATLAS_DB_POOL_TIMEOUT_SECONDS", "nan"),
        ("GROWTH_ATLAS_DB_STATEMENT_TIMEOUT_SECONDS", "601"),
        ("GROWTH_ATLAS_ECHO_SQL", "perhaps"),
        ("GROWTH_ATLAS_LOG_LEVEL", "loud"),
        ("GROWTH_ATLAS_CURSOR_SECRET", "short"),
    ],
)
def test_a_bad_value_is_reported_naming_its_variable(variable: str, value: str) -> None:
    with pytest.raises(SettingsError) as caught:
        Settings.from_env({variable: value})
    assert variable in str(caught.value)


def test_the_error_names_the_bad_variable_among_good_ones() -> None:
    environ = {"GROWTH_ATLAS_ECHO_SQL": "true", "GROWTH_ATLAS_DB_MAX_OVERFLOW": "lots"}
    with pytest.raises(SettingsError, match="GROWTH_ATLAS_DB_MAX_OVERFLOW"):
        Settings.from_env(environ)


@pytest.mark.parametrize(
    "variable", ["GROWTH_ATLAS_DATABSE_URL", "GROWTH_ATLAS_DEBUG", "GROWTH_ATLAS_POOL_SIZE"]
)
def test_an_unknown_variable_is_rejected_by_name(variable: str) -> None:
    """A typo must stop the process rather than silently leave the default in force."""
    with pytest.raises(SettingsError) as caught:
        Settings.from_env({variable: "1"})
    assert variable in str(caught.value)


@pytest.mark.parametrize(
    "variable",
    [
        "GROWTH_ATLAS_SERVICE_HOST",
        "GROWTH_ATLAS_SERVICE_PORT",
        "GROWTH_ATLAS_SERVICE_PORT_HTTP",
        "GROWTH_ATLAS_PORT",
        "GROWTH_ATLAS_PORT_8000_TCP",
        "GROWTH_ATLAS_PORT_8000_TCP_ADDR",
        "GROWTH_ATLAS_PORT_8000_TCP_PORT",
        "GROWTH_ATLAS_PORT_8000_TCP_PROTO",
    ],
)
def test_kubernetes_service_links_are_ignored(variable: str) -> None:
    assert Settings.from_env({variable: "tcp://10.0.0.7:8000"}) == Settings()


def test_kubernetes_service_links_do_not_hide_real_settings() -> None:
    environ = {
        "GROWTH_ATLAS_SERVICE_HOST": "10.0.0.7",
        "GROWTH_ATLAS_PORT_8000_TCP": "tcp://10.0.0.7:8000",
        "GROWTH_ATLAS_DB_POOL_SIZE": "3",
    }
    assert Settings.from_env(environ).db_pool_size == 3


@pytest.mark.parametrize("url", ["", "not a url", "mysql://atlas@db/atlas"])
def test_an_unusable_database_url_is_reported_naming_its_variable(url: str) -> None:
    """Refused at start, not at the first request with a SQLAlchemy message naming nothing."""
    with pytest.raises(SettingsError, match="GROWTH_ATLAS_DATABASE_URL"):
        Settings.from_env({"GROWTH_ATLAS_DATABASE_URL": url})


@pytest.mark.parametrize(
    "url",
    [
        "sqlite+aiosqlite:///var/atlas.db",
        "sqlite+aiosqlite:///:memory:",
        "postgresql+asyncpg://atlas:secret@db:5432/atlas",
    ],
)
def test_supported_database_urls_are_accepted(url: str) -> None:
    assert Settings.from_env({"GROWTH_ATLAS_DATABASE_URL": url}).database_url == url
