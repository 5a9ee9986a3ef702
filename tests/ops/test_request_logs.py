"""One structured line per request, with a request id the caller can follow."""

from __future__ import annotations

import json
import logging

import pytest
from litestar.testing import AsyncTestClient

from service.observability.logs import JsonFormatter


def _access_records(caplog: pytest.LogCaptureFixture) -> list[dict[str, object]]:
    return [r.fields for r in caplog.records if r.name == "growth_atlas.access"]  # type: ignore[attr-defined]


async def test_a_plain_request_id_is_echoed_and_logged(
    client: AsyncTestClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="growth_atlas.access"):
        response = await client.get("/v1/regions/hunan", headers={"X-Request-ID": "trace-42"})
    assert response.headers["x-request-id"] == "trace-42"
    (entry,) = _access_records(caplog)
    assert entry["request_id"] == "trace-42"
    assert entry["route"] == "/v1/regions/{region_id}"
    assert entry["status"] == 200
    assert entry["method"] == "GET"
    assert isinstance(entry["duration_ms"], float)


@pytest.mark.parametrize("hostile", ["", "a b", "x" * 129, "id\r\nSet-Cookie: a=b", "é"])
async def test_an_unsafe_request_id_is_replaced(client: AsyncTestClient, hostile: str) -> None:
    response = await client.get(
        "/v1/regions/hunan", headers={"X-Request-ID": hostile.encode("utf-8")}
    )
    generated = response.headers["x-request-id"]
    assert generated != hostile
    assert len(generated) == 32
    int(generated, 16)


async def test_unknown_routes_are_logged_too(
    client: AsyncTestClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="growth_atlas.access"):
        response = await client.get("/v1/nowhere", headers={"Authorization": "Bearer s3cret"})
    assert response.status_code == 404
    (entry,) = _access_records(caplog)
    assert entry["route"] == "unmatched"
    assert entry["status"] == 404
    assert "s3cret" not in caplog.text


def test_log_lines_are_json_objects() -> None:
    record = logging.LogRecord(
        "growth_atlas.access", logging.INFO, __file__, 1, "request", (), None
    )
    record.fields = {"route": "/v1/regions", "status": 200}
    line = json.loads(JsonFormatter().format(record))
    assert line["level"] == "info"
    assert line["logger"] == "growth_atlas.access"
    assert line["route"] == "/v1/regions"
    assert line["time"].endswith("+00:00")
