"""Running the contract tests' external tools: bounded in time, their output kept for reports."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent


@dataclass(frozen=True)
class Outcome:
    """What a finished tool said: exit code, and stdout and stderr as text."""

    command: Sequence[str]
    returncode: int
    stdout: str
    stderr: str

    def report(self) -> str:
        """The command and everything it printed, for an assertion message."""
        return (
            f"$ {' '.join(self.command)}\n(exit {self.returncode})\n"
            f"--- stdout ---\n{self.stdout}\n--- stderr ---\n{self.stderr}"
        )


def run_tool(
    command: Sequence[str | os.PathLike[str]],
    *,
    timeout: float,
    cwd: Path = ROOT,
    env: Mapping[str, str] | None = None,
) -> Outcome:
    """Run `command` to completion, or fail the test after `timeout` seconds.

    The tool gets a session of its own so that on timeout its children (Chromium's renderers,
    Node's workers) are killed with it rather than outliving the test.
    """
    argv = [os.fspath(part) for part in command]
    with subprocess.Popen(
        argv,
        cwd=cwd,
        env=dict(os.environ if env is None else env),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    ) as process:
        try:
            stdout, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            stdout, stderr = process.communicate()
            outcome = Outcome(argv, -9, _text(stdout), _text(stderr))
            pytest.fail(f"timed out after {timeout:.0f} s\n{outcome.report()}")
    return Outcome(argv, process.returncode, _text(stdout), _text(stderr))


def _text(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")
