"""Curating candidates needs a write key; unknown sources and candidates are 404s."""

from __future__ import annotations

import pytest

from tests.api.support import assert_problem
from tests.candidates.conftest import SOURCE, Run, candidate_of
from tests.curation.conftest import Curator

WRITES = [
    ("/v1/sources/changsha-keeps-growing/extractions", None),
    ("/v1/candidates/1/accept", {}),
    ("/v1/candidates/1/reject", {"reason": "no"}),
]


@pytest.mark.parametrize(("path", "body"), WRITES)
async def test_writes_without_a_valid_key_are_401s(
    curator: Curator, ingested: Run, path: str, body: object
) -> None:
    forged = {"Authorization": "Bearer ga_abcdefgh_" + "s" * 40}

    missing = await curator.client.post(path, json=body)
    invalid = await curator.client.post(path, json=body, headers=forged)

    assert_problem(missing, 401)
    assert missing.headers["www-authenticate"] == 'Bearer realm="growth-atlas"'
    assert_problem(invalid, 401)
    assert 'error="invalid_token"' in invalid.headers["www-authenticate"]
    proposed = await curator.client.get(f"/v1/sources/{SOURCE}/candidates?status=proposed")
    assert len(proposed.json()["items"]) == 4


async def test_unknown_sources_and_candidates_are_404s(curator: Curator, ingested: Run) -> None:
    assert_problem(await curator.post("/v1/sources/atlantis/extractions", None), 404)
    assert_problem(await curator.client.get("/v1/sources/atlantis/candidates"), 404)
    assert_problem(await curator.client.get("/v1/candidates/999999"), 404)
    assert_problem(await curator.post("/v1/candidates/999999/accept", {}), 404)
    assert_problem(await curator.post("/v1/candidates/999999/reject", {"reason": "x"}), 404)


async def test_malformed_ids_and_filters_are_400s(curator: Curator, ingested: Run) -> None:
    candidate = await candidate_of(curator, "4.8 percent")

    assert_problem(await curator.client.get("/v1/candidates/0"), 400, "candidate_id", "path")
    assert_problem(
        await curator.client.get(f"/v1/sources/{SOURCE}/candidates?status=maybe"), 400, "status"
    )
    unknown_field = await curator.post(f"/v1/candidates/{candidate['id']}/accept", {"x": 1})
    assert_problem(unknown_field, 400)
