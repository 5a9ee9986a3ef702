"""The committed OpenAPI document passes Spectral's OpenAPI ruleset without a single finding."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.contract.tooling import ROOT, Outcome, run_tool

SPEC = ROOT / "openapi" / "openapi.json"
RULESET = ROOT / ".spectral.yaml"
SEVERITIES = {0: "error", 1: "warn", 2: "info", 3: "hint"}


def lint(node_tools: Path, document: Path, report: Path) -> tuple[Outcome, list[dict[str, Any]]]:
    """Spectral's verdict on `document`, every severity counted; its JSON report in `report`."""
    outcome = run_tool(
        [
            *(node_tools / "spectral", "lint", "-r", RULESET, document),
            *("--fail-severity=hint", "-f", "json", "-o", report, "--quiet"),
        ],
        timeout=60,
    )
    # Spectral exits 1 when it has findings; anything else (2: a crash, a bad ruleset) is no lint.
    assert outcome.returncode in {0, 1}, outcome.report()
    assert report.exists(), f"Spectral wrote no report\n{outcome.report()}"
    results: list[dict[str, Any]] = json.loads(report.read_text(encoding="utf-8"))
    return outcome, results


def test_spectral_finds_nothing_at_any_severity(node_tools: Path, tmp_path: Path) -> None:
    outcome, results = lint(node_tools, SPEC, tmp_path / "spectral.json")
    findings = [
        f"{SEVERITIES.get(r['severity'], r['severity'])} {r['code']} at "
        f"{'.'.join(map(str, r['path']))} (line {r['range']['start']['line'] + 1}): {r['message']}"
        for r in results
    ]
    assert findings == [], "Spectral findings in openapi/openapi.json:\n" + "\n".join(findings)
    assert outcome.returncode == 0, outcome.report()


def test_the_ruleset_is_live(node_tools: Path, tmp_path: Path) -> None:
    """Control: the same run on a spoiled copy reports it, so an empty ruleset cannot pass."""
    document = json.loads(SPEC.read_text(encoding="utf-8"))
    del document["info"]["contact"]
    for path_item in document["paths"].values():
        for operation in path_item.values():
            del operation["operationId"]
    spoiled = tmp_path / "spoiled.json"
    spoiled.write_text(json.dumps(document), encoding="utf-8")
    outcome, results = lint(node_tools, spoiled, tmp_path / "spectral.json")
    assert outcome.returncode == 1, outcome.report()
    codes = {result["code"] for result in results}
    assert {"info-contact", "operation-operationId"} <= codes, codes
