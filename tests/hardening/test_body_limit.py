"""Request bodies over `max_request_body_bytes` are refused with 413, announced or chunked."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient
from litestar.types import Message

from service.settings import Settings
from tests.hardening.support import ECHO_PATH, probed_app

# Body limits are HTTP behaviour the database does not change: one backend is enough.
pytestmark = pytest.mark.backends("sqlite")

LIMIT = 4096


@pytest.fixture
async def client(empty_settings: Settings) -> AsyncIterator[AsyncTestClient]:
    settings = Settings(database_url=empty_settings.database_url, max_request_body_bytes=LIMIT)
    async with AsyncTestClient(app=probed_app(settings)) as test_client:
        yield test_client


def test_the_default_limit_is_four_mebibytes() -> None:
    assert Settings().max_request_body_bytes == 4 * 1024 * 1024


async def test_a_body_within_the_limit_is_read(client: AsyncTestClient) -> None:
    response = await client.post(ECHO_PATH, content=b"x" * LIMIT)
    assert response.status_code == 200
    assert response.json() == {"received": LIMIT}


async def test_an_announced_oversized_body_is_413(client: AsyncTestClient) -> None:
    response = await client.post(ECHO_PATH, content=b"x" * (LIMIT + 1))
    assert response.status_code == 413
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["detail"] == (
        f"The request body is larger than the limit of {LIMIT} bytes."
    )


async def _post_in_pieces(app: Litestar, pieces: list[bytes]) -> tuple[int, dict[str, str]]:
    """POST `pieces` the way an ASGI server passes on a chunked body: one message per piece as
    it arrives, no Content-Length. The status and headers of the response."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": ECHO_PATH,
        "raw_path": ECHO_PATH.encode(),
        "root_path": "",
        "query_string": b"",
        "headers": [(b"host", b"testserver"), (b"transfer-encoding", b"chunked")],
        "client": ("127.0.0.1", 50000),
        "server": ("testserver", 80),
    }
    messages = [
        {"type": "http.request", "body": piece, "more_body": i < len(pieces) - 1}
        for i, piece in enumerate(pieces)
    ]
    sent: list[Message] = []

    async def receive() -> Message:
        return messages.pop(0) if messages else {"type": "http.disconnect"}

    async def send(message: Message) -> None:
        sent.append(message)

    await app(scope, receive, send)  # type: ignore[arg-type]
    start = next(m for m in sent if m["type"] == "http.response.start")
    return start["status"], {k.decode(): v.decode() for k, v in start["headers"]}


@pytest.mark.parametrize(("pieces", "status"), [(3, 413), (1, 200)])
async def test_a_chunked_body_is_measured_as_it_arrives(
    client: AsyncTestClient, pieces: int, status: int
) -> None:
    status_code, headers = await _post_in_pieces(client.app, [b"x" * LIMIT] * pieces)
    assert status_code == status
    if status == 413:
        assert headers["content-type"] == "application/problem+json"
