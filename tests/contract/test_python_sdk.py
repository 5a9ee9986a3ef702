"""A Python SDK generated from openapi/openapi.json, used as its users would, against the server.

openapi-python-client turns the committed document into a package; the tests below only call
that package's functions, so whatever the document misdescribes surfaces here as a generator
warning, a parse error or a wrong type, the way it would for someone who installed the SDK.
"""

from __future__ import annotations

import importlib
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.contract.tooling import ROOT, VENV_BIN, Outcome, run_tool

SPEC = ROOT / "openapi" / "openapi.json"
PACKAGE = "growth_atlas_sdk"
GENERATOR_WARNINGS = ("Warning(s) encountered", "Error(s) encountered", "Unable to ")


class Sdk:
    """The generated package's modules, under the names its users write."""

    def __init__(self) -> None:
        def load(name: str) -> Any:
            return importlib.import_module(f"{PACKAGE}.{name}")

        self.client = load("client")
        self.models = load("models")
        self.types = load("types")
        self.list_regions = load("api.regions.list_regions")
        self.get_region = load("api.regions.get_region")
        self.list_observations = load("api.observations.list_observations")
        self.get_source = load("api.sources.get_source")


def generate(spec: Path, output: Path) -> Outcome:
    """Run openapi-python-client on `spec`, writing the package to `output`."""
    generator = VENV_BIN / "openapi-python-client"
    if not generator.exists():
        pytest.fail("openapi-python-client is not installed: it is in the `test` extras")
    # The generator formats its output with `ruff`; without it on PATH that is a warning too.
    env = {**os.environ, "PATH": f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    return run_tool(
        [generator, "generate", "--path", spec, "--output-path", output, "--meta", "none"],
        timeout=120,
        env=env,
    )


def warned(outcome: Outcome) -> bool:
    printed = outcome.stdout + outcome.stderr
    return any(marker in printed for marker in GENERATOR_WARNINGS)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """openapi-python-client's output for the committed document; fails on any warning."""
    output = tmp_path_factory.mktemp("python-sdk") / PACKAGE
    outcome = generate(SPEC, output)
    assert outcome.returncode == 0, outcome.report()
    assert not warned(outcome), (
        "openapi-python-client warned about openapi/openapi.json:\n" + outcome.report()
    )
    assert (output / "__init__.py").exists(), outcome.report()
    return output


@pytest.fixture(scope="module")
def sdk(generated: Path) -> Iterator[Sdk]:
    """The generated package imported; removed from sys.modules and sys.path afterwards."""
    sys.path.insert(0, str(generated.parent))
    try:
        yield Sdk()
    finally:
        sys.path.remove(str(generated.parent))
        for name in [n for n in sys.modules if n == PACKAGE or n.startswith(f"{PACKAGE}.")]:
            del sys.modules[name]


@pytest.fixture
def client(sdk: Sdk, live_server: str) -> Iterator[Any]:
    # trust_env=False: the SDK must talk to the loopback server, never to a configured proxy.
    api = sdk.client.Client(
        base_url=live_server,
        raise_on_unexpected_status=True,
        timeout=10.0,
        httpx_args={"trust_env": False},
    )
    with api as open_client:
        yield open_client


def test_generator_accepts_the_document_silently(generated: Path) -> None:
    modules = {path.stem for path in (generated / "api").rglob("*.py")}
    expected = {"list_regions", "get_region", "list_observations", "get_source", "list_sources"}
    assert expected <= modules, sorted(modules)


def test_generator_warnings_are_detected(tmp_path: Path) -> None:
    """Control: a dangling $ref makes the generator warn, and `warned` sees it."""
    document = json.loads(SPEC.read_text(encoding="utf-8"))
    dangling = {"$ref": "#/components/schemas/NoSuchSchema"}
    document["paths"]["/v1/regions"]["get"]["responses"]["418"] = {
        "description": "I'm a teapot",
        "content": {"application/json": {"schema": dangling}},
    }
    spoiled = tmp_path / "spoiled.json"
    spoiled.write_text(json.dumps(document), encoding="utf-8")
    outcome = generate(spoiled, tmp_path / PACKAGE)
    assert warned(outcome), outcome.report()


def test_list_and_get_regions(sdk: Sdk, client: Any) -> None:
    page = sdk.list_regions.sync(client=client, limit=500)
    assert isinstance(page, sdk.models.RegionPage), page
    ids = [region.id for region in page.items]
    assert "hunan" in ids
    assert ids == sorted(ids), "regions are documented to come in id order"
    assert page.next_cursor is None

    hunan = sdk.get_region.sync("hunan", client=client)
    assert isinstance(hunan, sdk.models.RegionRead), hunan
    assert (hunan.id, hunan.name, hunan.parent) == ("hunan", "Hunan", "china")
    assert hunan.kind == sdk.models.RegionReadKind.PROVINCE
    assert hunan.citations, "every region carries at least one citation"
    assert hunan.additional_properties == {}, "the server sent fields the contract omits"


def test_observation_pages_follow_next_cursor(sdk: Sdk, client: Any) -> None:
    query = {"region": "hunan", "include_subregions": True}
    whole = sdk.list_observations.sync(client=client, limit=500, **query)
    assert isinstance(whole, sdk.models.ObservationPage), whole
    assert whole.next_cursor is None
    assert len(whole.items) > 2, "too few observations to exercise paging"

    seen: list[str] = []
    sizes: list[int] = []
    cursor: Any = sdk.types.UNSET
    for _ in range(len(whole.items)):
        page = sdk.list_observations.sync(client=client, limit=2, cursor=cursor, **query)
        assert isinstance(page, sdk.models.ObservationPage), page
        seen.extend(observation.id for observation in page.items)
        sizes.append(len(page.items))
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    else:
        pytest.fail(f"next_cursor never became null after {len(whole.items)} pages: {seen}")

    assert len(seen) == len(set(seen)), f"an observation came on two pages: {seen}"
    assert seen == [observation.id for observation in whole.items]
    # Full pages until the last: a short page with a next_cursor would be a paging bug.
    assert all(size == 2 for size in sizes[:-1]), sizes
    assert 1 <= sizes[-1] <= 2, sizes


def test_citations_resolve_to_their_source_text(sdk: Sdk, client: Any) -> None:
    """Each observation's citation, followed with getSource, quotes the source verbatim."""
    page = sdk.list_observations.sync(
        client=client, region="hunan", include_subregions=True, limit=500
    )
    assert isinstance(page, sdk.models.ObservationPage), page
    assert page.items
    sources: dict[str, Any] = {}
    for observation in page.items:
        citation = observation.citation
        if citation.source not in sources:
            sources[citation.source] = sdk.get_source.sync(citation.source, client=client)
        source = sources[citation.source]
        assert isinstance(source, sdk.models.SourceRead), source
        assert source.id == citation.source
        assert source.text[citation.start : citation.end] == citation.quote, observation.id


def test_unknown_region_is_a_problem(sdk: Sdk, client: Any) -> None:
    response = sdk.get_region.sync_detailed("atlantis", client=client)
    assert response.status_code == 404
    problem = response.parsed
    assert isinstance(problem, sdk.models.Problem), response.content
    assert (problem.status, problem.title) == (404, "Not Found")
    assert "atlantis" in problem.detail
    assert response.headers["content-type"].startswith("application/problem+json")


def test_bad_parameter_names_it_in_the_problem(sdk: Sdk, client: Any) -> None:
    response = sdk.list_observations.sync_detailed(client=client, cursor="tampered")
    assert response.status_code == 400, response.content
    problem = response.parsed
    assert isinstance(problem, sdk.models.Problem), response.content
    assert problem.status == 400
    assert isinstance(problem.errors, list), "a 400 names the bad parameters in `errors`"
    assert [(error.name, error.location) for error in problem.errors] == [("cursor", "query")]


def test_bad_path_parameter_is_located_in_the_path(sdk: Sdk, client: Any) -> None:
    response = sdk.get_region.sync_detailed("Not-A-Slug", client=client)
    assert response.status_code == 400, response.content
    problem = response.parsed
    assert isinstance(problem, sdk.models.Problem), response.content
    assert isinstance(problem.errors, list), response.content
    assert [(error.name, error.location) for error in problem.errors] == [("region_id", "path")]
