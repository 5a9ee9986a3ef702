"""Content negotiation: q-values and wildcards of `Accept`, `?format=`, 406, `Vary`."""

from __future__ import annotations

import pytest
from litestar.testing import AsyncTestClient

from service.representations.negotiation import CSV, JSON, MSGPACK, choose
from tests.api.support import assert_problem

OFFERED = (JSON, MSGPACK, CSV)


@pytest.mark.parametrize(
    ("accept", "chosen"),
    [
        (None, JSON),
        ("", JSON),
        ("*/*", JSON),
        ("text/*", CSV),
        ("text/csv", CSV),
        ("application/*", JSON),
        ("application/msgpack, application/json;q=0.9", MSGPACK),
        ("application/json;q=0.5, text/csv", CSV),
        ("text/csv;q=0.2, application/msgpack;q=0.8, */*;q=0.1", MSGPACK),
        # the most specific range decides: CSV refused, everything else welcome
        ("text/csv;q=0, */*", JSON),
        ("application/json;q=0, */*;q=0.5", MSGPACK),
        ("APPLICATION/MSGPACK", MSGPACK),
        ("text/html, application/xhtml+xml, */*;q=0.8", JSON),
        ("application/json;q=not-a-number, text/csv", CSV),
        ("image/png", None),
        ("application/json;q=0", None),
        ("text/html, image/*", None),
    ],
)
def test_accept_is_read_with_q_values_and_wildcards(accept: str | None, chosen: str) -> None:
    assert choose(accept, OFFERED) == chosen


@pytest.mark.parametrize(
    ("accept", "media_type"),
    [
        ("application/msgpack", "application/msgpack"),
        ("text/csv", "text/csv; header=present; charset=utf-8"),
        ("application/json", "application/json"),
        ("text/csv;q=0.1, application/msgpack;q=0.9", "application/msgpack"),
    ],
)
async def test_the_response_has_the_negotiated_type(
    client: AsyncTestClient, accept: str, media_type: str
) -> None:
    response = await client.get("/v1/regions", headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"] == media_type
    assert "Accept" in response.headers["vary"]


async def test_format_overrides_accept(client: AsyncTestClient) -> None:
    response = await client.get(
        "/v1/indicators", params={"format": "csv"}, headers={"Accept": "application/msgpack"}
    )
    assert response.headers["content-type"].startswith("text/csv")
    refused_by_header = await client.get(
        "/v1/indicators", params={"format": "json"}, headers={"Accept": "image/png"}
    )
    assert refused_by_header.status_code == 200
    assert refused_by_header.headers["content-type"] == "application/json"


@pytest.mark.parametrize(
    "path", ["/v1/regions", "/v1/regions/hunan", "/v1/search?q=hunan", "/v1/sources"]
)
async def test_an_unacceptable_accept_is_406_problem_json(
    client: AsyncTestClient, path: str
) -> None:
    response = await client.get(path, headers={"Accept": "image/png, text/html"})
    body = assert_problem(response, 406, "Accept", location="header")
    assert "application/json" in body["detail"]
    assert "text/csv" in body["detail"]


async def test_an_unknown_format_is_a_400(client: AsyncTestClient) -> None:
    assert_problem(await client.get("/v1/regions", params={"format": "xml"}), 400, "format")


async def test_errors_stay_problem_json_whatever_was_asked(client: AsyncTestClient) -> None:
    for accept in ("application/msgpack", "text/csv"):
        response = await client.get("/v1/regions/atlantis", headers={"Accept": accept})
        assert_problem(response, 404)


async def test_format_null_is_not_a_value(client: AsyncTestClient) -> None:
    assert_problem(await client.get("/v1/regions/hunan", params={"format": "null"}), 400, "format")
