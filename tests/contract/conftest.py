"""Fixtures for the contract tests: the real server over real HTTP, and the tools that probe it.

A missing external tool skips its tests on a workstation, but fails them under `CI=true`: in CI a
skipped contract check is a check that silently stopped running.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from service.settings import Settings
from tests.contract.tooling import ROOT
from tests.requirements import require
from tests.servers import serve

NODE_BIN = ROOT / "tools" / "npm" / "node_modules" / ".bin"
NODE_TOOLS = ("spectral", "openapi-typescript", "tsc")


@pytest.fixture(scope="session")
def node_tools() -> Path:
    """The directory holding `spectral`, `openapi-typescript` and `tsc` from tools/npm."""
    present = shutil.which("node") is not None and all(
        (NODE_BIN / tool).exists() for tool in NODE_TOOLS
    )
    require(present, "run `make tools` (needs node and npm)")
    return NODE_BIN


@pytest.fixture(scope="session")
def chromium() -> Path:
    """Debian's Chromium, which the docs-page test drives headless."""
    found = shutil.which("chromium")
    require(found is not None, "install Debian's chromium package")
    assert found is not None
    return Path(found)


@pytest.fixture(scope="session")
def live_server(
    seeded_settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """`growth-atlas serve` over the seeded database of each backend; yields its base URL."""
    with serve(seeded_settings, tmp_path_factory.mktemp("live-server")) as server:
        yield server.base_url
