"""`growth-atlas serve` as a real process on a free loopback port, for tests that need HTTP."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from service.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
STARTUP_TIMEOUT = 20.0
SHUTDOWN_TIMEOUT = 25.0  # beyond uvicorn's 20 s graceful drain


@dataclass
class Server:
    base_url: str
    process: subprocess.Popen[bytes]
    stdout: Path
    stderr: Path

    def logs(self) -> str:
        return self.stdout.read_text(errors="replace") + self.stderr.read_text(errors="replace")


@contextmanager
def serve(settings: Settings, workdir: Path, **env_settings: str) -> Iterator[Server]:
    """Run the server on `settings` (plus GROWTH_ATLAS_* overrides); stop it afterwards."""
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    # Only the settings this server is meant to have: a stray GROWTH_ATLAS_* in the caller's
    # environment would otherwise change it, or stop it (unknown settings are refused).
    env = {key: value for key, value in os.environ.items() if not key.startswith("GROWTH_ATLAS_")}
    env |= {"GROWTH_ATLAS_DATABASE_URL": settings.database_url, "GROWTH_ATLAS_PUBLIC_URL": base_url}
    env |= {f"GROWTH_ATLAS_{name.upper()}": value for name, value in env_settings.items()}
    server = Server(base_url, _start(port, env, workdir), workdir / "out.log", workdir / "err.log")
    try:
        _wait_until_serving(server)
        yield server
    finally:
        stop(server.process)


def _start(port: int, env: dict[str, str], workdir: Path) -> subprocess.Popen[bytes]:
    command = [growth_atlas(), "serve", "--host", "127.0.0.1", "--port", str(port)]
    with (workdir / "out.log").open("wb") as stdout, (workdir / "err.log").open("wb") as stderr:
        return subprocess.Popen(
            command, cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=stdout, stderr=stderr
        )


def growth_atlas() -> str:
    script = Path(sys.executable).parent / "growth-atlas"
    found = str(script) if script.exists() else shutil.which("growth-atlas")
    if found is None:
        pytest.fail("no `growth-atlas` console script: run `make` to install the project")
    return found


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _wait_until_serving(server: Server) -> None:
    """Return once GET /health/ready answers 200; fail with the server's output otherwise."""
    deadline = time.monotonic() + STARTUP_TIMEOUT
    last_error = "no attempt made"
    # trust_env=False: a proxy configured in the environment must not see loopback traffic.
    with httpx.Client(base_url=server.base_url, timeout=2.0, trust_env=False) as probe:
        while time.monotonic() < deadline and server.process.poll() is None:
            try:
                response = probe.get("/health/ready")
            except httpx.TransportError as exc:
                last_error = repr(exc)
            else:
                if response.status_code == 200:
                    return
                last_error = f"HTTP {response.status_code}: {response.text[:500]}"
            time.sleep(0.1)
    stop(server.process)
    pytest.fail(
        f"`growth-atlas serve` did not become ready at {server.base_url} (last: {last_error})\n"
        f"--- server output ---\n{server.logs()}"
    )


def stop(process: subprocess.Popen[bytes]) -> int:
    """SIGTERM, as an orchestrator sends it; kill only if it overstays the drain."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=SHUTDOWN_TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    return process.returncode
