"""`make fuzz`: the schemathesis CLI against a live server, with many more examples than CI.

Starts `growth-atlas serve` on a freshly migrated and seeded SQLite database on a free loopback
port, creates a write key, runs every phase (stateful included: create, then read, update and
delete through `Location`) with the checks of schemathesis.toml and the hooks the pytest suite uses,
prints schemathesis' own summary, and stops the server. FUZZ_EXAMPLES sets examples per
operation (default 500).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def main() -> int:
    examples = os.environ.get("FUZZ_EXAMPLES", "500")
    with tempfile.TemporaryDirectory(prefix="growth-atlas-fuzz-") as workdir:
        port = _free_port()
        base_url = f"http://127.0.0.1:{port}"
        env = {k: v for k, v in os.environ.items() if not k.startswith("GROWTH_ATLAS_")}
        env |= {
            "GROWTH_ATLAS_DATABASE_URL": f"sqlite+aiosqlite:///{workdir}/fuzz.db",
            "GROWTH_ATLAS_PUBLIC_URL": base_url,
            "GROWTH_ATLAS_LOG_LEVEL": "warning",
            # One client sends everything: rate limits would only answer 429.
            "GROWTH_ATLAS_RATE_LIMIT_ANONYMOUS_PER_MINUTE": "0",
            "GROWTH_ATLAS_RATE_LIMIT_KEY_PER_MINUTE": "0",
        }
        for command in ("migrate", "seed"):
            subprocess.run([BIN / "growth-atlas", command], env=env, cwd=ROOT, check=True)
        write_key = _create_write_key(env)
        server = subprocess.Popen(
            [BIN / "growth-atlas", "serve", "--host", "127.0.0.1", "--port", str(port)],
            env=env,
            cwd=ROOT,
        )
        try:
            _wait_until_ready(base_url)
            fuzz = [
                BIN / "schemathesis", "run", f"{base_url}/schema/openapi.json",
                "--phases", "examples,coverage,fuzzing,stateful",
                "--max-examples", examples,
                "--workers", "2",
            ]  # fmt: skip
            env_hooks = {**os.environ, "SCHEMATHESIS_HOOKS": "tests.contract.fuzz_hooks"}
            env_hooks["FUZZ_API_KEY"] = write_key  # schemathesis.toml's bearer token
            env_hooks["PYTHONPATH"] = str(ROOT)
            return subprocess.run(fuzz, env=env_hooks, cwd=ROOT, check=False).returncode
        finally:
            server.terminate()
            server.wait(timeout=30)


def _create_write_key(env: dict[str, str]) -> str:
    command = [BIN / "growth-atlas", "keys", "create", "--name", "fuzz", "--scope", "write"]
    created = subprocess.run(command, env=env, cwd=ROOT, check=True, capture_output=True)
    return created.stdout.decode().strip()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _wait_until_ready(base_url: str, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{base_url}/health/ready", timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"the server at {base_url} did not become ready in {timeout} s")


if __name__ == "__main__":
    raise SystemExit(main())
