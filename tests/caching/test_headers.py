"""`Cache-Control` per resource, `Vary`, and compression after the tag is computed."""

from __future__ import annotations

import gzip

import brotli
import pytest
from litestar.testing import AsyncTestClient

from service.etags import etag_of


@pytest.mark.parametrize(
    ("path", "cache_control"),
    [
        ("/v1/regions", "max-age=60"),
        ("/v1/search?q=hunan", "max-age=60"),
        ("/v1/regions/hunan", "max-age=300"),
        ("/v1/observations/xiangjiang-new-area-gdp-2023", "max-age=300"),
        ("/v1/sources/xiangjiang-new-area-innovation", "max-age=3600"),
        ("/health/live", "no-store"),
        ("/metrics", "no-store"),
        ("/v1/regions/atlantis", "no-store"),
    ],
)
async def test_cache_control_fits_the_resource(
    client: AsyncTestClient, path: str, cache_control: str
) -> None:
    response = await client.get(path)
    assert response.headers["cache-control"] == cache_control
    assert "immutable" not in response.headers["cache-control"]


async def test_negotiated_answers_vary_on_accept(client: AsyncTestClient) -> None:
    response = await client.get("/v1/regions")
    vary = [value.strip() for value in response.headers["vary"].split(",")]
    assert "Accept" in vary
    assert "Accept-Encoding" in vary


@pytest.mark.parametrize(
    ("accept_encoding", "coding"),
    [
        ("gzip", "gzip"),
        ("br", "br"),
        ("gzip, br", "br"),
        ("br;q=0.5, gzip", "gzip"),
        ("*", "br"),
        ("identity", None),
        ("gzip;q=0", None),
    ],
)
async def test_large_answers_are_compressed_as_asked(
    client: AsyncTestClient, accept_encoding: str, coding: str | None
) -> None:
    identity = await client.get("/v1/regions", headers={"Accept-Encoding": "identity"})
    assert len(identity.content) > 1024, "the list should be above the compression threshold"
    response = await client.get("/v1/regions", headers={"Accept-Encoding": accept_encoding})
    assert response.headers.get("content-encoding") == coding
    # httpx decodes gzip and brotli: the decoded body is the identity body, and the tag is its.
    assert response.content == identity.content
    assert response.headers["etag"] == identity.headers["etag"] == etag_of(identity.content)


async def test_compressed_bytes_decode_to_the_identity_body(client: AsyncTestClient) -> None:
    identity = await client.get("/v1/observations", headers={"Accept-Encoding": "identity"})
    for coding, decode in (("gzip", gzip.decompress), ("br", brotli.decompress)):
        async with client.stream(
            "GET", "/v1/observations", headers={"Accept-Encoding": coding}
        ) as response:
            raw = b"".join([chunk async for chunk in response.aiter_raw()])
        assert response.headers["content-length"] == str(len(raw))
        assert decode(raw) == identity.content
        assert len(raw) < len(identity.content)


async def test_small_answers_are_sent_as_they_are(client: AsyncTestClient) -> None:
    response = await client.get("/v1/indicators/gdp", headers={"Accept-Encoding": "gzip"})
    assert "content-encoding" not in response.headers


async def test_msgpack_is_not_compressed(client: AsyncTestClient) -> None:
    response = await client.get(
        "/v1/regions", params={"format": "msgpack"}, headers={"Accept-Encoding": "gzip"}
    )
    assert "content-encoding" not in response.headers


async def test_a_304_of_a_compressed_answer_keeps_the_identity_tag(
    client: AsyncTestClient,
) -> None:
    compressed = await client.get("/v1/regions", headers={"Accept-Encoding": "gzip"})
    assert compressed.headers["content-encoding"] == "gzip"
    again = await client.get(
        "/v1/regions",
        headers={"Accept-Encoding": "identity", "If-None-Match": compressed.headers["etag"]},
    )
    assert again.status_code == 304
