"""POST /v1/extract: any text in, its findings out, stored nowhere and open to every client."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import msgspec
import pytest
from litestar.testing import AsyncTestClient

from service import extraction
from service.app import create_app
from service.settings import Settings
from tests.api.support import assert_problem
from tests.candidates.fake_extractor import ARTICLE, FakeExtractor
from tests.conftest import SEEDS_DIR

FACT_FIELDS = {
    "start", "end", "value", "unit", "unit_base", "unit_scale", "comparator", "as_reported",
    "subject", "indicator", "period_start", "period_end", "period_label", "citation",
    "confidence", "conversion",
}  # fmt: skip


def assert_spans(text: str, body: dict[str, Any]) -> None:
    """Every span of the answer slices the text it was given into its own words."""
    for item in body["quantities"] + body["facts"]:
        assert text[item["start"] : item["end"]] == item["as_reported"]
    for fact in body["facts"]:
        citation, subject = fact["citation"], fact["subject"]
        assert text[citation["start"] : citation["end"]] == citation["quote"]
        assert citation["start"] <= fact["start"] < fact["end"] <= citation["end"]
        assert text[subject["start"] : subject["end"]]
    for entity in body["entities"]:
        assert text[entity["start"] : entity["end"]]
    for ignored in body["ignored"]:
        assert text[ignored["start"] : ignored["end"]] == ignored["text"]


async def test_facts_with_exact_spans_and_no_key_needed(
    client: AsyncTestClient[Any], fake_extractor: FakeExtractor
) -> None:
    response = await client.post(
        "/v1/extract", json={"text": ARTICLE, "published_on": "2024-03-01"}
    )

    assert response.status_code == 200, response.text
    body = response.json()
    assert set(body) == {"extractor", "quantities", "entities", "facts", "ignored"}
    assert body["extractor"] == "fake-1"
    assert all(set(fact) == FACT_FIELDS for fact in body["facts"])
    assert len(body["facts"]) == 4
    assert_spans(ARTICLE, body)
    (gazetteer,) = fake_extractor.gazetteers
    assert ("region", "changsha") in {(entity.kind, entity.id) for entity in gazetteer.entities}


async def test_the_gazetteer_is_read_once_while_the_data_stays(
    client: AsyncTestClient[Any], fake_extractor: FakeExtractor
) -> None:
    for _ in range(3):
        assert (await client.post("/v1/extract", json={"text": ARTICLE})).status_code == 200

    first, *others = fake_extractor.gazetteers
    assert all(other is first for other in others)


@pytest.mark.parametrize(
    "body",
    [{}, {"text": ""}, {"text": ARTICLE, "extra": 1}, {"text": ARTICLE, "published_on": "soon"}],
)
async def test_malformed_bodies_are_400s(
    client: AsyncTestClient[Any], fake_extractor: FakeExtractor, body: dict[str, Any]
) -> None:
    assert_problem(await client.post("/v1/extract", json=body), 400)
    assert fake_extractor.gazetteers == []


@pytest.fixture
async def strict_client(seeded_settings: Settings) -> AsyncIterator[AsyncTestClient[Any]]:
    """An app with a small body limit and a small anonymous rate limit."""
    settings = msgspec.structs.replace(
        seeded_settings, max_request_body_bytes=2_000, rate_limit_anonymous_per_minute=3
    )
    async with AsyncTestClient(app=create_app(settings)) as test_client:
        yield test_client


async def test_the_body_limit_and_the_anonymous_rate_limit_apply(
    strict_client: AsyncTestClient[Any], fake_extractor: FakeExtractor
) -> None:
    too_large = await strict_client.post("/v1/extract", json={"text": "x" * 3_000})
    # Windows are whole minutes: seven requests over at most one boundary put four or more in
    # one window, whichever minute the test starts in.
    answers = [await strict_client.post("/v1/extract", json={"text": ARTICLE}) for _ in range(7)]

    assert_problem(too_large, 413)
    assert answers[0].status_code == 200
    limited = [answer for answer in answers if answer.status_code == 429]
    assert limited
    assert_problem(limited[0], 429)
    assert limited[0].headers["retry-after"]


@pytest.mark.skipif(not hasattr(extraction, "extract"), reason="the extractor is not built in")
async def test_the_real_extractor_on_a_seed_article(client: AsyncTestClient[Any]) -> None:
    text = next((SEEDS_DIR / "articles").glob("001_*.txt")).read_text(encoding="utf-8")

    response = await client.post("/v1/extract", json={"text": text, "published_on": "2024-03-20"})

    assert response.status_code == 200, response.text
    body = response.json()
    assert body["facts"]
    assert all(set(fact) == FACT_FIELDS for fact in body["facts"])
    assert_spans(text, body)
