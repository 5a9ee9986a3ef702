"""Every rendered manifest is valid Kubernetes, strictly: an unknown or misspelt field fails."""

from __future__ import annotations

import importlib
from types import ModuleType

import pytest

from tests.deploy.conftest import KUSTOMIZATIONS, Manifest
from tests.requirements import require

# The kubectl that renders (1.33) and the newest schemas kubernetes-validate 1.37 ships.
KUBERNETES_VERSIONS = ["1.33.0", "1.37.0"]


@pytest.fixture(scope="module")
def validator() -> ModuleType:
    try:
        return importlib.import_module("kubernetes_validate")
    except ImportError:
        require(False, "kubernetes-validate is missing: pip install -e '.[test]'")
        raise


@pytest.mark.parametrize("version", KUBERNETES_VERSIONS)
@pytest.mark.parametrize("overlay", list(KUSTOMIZATIONS))
def test_manifests_match_the_kubernetes_schema(
    validator: ModuleType, rendered: dict[str, list[Manifest]], overlay: str, version: str
) -> None:
    failures = []
    for doc in rendered[overlay]:
        try:
            validator.validate(doc, version, strict=True)
        except validator.ValidationError as exc:
            name = f"{doc['kind']}/{doc['metadata']['name']}"
            failures.append(f"{name}: {exc.message} at {list(exc.path)}")
    assert not failures, "\n".join(failures)


def test_strict_validation_rejects_an_unknown_field(validator: ModuleType) -> None:
    misspelt = {
        "apiVersion": "v1",
        "kind": "ServiceAccount",
        "metadata": {"name": "x"},
        "automountServiceAcountToken": False,
    }
    with pytest.raises(validator.ValidationError):
        validator.validate(misspelt, KUBERNETES_VERSIONS[0], strict=True)
