"""An article ingested from the command line, reviewed over HTTP: accept, correct, reject."""

from __future__ import annotations

from typing import Any

import httpx

from tests.api.support import assert_citation, assert_problem
from tests.candidates.conftest import SOURCE, Run, candidate_of, candidates
from tests.curation.conftest import Curator


async def accept(
    curator: Curator, candidate: dict[str, Any], body: Any = None, **headers: str
) -> httpx.Response:
    path = f"/v1/candidates/{candidate['id']}/accept"
    return await curator.post(path, {} if body is None else body, **headers)


async def test_ingest_stores_the_source_and_proposes_its_facts(
    curator: Curator, ingested: Run
) -> None:
    source, _ = await curator.read(f"/v1/sources/{SOURCE}")
    proposed = await candidates(curator, "proposed")

    assert (source["title"], source["publisher"]) == ("Changsha keeps growing", "Hunan Daily")
    assert str(source["published_on"]) == "2024-03-01"
    assert [c["as_reported"] for c in proposed] == [
        "1.5 trillion yuan", "4.8 percent", "more than 140", "about 1,200"
    ]  # fmt: skip
    for candidate in proposed:
        text = source["text"]
        assert text[candidate["start"] : candidate["end"]] == candidate["as_reported"]
        citation = candidate["citation"]
        assert text[citation["start"] : citation["end"]] == citation["quote"]
        assert (candidate["extractor"], candidate["status"]) == ("fake-1", "proposed")
    assert "1.5e+12" not in ingested.out
    assert "Huaxin Robotics (new organization)" in ingested.out


async def test_accept_as_proposed_reads_back_as_an_observation_with_its_sentence(
    curator: Curator, ingested: Run
) -> None:
    candidate = await candidate_of(curator, "1.5 trillion yuan")

    response = await accept(curator, candidate)

    assert response.status_code == 201, response.text
    observation = response.json()
    assert response.headers["location"] == f"/v1/observations/{observation['id']}"
    assert observation["id"] == "changsha-gdp-2023"
    assert (observation["region"], observation["indicator"]) == ("changsha", "gdp")
    assert (observation["value"], observation["unit"]) == (1.5e12, "CNY")
    assert_citation(observation["citation"])
    assert observation["citation"]["quote"].startswith("Changsha's GDP reached 1.5 trillion")
    source, _ = await curator.read(f"/v1/sources/{SOURCE}")
    cited = observation["citation"]
    assert source["text"][cited["start"] : cited["end"]] == cited["quote"]
    assert (await curator.read(f"/v1/observations/{observation['id']}"))[0] == observation
    accepted, _ = await curator.read(f"/v1/candidates/{candidate['id']}")
    assert (accepted["status"], accepted["observation"]) == ("accepted", observation["id"])


async def test_accepted_writes_are_in_the_change_feed(curator: Curator, ingested: Run) -> None:
    candidate = await candidate_of(curator, "about 1,200")

    response = await accept(curator, candidate, {"new_indicator": {"id": "employees"}})

    assert response.status_code == 201, response.text
    feed = (await curator.client.get("/v1/changes", params={"limit": 500})).json()["items"]
    assert [(c["resource"], c["resource_id"], c["action"], c["actor"]) for c in feed] == [
        ("sources", SOURCE, "create", "cli"),
        ("organizations", "huaxin-robotics", "create", "newsroom"),
        ("indicators", "employees", "create", "newsroom"),
        ("observations", "huaxin-robotics-employees", "create", "newsroom"),
    ]
    organization, _ = await curator.read("/v1/organizations/huaxin-robotics")
    assert (organization["name"], organization["kind"]) == ("Huaxin Robotics", "company")
    assert organization["citations"][0]["quote"] == "Huaxin Robotics employs about 1,200 people."
    indicator, _ = await curator.read("/v1/indicators/employees")
    assert (indicator["name"], indicator["unit"]) == ("Employees", "count")


async def test_accept_with_overrides(curator: Curator, ingested: Run) -> None:
    candidate = await candidate_of(curator, "4.8 percent")
    overrides = {
        "observation_id": "changsha-gdp-growth-2023",
        "new_indicator": {"id": "gdp-growth", "name": "GDP growth", "unit": "percent"},
        "region": "hunan",
        "period_label": "2023 full year",
        "comparator": "approx",
    }

    response = await accept(curator, candidate, overrides)

    assert response.status_code == 201, response.text
    body = response.json()
    assert (body["id"], body["indicator"], body["region"]) == (
        "changsha-gdp-growth-2023", "gdp-growth", "hunan"
    )  # fmt: skip
    assert (body["value"], body["comparator"], body["period_label"]) == (
        4.8,
        "approx",
        "2023 full year",
    )
    assert body["period_start"] == "2023-01-01"


async def test_a_taken_default_id_is_numbered(curator: Curator, ingested: Run) -> None:
    candidate = await candidate_of(curator, "more than 140")  # the seeds hold this fact already

    response = await accept(curator, candidate)

    assert response.status_code == 201, response.text
    assert response.json()["id"] == "zoomlion-countries-and-regions-served-2"
    assert (response.json()["value"], response.json()["comparator"]) == (140, "gt")


async def test_bad_overrides_are_422s_naming_the_field(curator: Curator, ingested: Run) -> None:
    gdp = await candidate_of(curator, "1.5 trillion yuan")
    growth = await candidate_of(curator, "4.8 percent")
    cases = [
        (gdp, {"indicator": "no-such-indicator"}, "indicator"),
        (gdp, {"indicator": "share-of-provincial-gdp"}, "indicator"),  # percent, not CNY
        (gdp, {"region": "atlantis"}, "region"),
        (gdp, {"value": 7}, "value"),  # "1.5 trillion yuan" does not say 7
        (gdp, {"region": "hunan", "organization": "zoomlion"}, "organization"),
        (gdp, {"period_start": "2024-01-01"}, "period_end"),
        (growth, {"new_indicator": {"id": "gdp-growth", "unit": "CNY"}}, "new_indicator.unit"),
        (
            growth,
            {"new_region": {"id": "east", "kind": "district", "parent": "atlantis"}},
            "new_region.parent",
        ),
        (growth, {"new_region": {"name": "长沙"}}, "new_region.kind"),
    ]
    for candidate, body, field in cases:
        response = await accept(curator, candidate, body)
        assert_problem(response, 422, field, "body")
    assert len(await candidates(curator, "proposed")) == 4
    assert (await curator.client.get("/v1/indicators/gdp-growth")).status_code == 404


async def test_reject_keeps_the_reason_and_decisions_are_final(
    curator: Curator, ingested: Run
) -> None:
    candidate = await candidate_of(curator, "4.8 percent")
    path = f"/v1/candidates/{candidate['id']}"

    rejected = await curator.post(f"{path}/reject", {"reason": "growth rate, not a level"})

    assert rejected.status_code == 200, rejected.text
    assert (rejected.json()["status"], rejected.json()["reason"]) == (
        "rejected", "growth rate, not a level"
    )  # fmt: skip
    assert [c["id"] for c in await candidates(curator, "rejected")] == [candidate["id"]]
    assert_problem(await accept(curator, candidate), 409)
    assert_problem(await curator.post(f"{path}/reject", {"reason": "again"}), 409)
    assert_problem(await curator.post(f"{path}/reject", {}), 400)


async def test_idempotent_accept_replays_without_writing_twice(
    curator: Curator, ingested: Run
) -> None:
    candidate = await candidate_of(curator, "1.5 trillion yuan")

    first = await accept(curator, candidate, {}, **{"Idempotency-Key": "accept-1"})
    retry = await accept(curator, candidate, {}, **{"Idempotency-Key": "accept-1"})
    again = await accept(curator, candidate, {}, **{"Idempotency-Key": "accept-2"})

    assert (first.status_code, retry.status_code) == (201, 201)
    assert retry.content == first.content
    assert retry.headers["idempotent-replayed"] == "true"
    assert again.status_code == 409  # a new request: the candidate is no longer proposed
    feed = (await curator.client.get("/v1/changes", params={"limit": 500})).json()["items"]
    assert [c["resource"] for c in feed].count("observations") == 1


async def test_candidates_are_paged_like_every_list(curator: Curator, ingested: Run) -> None:
    first = await curator.client.get(f"/v1/sources/{SOURCE}/candidates", params={"limit": 3})
    assert first.status_code == 200
    body = first.json()
    assert len(body["items"]) == 3
    assert body["next_cursor"]
    assert 'rel="next"' in first.headers["link"]
    second = await curator.client.get(
        f"/v1/sources/{SOURCE}/candidates", params={"limit": 3, "cursor": body["next_cursor"]}
    )
    assert [c["as_reported"] for c in second.json()["items"]] == ["about 1,200"]
    assert second.json()["next_cursor"] is None
    tampered = await curator.client.get(
        f"/v1/sources/{SOURCE}/candidates",
        params={"status": "accepted", "cursor": body["next_cursor"]},
    )
    assert_problem(tampered, 400, "cursor")
    csv = await curator.client.get(f"/v1/sources/{SOURCE}/candidates", params={"format": "csv"})
    assert csv.status_code == 200
    assert csv.text.count("\r\n") == 5
