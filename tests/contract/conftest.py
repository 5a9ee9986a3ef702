"""Fixtures for the contract tests: the real server over real HTTP, and the tools that probe it.

A missing external tool skips its tests on a workstation, but fails them under `CI=true`: in CI a
skipped contract check is a check that silently stopped running.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import migrated, seed_database, sqlite_settings
from tests.contract.tooling import ROOT, VENV_BIN

NODE_BIN = ROOT / "tools" / "npm" / "node_modules" / ".bin"
NODE_TOOLS = ("spectral", "openapi-typescript", "tsc")
STARTUP_TIMEOUT = 20.0
SHUTDOWN_TIMEOUT = 10.0


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def require(available: bool, message: str) -> None:
    """Skip the test when a tool is missing, except in CI, where that is a failure."""
    if available:
        return
    if in_ci():
        pytest.fail(f"{message} (CI=true: contract tests may not be skipped)")
    pytest.skip(message)


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
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`growth-atlas serve` over a migrated, seeded SQLite database; yields its base URL."""
    workdir = tmp_path_factory.mktemp("live-server")
    settings = migrated(sqlite_settings(workdir / "atlas.db"))
    asyncio.run(seed_database(settings))
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}"
    # Only the settings this server is meant to have: a stray GROWTH_ATLAS_* in the caller's
    # environment would otherwise change it, or stop it (unknown settings are refused).
    env = {key: value for key, value in os.environ.items() if not key.startswith("GROWTH_ATLAS_")}
    env |= {"GROWTH_ATLAS_DATABASE_URL": settings.database_url, "GROWTH_ATLAS_PUBLIC_URL": base_url}
    stdout_path, stderr_path = workdir / "server.out", workdir / "server.err"
    with stdout_path.open("wb") as stdout, stderr_path.open("wb") as stderr:
        process = subprocess.Popen(
            [_growth_atlas(), "serve", "--host", "127.0.0.1", "--port", str(port)],
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=stdout,
            stderr=stderr,
        )
    try:
        _wait_until_serving(process, base_url, stderr_path)
        yield base_url
    finally:
        _stop(process)


def _growth_atlas() -> str:
    script = VENV_BIN / "growth-atlas"
    if script.exists():
        return str(script)
    found = shutil.which("growth-atlas")
    if found is None:
        pytest.fail("no `growth-atlas` console script: run `make` to install the project")
    return found


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _wait_until_serving(process: subprocess.Popen[bytes], base_url: str, stderr: Path) -> None:
    """Return once GET /v1/regions answers 200; fail with the server's stderr otherwise."""
    deadline = time.monotonic() + STARTUP_TIMEOUT
    last_error = "no attempt made"
    # trust_env=False: a proxy configured in the environment must not see loopback traffic.
    with httpx.Client(base_url=base_url, timeout=2.0, trust_env=False) as probe:
        while time.monotonic() < deadline:
            if process.poll() is not None:
                break
            try:
                response = probe.get("/v1/regions", params={"limit": 1})
            except httpx.TransportError as exc:
                last_error = repr(exc)
            else:
                if response.status_code == 200:
                    return
                last_error = f"HTTP {response.status_code}: {response.text[:500]}"
            time.sleep(0.1)
    exited = process.poll()
    _stop(process)
    state = (
        f"exited with code {exited} before answering"
        if exited is not None
        else f"did not answer within {STARTUP_TIMEOUT:.0f} s"
    )
    pytest.fail(
        f"`growth-atlas serve` {state} at {base_url}/v1/regions (last: {last_error})\n"
        f"--- server stderr ---\n{stderr.read_text(errors='replace')}"
    )


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=SHUTDOWN_TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
