"""The product promise: every citation served is the exact span of its source's text."""

from __future__ import annotations

from typing import Any

from litestar.testing import AsyncTestClient

from service.seeding.verify import read_facts
from tests.api.support import assert_citation, page
from tests.conftest import SEEDS_DIR

FACTS = read_facts(SEEDS_DIR)


async def source_texts(client: AsyncTestClient) -> dict[str, str]:
    texts = {}
    for summary in page(await client.get("/v1/sources", params={"limit": 500})):
        response = await client.get(f"/v1/sources/{summary['id']}")
        assert response.status_code == 200
        texts[summary["id"]] = response.json()["text"]
    return texts


def misquoted(texts: dict[str, str], owner: str, citations: list[dict[str, Any]]) -> list[str]:
    """The citations of `owner` whose offsets do not give back their quote."""
    wrong = []
    for citation in citations:
        assert_citation(citation)
        text = texts[citation["source"]]
        if text[citation["start"] : citation["end"]] != citation["quote"]:
            wrong.append(f"{owner}: [{citation['start']}:{citation['end']}] {citation['quote']!r}")
    return wrong


async def test_observation_citations_point_at_their_quote(client: AsyncTestClient) -> None:
    texts = await source_texts(client)
    observations = page(await client.get("/v1/observations", params={"limit": 500}))
    assert len(observations) == len(FACTS.observations)
    wrong = []
    for observation in observations:
        wrong += misquoted(texts, observation["id"], [observation["citation"]])
        if observation["as_reported"] not in observation["citation"]["quote"]:
            wrong.append(f"{observation['id']}: {observation['as_reported']!r} not in its quote")
    assert not wrong, "\n".join(wrong)


async def test_single_observations_carry_the_same_citation(client: AsyncTestClient) -> None:
    texts = await source_texts(client)
    wrong = []
    for fact in FACTS.observations:
        observation = (await client.get(f"/v1/observations/{fact.id}")).json()
        wrong += misquoted(texts, fact.id, [observation["citation"]])
        assert observation["citation"]["quote"] == fact.citation.quote
    assert not wrong, "\n".join(wrong)


async def test_region_citations_point_at_their_quote(client: AsyncTestClient) -> None:
    texts = await source_texts(client)
    regions = page(await client.get("/v1/regions", params={"limit": 500}))
    assert len(regions) == len(FACTS.regions)
    wrong = []
    for region in regions:
        assert region["citations"], region["id"]
        wrong += misquoted(texts, region["id"], region["citations"])
    assert not wrong, "\n".join(wrong)


async def test_organization_citations_point_at_their_quote(client: AsyncTestClient) -> None:
    """Its own citations, and those of its region links and relations."""
    texts = await source_texts(client)
    organizations = page(await client.get("/v1/organizations", params={"limit": 500}))
    assert len(organizations) == len(FACTS.organizations)
    wrong = []
    links = relations = 0
    for org in organizations:
        assert org["citations"], org["id"]
        wrong += misquoted(texts, org["id"], org["citations"])
        for link in org["regions"]:
            owner = f"{org['id']} {link['role']} {link['region']}"
            wrong += misquoted(texts, owner, [link["citation"]])
            links += 1
        for relation in org["relations"]:
            owner = f"{relation['subject']} {relation['kind']} {relation['object']}"
            wrong += misquoted(texts, owner, [relation["citation"]])
            relations += 1
    assert not wrong, "\n".join(wrong)
    assert links == len(FACTS.organization_regions)
    # A relation is embedded in both of its organizations.
    assert relations == 2 * len(FACTS.relations)


async def test_relation_list_citations_point_at_their_quote(client: AsyncTestClient) -> None:
    texts = await source_texts(client)
    wrong = []
    seen = 0
    for fact in FACTS.organizations:
        for relation in page(await client.get(f"/v1/organizations/{fact.id}/relations")):
            owner = f"{relation['subject']} {relation['kind']} {relation['object']}"
            wrong += misquoted(texts, owner, [relation["citation"]])
            seen += 1
    assert not wrong, "\n".join(wrong)
    assert seen == 2 * len(FACTS.relations)


async def test_children_and_ancestors_carry_the_same_citations(client: AsyncTestClient) -> None:
    texts = await source_texts(client)
    served = [
        *page(await client.get("/v1/regions/hunan/children")),
        *page(await client.get("/v1/regions/xiangjiang-new-area/ancestors")),
    ]
    wrong = []
    for region in served:
        wrong += misquoted(texts, region["id"], region["citations"])
    assert not wrong, "\n".join(wrong)
    assert {region["id"] for region in served} == {"changsha", "hengyang", "china", "hunan"}
