"""TypeScript types generated from openapi/openapi.json type-check realistic client code.

openapi-typescript turns the document into `paths` and `components` types; `tsc --strict` then
checks a small typed client against them. A second file with a deliberate misuse must be
rejected, so a document that degraded into `any` or `unknown` types cannot pass.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.contract.tooling import ROOT, Outcome, run_tool

SPEC = ROOT / "openapi" / "openapi.json"
TSC_TIMEOUT = 120

CLIENT_TS = """\
import type { components, paths } from "./schema";

type Problem = components["schemas"]["Problem"];
type RegionPage = components["schemas"]["RegionPage"];
type ObservationRead = components["schemas"]["ObservationRead"];
type ListRegions = paths["/v1/regions"]["get"];
export type ListRegionsQuery = NonNullable<ListRegions["parameters"]["query"]>;

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(`${problem.status} ${problem.title}: ${problem.detail}`);
  }

  /** The bad parameters of a 400, one per line. */
  invalidParams(): string[] {
    return (this.problem.errors ?? []).map((e) => `${e.location} ${e.name}: ${e.reason}`);
  }
}

function toSearchParams(query: Record<string, string | number | boolean | undefined>) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.set(key, String(value));
  }
  return params;
}

export async function listRegions(
  baseUrl: string,
  query: ListRegionsQuery = {},
): Promise<RegionPage> {
  const url = new URL(`/v1/regions?${toSearchParams(query)}`, baseUrl);
  const response = await fetch(url, { headers: { accept: "application/json" } });
  if (response.status === 400) {
    type BadRequest = ListRegions["responses"][400]["content"]["application/problem+json"];
    throw new ApiError((await response.json()) as BadRequest);
  }
  return (await response.json()) as ListRegions["responses"][200]["content"]["application/json"];
}

export async function allRegionIds(baseUrl: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const query: ListRegionsQuery = { limit: 100, kind: "province" };
    if (cursor !== null) query.cursor = cursor;
    const page: RegionPage = await listRegions(baseUrl, query);
    ids.push(...page.items.map((region) => region.id));
    cursor = page.next_cursor;
  } while (cursor !== null);
  return ids;
}

export async function firstQuote(baseUrl: string): Promise<string | undefined> {
  const page = await listRegions(baseUrl, { q: "hunan", limit: 1 });
  return page.items[0]?.citations[0]?.quote;
}

export function describe(observation: ObservationRead): string {
  const where = observation.region ?? observation.organization ?? "nowhere";
  const when = observation.period_label ?? "undated";
  switch (observation.comparator) {
    case "eq":
      return `${where} ${when}: ${observation.value} ${observation.unit}`;
    case "gt":
    case "gte":
      return `${where} ${when}: at least ${observation.value} ${observation.unit}`;
    case "lt":
    case "lte":
      return `${where} ${when}: at most ${observation.value} ${observation.unit}`;
    case "approx":
      return `${where} ${when}: about ${observation.value} ${observation.unit}`;
    default: {
      const unknown: never = observation.comparator;
      return unknown;
    }
  }
}
"""

# Each line is a misuse a correct contract must reject; `tsc` must name every one of them.
MISUSE_TS = """\
import type { components, paths } from "./schema";

type RegionRead = components["schemas"]["RegionRead"];
type Query = NonNullable<paths["/v1/regions"]["get"]["parameters"]["query"]>;

export const wrongKind: RegionRead["kind"] = "planet";
export const limitAsText: Query = { limit: "ten" };
export const unknownParameter: Query = { offset: 10 };
export function nameIsText(region: RegionRead): number { return region.name; }
export function noSuchField(region: RegionRead): unknown { return region.population; }
"""
MISUSES = 5

TSCONFIG = {
    "compilerOptions": {
        "strict": True,
        "noEmit": True,
        "noUncheckedIndexedAccess": True,
        "exactOptionalPropertyTypes": True,
        "noImplicitReturns": True,
        "target": "ES2022",
        "module": "ESNext",
        "moduleResolution": "Bundler",
        "lib": ["ES2022", "DOM", "DOM.Iterable"],
        "types": [],
        "skipLibCheck": False,
    },
}


@pytest.fixture(scope="module")
def project(node_tools: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A TypeScript project: schema.d.ts generated from the document, and the two files."""
    root = tmp_path_factory.mktemp("typescript-sdk")
    outcome = run_tool(
        [node_tools / "openapi-typescript", SPEC, "-o", root / "schema.d.ts"], timeout=120
    )
    assert outcome.returncode == 0, outcome.report()
    warnings = [
        line
        for line in (outcome.stdout + outcome.stderr).splitlines()
        if "⚠" in line or re.search(r"\bwarn(ing)?\b", line, re.IGNORECASE)
    ]
    assert warnings == [], "openapi-typescript warned:\n" + outcome.report()
    (root / "client.ts").write_text(CLIENT_TS, encoding="utf-8")
    (root / "misuse.ts").write_text(MISUSE_TS, encoding="utf-8")
    config = {**TSCONFIG, "files": ["schema.d.ts", "client.ts", "misuse.ts"]}
    (root / "tsconfig.json").write_text(json.dumps(config, indent=2), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def checked(node_tools: Path, project: Path) -> Outcome:
    """One `tsc` run over both files: each is a module of its own, so neither's errors come
    from the other, and the generated types are checked once rather than once per file."""
    return run_tool(
        [node_tools / "tsc", "--noEmit", "--pretty", "false", "-p", project / "tsconfig.json"],
        timeout=TSC_TIMEOUT,
        cwd=project,
    )


def errors_in(outcome: Outcome, file: str) -> list[str]:
    errors = [line for line in outcome.stdout.splitlines() if "error TS" in line]
    return [line for line in errors if line.startswith(f"{file}(")]


def test_typed_client_compiles(checked: Outcome, project: Path) -> None:
    errors = [line for line in checked.stdout.splitlines() if "error TS" in line]
    assert errors == errors_in(checked, "misuse.ts"), (
        f"tsc rejected client.ts against the generated types (in {project}):\n{checked.report()}"
    )


def test_misuse_is_rejected(checked: Outcome, project: Path) -> None:
    assert checked.returncode != 0, "tsc accepted misuse.ts: the generated types check nothing"
    errors = errors_in(checked, "misuse.ts")
    lines = {int(line.split("(", 1)[1].split(",", 1)[0]) for line in errors}
    misuse_lines = {
        number
        for number, text in enumerate(MISUSE_TS.splitlines(), start=1)
        if text.startswith("export ")
    }
    assert len(misuse_lines) == MISUSES
    assert lines == misuse_lines, f"tsc missed a misuse (in {project}):\n{checked.report()}"
