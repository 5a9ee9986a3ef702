"""Fixtures for candidates: a stand-in extractor, and an article ingested from the command line."""

from __future__ import annotations

import asyncio
import contextlib
import io
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from service import cli, extraction
from service.settings import ENV_PREFIX, Settings
from tests.candidates.fake_extractor import ARTICLE, FakeExtractor
from tests.curation.conftest import Curator, curator  # noqa: F401  (the fixture)

SOURCE = "changsha-keeps-growing"


@pytest.fixture
def fake_extractor(monkeypatch: pytest.MonkeyPatch) -> FakeExtractor:
    """The extractor the service calls, replaced by one with known answers."""
    fake = FakeExtractor()
    monkeypatch.setattr(extraction, "extract", fake, raising=False)
    return fake


@dataclass(frozen=True)
class Run:
    """What one `growth-atlas` command did: its exit code and what it printed."""

    code: int
    out: str
    err: str


async def growth_atlas(settings: Settings, *argv: str) -> Run:
    """Run the command line against the database of `settings`, in a thread: it runs its own
    event loop, as it does in a shell."""
    return await asyncio.to_thread(_run_cli, settings, list(argv))


def _run_cli(settings: Settings, argv: list[str]) -> Run:
    out, err = io.StringIO(), io.StringIO()
    with _environment(settings), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(argv)
    return Run(code, out.getvalue(), err.getvalue())


@contextlib.contextmanager
def _environment(settings: Settings) -> Iterator[None]:
    saved = {k: v for k, v in os.environ.items() if k.startswith(ENV_PREFIX)}
    for key in saved:
        del os.environ[key]
    os.environ[f"{ENV_PREFIX}DATABASE_URL"] = settings.database_url
    try:
        yield
    finally:
        del os.environ[f"{ENV_PREFIX}DATABASE_URL"]
        os.environ.update(saved)


def article_file(folder: Path, name: str = "changsha.txt", text: str = ARTICLE) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
async def ingested(curator: Curator, fake_extractor: FakeExtractor, tmp_path: Path) -> Run:  # noqa: F811
    """The test article, stored as the source `changsha-keeps-growing` with its candidates."""
    path = article_file(tmp_path)
    run = await growth_atlas(
        curator.settings, "ingest", str(path), "--published-on", "2024-03-01",
        "--title", "Changsha keeps growing", "--publisher", "Hunan Daily",
    )  # fmt: skip
    assert run.code == 0, run.err
    return run


async def candidates(curator: Curator, status: str | None = None) -> list[dict[str, Any]]:  # noqa: F811
    params = {"limit": 500} | ({"status": status} if status else {})
    response = await curator.client.get(f"/v1/sources/{SOURCE}/candidates", params=params)
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


async def candidate_of(curator: Curator, as_reported: str) -> dict[str, Any]:  # noqa: F811
    """The proposed candidate whose words are `as_reported`."""
    (found,) = [c for c in await candidates(curator, "proposed") if c["as_reported"] == as_reported]
    return found
