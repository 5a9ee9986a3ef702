"""Write bodies: JSON by media type, strictly typed, bounded in depth, replayed by their value."""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest

from service.app import create_app
from service.settings import Settings
from tests.api.support import assert_problem
from tests.curation.conftest import Curator

INDICATOR = {"id": "exports", "name": "Exports", "description": "Goods sold abroad.", "unit": "CNY"}
ARTICLE = "global-rd-resources-shape-hunans-growth-drivers"
QUOTE = "Shanshan Corporation, one of China's top 500 enterprises"
OBSERVATION = {
    "id": "shanshan-rank",
    "indicator": "gdp",
    "organization": "shanshan",
    "value": 500,
    "comparator": "lte",
    "as_reported": "top 500",
    "citation": {"source": ARTICLE, "quote": QUOTE},
}
WRITES_WITH_BODY = ("post", "patch", "put")


async def post_raw(curator: Curator, path: str, body: bytes, **headers: str) -> Any:
    return await curator.client.post(path, content=body, headers={**curator.auth, **headers})


@pytest.mark.parametrize("depth", [1_000, 100_000])
async def test_deeply_nested_json_is_a_400_without_a_recursion_error(
    curator: Curator, depth: int, caplog: pytest.LogCaptureFixture
) -> None:
    nested = b'{"id": "deep", "name": ' + b"[" * depth + b"]" * depth + b"}"
    json_type = {"Content-Type": "application/json"}

    with caplog.at_level(logging.DEBUG):
        response = await post_raw(curator, "/v1/indicators", nested, **json_type)

    assert_problem(response, 400, "name", "body")
    assert "RecursionError" not in caplog.text
    assert (await curator.client.get("/v1/indicators/deep")).status_code == 404


@pytest.mark.parametrize(
    "content_type", [None, "text/plain", "application/x-www-form-urlencoded", "application/jsonx"]
)
async def test_a_body_that_is_not_sent_as_json_is_a_415(
    curator: Curator, content_type: str | None
) -> None:
    headers = {} if content_type is None else {"Content-Type": content_type}
    body = json.dumps(INDICATOR).encode()

    created = await post_raw(curator, "/v1/indicators", body, **headers)
    _, etag = await curator.read("/v1/indicators/gdp")
    patched = await curator.client.patch(
        "/v1/indicators/gdp", content=b'{"name": "GDP"}', headers={**curator.auth, **headers}
    )
    patched_headers = {**curator.auth, "If-Match": etag, **headers}
    with_etag = await curator.client.patch(
        "/v1/indicators/gdp", content=b'{"name": "GDP"}', headers=patched_headers
    )

    for response in (created, patched, with_etag):
        assert_problem(response, 415)
        assert "application/json" in response.json()["detail"]
    assert (await curator.client.get("/v1/indicators/exports")).status_code == 404


@pytest.mark.parametrize("content_type", ["application/json", "Application/JSON; charset=utf-8"])
async def test_json_with_or_without_parameters_is_accepted(
    curator: Curator, content_type: str
) -> None:
    body = json.dumps(INDICATOR).encode()
    response = await post_raw(curator, "/v1/indicators", body, **{"Content-Type": content_type})
    assert response.status_code == 201, response.text


@pytest.mark.parametrize(
    ("field", "value"),
    [("value", "500"), ("value", True), ("citation", {"source": ARTICLE, "quote": 5})],
)
async def test_numbers_and_strings_are_not_converted(
    curator: Curator, field: str, value: Any
) -> None:
    response = await curator.post("/v1/observations", OBSERVATION | {field: value})

    body = assert_problem(response, 400)
    assert body["errors"][0]["name"].startswith(field)
    assert body["errors"][0]["location"] == "body"
    assert (await curator.client.get("/v1/observations/shanshan-rank")).status_code == 404


async def test_an_integer_may_be_written_with_a_zero_fraction(curator: Curator) -> None:
    """JSON Schema counts 30.0 as an integer; the contract says integer, so it is accepted."""
    citation = {"source": ARTICLE, "quote": QUOTE, "start": 0.0}
    indicators = await curator.client.get("/v1/indicators", params={"limit": 1})
    body = OBSERVATION | {"indicator": indicators.json()["items"][0]["id"], "citation": citation}
    response = await curator.post("/v1/observations", body)
    assert response.status_code in (201, 422), response.text  # 422: the quote is elsewhere
    if response.status_code == 422:
        assert response.json()["errors"][0]["name"].startswith("citation")
    fraction = await curator.post(
        "/v1/observations", body | {"citation": citation | {"start": 0.5}}
    )
    assert_problem(fraction, 400, "citation.start", "body")


async def test_a_number_stays_accepted_as_a_number(curator: Curator) -> None:
    indicators = await curator.client.get("/v1/indicators", params={"limit": 1})
    indicator = indicators.json()["items"][0]["id"]
    for number, value in enumerate((500, 500.0)):
        body = OBSERVATION | {"indicator": indicator, "value": value, "id": f"rank-{number}"}
        response = await curator.post("/v1/observations", body)
        assert response.status_code == 201, response.text


async def test_a_retry_with_other_white_space_and_key_order_is_replayed(curator: Curator) -> None:
    key = {"Idempotency-Key": "spacing", "Content-Type": "application/json"}
    compact = json.dumps(INDICATOR, separators=(",", ":")).encode()
    pretty = json.dumps(dict(reversed(INDICATOR.items())), indent=4).encode()

    first = await post_raw(curator, "/v1/indicators", compact, **key)
    retry = await post_raw(curator, "/v1/indicators", pretty, **key)

    assert (first.status_code, retry.status_code) == (201, 201), retry.text
    assert retry.headers["idempotent-replayed"] == "true"
    assert retry.content == first.content


def test_the_contract_documents_415_on_every_write_with_a_body(empty_settings: Settings) -> None:
    paths = create_app(empty_settings).openapi_schema.to_schema()["paths"]
    writes = [
        (path, method, operation)
        for path, item in paths.items()
        for method, operation in item.items()
        if method in WRITES_WITH_BODY
    ]
    assert writes
    for path, method, operation in writes:
        if "requestBody" not in operation:
            continue  # a command without a body (run the extractor)
        assert operation["requestBody"]["content"].keys() == {"application/json"}, (path, method)
        assert "415" in operation["responses"], (path, method)


async def test_the_extract_endpoint_takes_bodies_by_the_same_rules(curator: Curator) -> None:
    """No key is needed there, so its body is the most exposed of all."""
    deep = b'{"text": ' + b"[" * 10_000 + b"]" * 10_000 + b"}"
    json_type = {"Content-Type": "application/json"}

    nested = await curator.client.post("/v1/extract", content=deep, headers=json_type)
    as_text = await curator.client.post(
        "/v1/extract", content=b'{"text": "GDP rose 5%."}', headers={"Content-Type": "text/plain"}
    )

    assert_problem(nested, 400, "text", "body")
    assert_problem(as_text, 415)
