"""The whole flow with the real extractor: a seed article ingested again, every known fact
accepted as proposed, each read back as an observation quoting its source verbatim.

A conversion ("($22.22 billion)") restates a yuan amount in dollars under the same indicator,
whose unit is yuan: accepting it as proposed is a 422 that asks for an indicator in dollars."""

from __future__ import annotations

from pathlib import Path

from tests.api.support import assert_problem
from tests.candidates.conftest import growth_atlas
from tests.conftest import SEEDS_DIR
from tests.curation.conftest import Curator

SOURCE = "basf-shanshan-copy"


async def test_ingest_accept_and_read_back(curator: Curator, tmp_path: Path) -> None:
    article = next((SEEDS_DIR / "articles").glob("001_*.txt"))
    copy = tmp_path / f"{SOURCE}.txt"
    copy.write_text(article.read_text(encoding="utf-8"), encoding="utf-8")
    run = await growth_atlas(curator.settings, "ingest", str(copy), "--published-on", "2024-03-20")
    assert run.code == 0, run.err
    listed = await curator.client.get(f"/v1/sources/{SOURCE}/candidates", params={"limit": 500})
    known = [
        candidate
        for candidate in listed.json()["items"]
        if candidate["subject"]["id"] and candidate["indicator"]["id"]
    ]
    conversions = [candidate for candidate in known if candidate["conversion"]]
    text = (await curator.read(f"/v1/sources/{SOURCE}"))[0]["text"]

    accepted = [
        await curator.post(f"/v1/candidates/{c['id']}/accept", {})
        for c in known
        if not c["conversion"]
    ]
    refused = [await curator.post(f"/v1/candidates/{c['id']}/accept", {}) for c in conversions]

    assert accepted
    assert [response.status_code for response in accepted] == [201] * len(accepted), [
        response.text for response in accepted if response.status_code != 201
    ]
    for response in refused:
        assert_problem(response, 422, "indicator", "body")
    for response in accepted:
        observation, _ = await curator.read(response.headers["location"])
        citation = observation["citation"]
        assert citation["source"] == SOURCE
        assert text[citation["start"] : citation["end"]] == citation["quote"]
        assert observation["as_reported"] in citation["quote"]
