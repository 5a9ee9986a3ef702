"""`growth-atlas keys create | list | revoke`, on a migrated database of each backend."""

from __future__ import annotations

import asyncio
import hashlib

import pytest
from sqlalchemy import text

from service.cli import main
from service.db.engine import create_engine
from service.settings import Settings


@pytest.fixture
def cli_settings(empty_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """The CLI reads its settings from the environment, as in production."""
    monkeypatch.setenv("GROWTH_ATLAS_DATABASE_URL", empty_settings.database_url)
    return empty_settings


def _stored_rows(settings: Settings) -> list[tuple[object, ...]]:
    async def read() -> list[tuple[object, ...]]:
        engine = create_engine(settings)
        try:
            async with engine.connect() as connection:
                rows = await connection.execute(text("SELECT * FROM api_keys"))
                return [tuple(row) for row in rows]
        finally:
            await engine.dispose()

    return asyncio.run(read())


def _create(capsys: pytest.CaptureFixture[str], name: str, scope: str) -> str:
    assert main(["keys", "create", "--name", name, "--scope", scope]) == 0
    return capsys.readouterr().out.strip()


def test_create_prints_the_key_once_and_stores_only_its_hash(
    cli_settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["keys", "create", "--name", "curator", "--scope", "write"]) == 0
    out, err = capsys.readouterr()
    token = out.strip()
    assert out == token + "\n"  # the key alone on stdout, for $(...)
    assert token.startswith("ga_")
    assert "cannot be shown again" in err
    (row,) = _stored_rows(cli_settings)
    assert hashlib.sha256(token.encode()).hexdigest() in row
    assert not [value for value in row if isinstance(value, str) and token[-20:] in value]


def test_list_shows_names_scopes_prefixes_and_never_secrets(
    cli_settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    write_key = _create(capsys, "curator", "write")
    admin_key = _create(capsys, "lead", "admin")
    assert main(["keys", "list"]) == 0
    out = capsys.readouterr().out
    header, *lines = out.splitlines()
    assert header.split() == ["NAME", "SCOPE", "PREFIX", "CREATED", "REVOKED"]
    assert [line.split()[:3] for line in lines] == [
        ["curator", "write", write_key.split("_")[1]],
        ["lead", "admin", admin_key.split("_")[1]],
    ]
    assert [line.split()[4] for line in lines] == ["-", "-"]
    for token in (write_key, admin_key):
        assert token[-20:] not in out
        assert hashlib.sha256(token.encode()).hexdigest() not in out


def test_revoke_marks_the_key_and_list_shows_when(
    cli_settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    _create(capsys, "curator", "write")
    assert main(["keys", "revoke", "curator"]) == 0
    assert "revoked at" in capsys.readouterr().out
    assert main(["keys", "list"]) == 0
    (line,) = capsys.readouterr().out.splitlines()[1:]
    revoked = line.split()[4]
    assert revoked.endswith("Z")
    assert revoked >= line.split()[3]
    # Revoking again keeps the first time.
    assert main(["keys", "revoke", "curator"]) == 0
    assert revoked in capsys.readouterr().out


def test_a_duplicate_name_is_refused_clearly(
    cli_settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    _create(capsys, "curator", "write")
    assert main(["keys", "create", "--name", "curator", "--scope", "admin"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "an API key named 'curator' already exists" in err
    assert len(_stored_rows(cli_settings)) == 1


def test_revoking_an_unknown_key_is_refused_clearly(
    cli_settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["keys", "revoke", "nobody"]) == 1
    assert "no API key is named 'nobody'" in capsys.readouterr().err


@pytest.mark.parametrize(
    "arguments",
    [
        ["--name", "curator", "--scope", "owner"],
        ["--name", "two words", "--scope", "write"],
        ["--name", "x" * 65, "--scope", "write"],
        ["--scope", "write"],
    ],
)
def test_bad_arguments_are_usage_errors(
    cli_settings: Settings, capsys: pytest.CaptureFixture[str], arguments: list[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["keys", "create", *arguments])
    assert exit_info.value.code == 2
    assert "usage: growth-atlas keys create" in capsys.readouterr().err
    assert _stored_rows(cli_settings) == []
