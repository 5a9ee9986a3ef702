"""Fixtures for the contract tests: the real server over real HTTP, and the tools that probe it.

A missing external tool skips its tests on a workstation, but fails them under `CI=true`: in CI a
skipped contract check is a check that silently stopped running.
"""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from service.settings import Settings
from tests.contract.tooling import ROOT
from tests.databases import temporary_database
from tests.keys import new_key
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
    # The fuzzer sends thousands of requests from one address: a limit high enough never to
    # answer 429 keeps the rate limiter (and its headers) in the path without throttling it.
    with serve(
        seeded_settings,
        tmp_path_factory.mktemp("live-server"),
        rate_limit_anonymous_per_minute="1000000",
    ) as server:
        yield server.base_url


@dataclass(frozen=True)
class WritableServer:
    base_url: str
    write_key: str


@pytest.fixture(scope="session")
def writable_server(
    backend: str, seeded_template: Settings, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[WritableServer]:
    """A server over a seeded database of its own, and a write key: the fuzzer writes to it."""
    workdir = tmp_path_factory.mktemp("writable-server")
    with temporary_database(backend, workdir, template=seeded_template) as settings:
        key = asyncio.run(new_key(settings, "contract-fuzzer"))
        with serve(
            settings,
            workdir,
            rate_limit_anonymous_per_minute="1000000",
            rate_limit_key_per_minute="1000000",
        ) as server:
            yield WritableServer(server.base_url, key)
