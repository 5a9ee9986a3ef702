"""Writing observations: values checked against their words, words against their quote."""

from __future__ import annotations

from typing import Any

from tests.curation.conftest import Curator

ARTICLE = "global-rd-resources-shape-hunans-growth-drivers"
QUOTE = "Shanshan Corporation, one of China's top 500 enterprises"


def observation(**fields: Any) -> dict[str, Any]:
    body = {
        "id": "shanshan-rank",
        "indicator": "enterprise-ranking",
        "organization": "shanshan",
        "value": 500,
        "comparator": "lte",
        "as_reported": "top 500",
        "citation": {"source": ARTICLE, "quote": QUOTE},
    }
    return body | fields


async def indicator_id(curator: Curator) -> str:
    items = (await curator.client.get("/v1/indicators", params={"limit": 500})).json()["items"]
    return str(items[0]["id"])


async def test_create_reads_back_with_unit_and_citation(curator: Curator) -> None:
    indicator = await indicator_id(curator)

    response = await curator.post("/v1/observations", observation(indicator=indicator))

    assert response.status_code == 201, response.text
    body = response.json()
    assert body["value"] == 500
    assert body["citation"]["quote"] == QUOTE
    assert (await curator.read("/v1/observations/shanshan-rank"))[0] == body


async def test_words_not_in_the_quote_and_a_value_they_do_not_state(curator: Curator) -> None:
    indicator = await indicator_id(curator)
    not_quoted = observation(indicator=indicator, as_reported="top 600")
    misread = observation(indicator=indicator, value=5000)

    first = await curator.post("/v1/observations", not_quoted)
    second = await curator.post("/v1/observations", misread)

    assert first.json()["errors"][0]["name"] == "as_reported"
    assert second.json()["errors"][0]["name"] == "value"
    assert (first.status_code, second.status_code) == (422, 422)


async def test_exactly_one_subject_and_an_ordered_period(curator: Curator) -> None:
    indicator = await indicator_id(curator)
    both = observation(indicator=indicator, region="hunan")
    backwards = observation(indicator=indicator, period_start="2024-01-01", period_end="2023-01-01")

    assert (await curator.post("/v1/observations", both)).status_code == 422
    assert (await curator.post("/v1/observations", backwards)).status_code == 422


async def test_patch_is_checked_whole_and_applied_only_when_valid(curator: Curator) -> None:
    indicator = await indicator_id(curator)
    created = await curator.post("/v1/observations", observation(indicator=indicator))
    etag = created.headers["etag"]

    refused = await curator.patch("/v1/observations/shanshan-rank", {"value": 7}, etag)
    accepted = await curator.patch("/v1/observations/shanshan-rank", {"period_label": "2024"}, etag)

    assert refused.status_code == 422
    assert accepted.status_code == 200, accepted.text
    assert accepted.json() == created.json() | {"period_label": "2024"}


async def test_unknown_indicator_is_a_422_naming_it(curator: Curator) -> None:
    response = await curator.post("/v1/observations", observation(indicator="no-such-thing"))

    assert response.status_code == 422
    assert response.json()["errors"][0]["name"] == "indicator"
