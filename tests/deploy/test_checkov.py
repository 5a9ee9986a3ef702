"""checkov finds nothing in the Dockerfile, the rendered manifests or the committed k8s/ files.

Every skip is an annotation in the manifest it applies to, with its reason there and in a
`# checkov:skip=` comment beside it; the tests pin the exact set, so a new skip is a visible change.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest

from tests.deploy.conftest import K8S, KUSTOMIZATIONS
from tests.deploy.docker import DOCKERFILE
from tests.deploy.tooling import ROOT, run

SCAN_TIMEOUT = 300.0

_APP_SKIPS = {
    # Placeholder image `growth-atlas:1.0.0`: the digest is pinned in the overlay at release.
    ("CKV_K8S_43", "Deployment", "growth-atlas"),
    ("CKV_K8S_43", "Job", "growth-atlas-migrate"),
    # The service reads its settings only from GROWTH_ATLAS_* environment variables.
    ("CKV_K8S_35", "Deployment", "growth-atlas"),
    ("CKV_K8S_35", "Job", "growth-atlas-migrate"),
}
EXPECTED_SKIPS = {
    "base": _APP_SKIPS,
    "production": _APP_SKIPS,
    "dev": _APP_SKIPS
    | {
        # The app image is loaded into the local cluster, never pulled.
        ("CKV_K8S_15", "Deployment", "growth-atlas"),
        ("CKV_K8S_15", "Job", "growth-atlas-migrate"),
        # Official postgres/redis images pinned by tag, in a local cluster only.
        ("CKV_K8S_43", "Deployment", "postgres"),
        ("CKV_K8S_43", "Deployment", "redis"),
    },
}
# The secrets framework reads the committed files (where a leaked credential would be) and the
# renderings without a Secret. The dev rendering's one Secret is base64 of the dev-only literals
# in k8s/overlays/dev/kustomization.yaml, which the scan of k8s/ covers in plain text.
SECRETS_SCANNED_RENDERINGS = ("base", "production")


def _checkov(checkov: Path, target: list[str], frameworks: list[str]) -> list[dict[str, Any]]:
    env = dict(os.environ, BC_SKIP_MAPPING="TRUE", LOG_LEVEL="WARNING")
    # --skip-download: no request to the vendor's API (guidelines, policies); checkov runs offline.
    command = [checkov, *target, "--framework", *frameworks, "--output", "json", "--skip-download"]
    result = run(command, timeout=SCAN_TIMEOUT, env=env)
    assert result.stdout.strip(), f"checkov printed no report: {result.stderr[-3000:]}"
    reports = json.loads(result.stdout)
    reports = reports if isinstance(reports, list) else [reports]
    # A framework with nothing to report leaves only a summary without results.
    return [report for report in reports if "results" in report]


def _failures(reports: list[dict[str, Any]]) -> list[str]:
    return [
        f"{check['check_id']} {check['check_name']}: {check['resource']} ({check['file_path']})"
        for report in reports
        for check in report["results"]["failed_checks"]
    ]


def _skips(reports: list[dict[str, Any]]) -> set[tuple[str, str, str]]:
    found = set()
    for report in reports:
        for check in report["results"]["skipped_checks"]:
            kind, _namespace, name = check["resource"].split(".", 2)
            found.add((check["check_id"], kind, name))
    return found


@pytest.mark.parametrize("overlay", list(KUSTOMIZATIONS))
def test_rendered_manifests_pass_checkov(
    checkov: Path, rendered_dir: dict[str, Path], overlay: str
) -> None:
    frameworks = ["kubernetes"]
    if overlay in SECRETS_SCANNED_RENDERINGS:
        frameworks.append("secrets")
    reports = _checkov(checkov, ["--directory", str(rendered_dir[overlay])], frameworks)
    assert [report["check_type"] for report in reports][:1] == ["kubernetes"]
    assert reports[0]["summary"]["passed"] > 100, "checkov parsed the manifests"
    assert reports[0]["summary"]["parsing_errors"] == 0
    assert not _failures(reports), "\n".join(_failures(reports))
    assert _skips(reports) == EXPECTED_SKIPS[overlay]


def test_the_dockerfile_passes_checkov(checkov: Path) -> None:
    reports = _checkov(checkov, ["--file", str(DOCKERFILE)], ["dockerfile", "secrets"])
    assert reports
    assert reports[0]["summary"]["passed"] > 20
    assert not _failures(reports), "\n".join(_failures(reports))
    assert not _skips(reports)


def test_no_credential_is_committed_in_the_deployment_files(checkov: Path) -> None:
    reports = _checkov(checkov, ["--directory", str(K8S)], ["secrets"])
    assert not _failures(reports), "\n".join(_failures(reports))
    assert not _skips(reports)


ANNOTATION = re.compile(r"checkov\.io/skip\d+:\s*(CKV2?_\w+)=(.*)$")
COMMENT = re.compile(r"#\s*checkov:skip=(CKV2?_\w+)\s+reason:\s*(\S.*)$")


def _deployment_files() -> list[Path]:
    return [DOCKERFILE, *sorted(K8S.rglob("*.yaml"))]


def test_every_skip_states_its_reason_where_it_applies() -> None:
    declared = set()
    for path in _deployment_files():
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines):
            annotation = ANNOTATION.search(line)
            if not annotation:
                continue
            check, reason = annotation.groups()
            where = f"{path.relative_to(ROOT)}:{number + 1}"
            assert len(reason.split()) >= 5, f"{where}: the reason says too little"
            comments = [COMMENT.search(previous) for previous in lines[max(0, number - 4) : number]]
            assert any(c and c.group(1) == check for c in comments), (
                f"{where}: no `# checkov:skip={check} reason: ...` comment above the annotation"
            )
            declared.add(check)
    expected = {check for skips in EXPECTED_SKIPS.values() for check, _, _ in skips}
    assert declared == expected


def test_no_skip_hides_outside_the_deployment_files() -> None:
    # Only annotations skip: no .checkov config, no --skip-check in the test, no inline comment
    # without the annotation that checkov actually reads for Kubernetes.
    assert not list(ROOT.glob(".checkov*"))
    for path in _deployment_files():
        for line in path.read_text(encoding="utf-8").splitlines():
            if "checkov:skip=" in line:
                assert COMMENT.search(line), f"{path.name}: a skip comment without a reason: {line}"
