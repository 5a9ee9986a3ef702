"""What a test needs from the machine: skipped on a workstation without it, failed in CI.

In CI a skipped check is a check that silently stopped running, so under `CI=true` a missing
tool or service fails the test instead.
"""

from __future__ import annotations

import os

import pytest

IN_CI = os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def require(available: bool, message: str) -> None:
    """Skip the test when `available` is false, except under CI=true, where it fails."""
    if available:
        return
    if IN_CI:
        pytest.fail(f"{message} (CI=true: this check may not be skipped)")
    pytest.skip(message)
