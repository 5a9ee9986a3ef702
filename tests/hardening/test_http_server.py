"""The HTTP server's bounds, tried over raw sockets against `growth-atlas serve` on loopback.

Every socket has a timeout and every test a bounded number of them: a regression shows as a
failure within seconds, never as a hung suite.
"""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Iterator
from typing import Any

import pytest

from service.hardening import API_POLICY
from service.settings import Settings
from tests.conftest import migrated
from tests.servers import Server, serve

HEAD_LIMIT = 8192
HEAD_TIMEOUT = 1.5
KEEP_ALIVE = 1
MAX_CONNECTIONS = 6
SOCKET_TIMEOUT = 10.0


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One server for the module, on SQLite: these bounds are the HTTP server's, not the DB's."""
    workdir = tmp_path_factory.mktemp("http-server")
    settings = Settings(database_url=f"sqlite+aiosqlite:///{workdir / 'atlas.db'}")
    with serve(
        migrated(settings),
        workdir,
        max_request_head_bytes=str(HEAD_LIMIT),
        max_request_header_fields="20",
        request_head_timeout_seconds=str(HEAD_TIMEOUT),
        keep_alive_timeout_seconds=str(KEEP_ALIVE),
        max_connections=str(MAX_CONNECTIONS),
    ) as running:
        yield running


def connect(server: Server) -> socket.socket:
    host, port = server.base_url.removeprefix("http://").split(":")
    assert host == "127.0.0.1"
    return socket.create_connection((host, int(port)), timeout=SOCKET_TIMEOUT)


def read_all(sock: socket.socket) -> bytes:
    """Everything until the server closes the connection (or the socket times out)."""
    chunks = []
    while chunk := sock.recv(65536):
        chunks.append(chunk)
    return b"".join(chunks)


def read_one(sock: socket.socket) -> bytes:
    """One whole response on a connection that stays open: its head, then Content-Length bytes."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        assert chunk, f"closed after {data!r}"
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = int(parse(head + b"\r\n\r\n")[1]["content-length"])
    while len(body) < length:
        chunk = sock.recv(65536)
        assert chunk, f"closed after {data + body!r}"
        body += chunk
    return head + b"\r\n\r\n" + body


def parse(response: bytes) -> tuple[int, dict[str, str], Any]:
    head, _, body = response.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.lower().split(": ", 1) for line in lines[1:])
    return int(lines[0].split()[1]), headers, json.loads(body) if body else None


def exchange(server: Server, request: bytes) -> tuple[int, dict[str, str], Any]:
    with connect(server) as sock:
        sock.sendall(request)
        return parse(read_all(sock))


def assert_problem(answer: tuple[int, dict[str, str], Any], status: int) -> dict[str, Any]:
    code, headers, body = answer
    assert code == status, answer
    assert headers["content-type"] == "application/problem+json"
    assert headers["cache-control"] == "no-store"
    assert headers["content-security-policy"] == API_POLICY
    assert headers["x-content-type-options"] == "nosniff"
    assert body["status"] == status
    detail: dict[str, Any] = body
    return detail


def get(path: str, *headers: str) -> bytes:
    lines = [f"GET {path} HTTP/1.1", "Host: 127.0.0.1", *headers, "Connection: close"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def test_a_normal_request_is_served(server: Server) -> None:
    code, _, body = exchange(server, get("/v1/indicators"))
    assert code == 200
    assert body["items"] == []


@pytest.mark.parametrize("size", [HEAD_LIMIT, 1 << 20])
def test_a_header_over_the_limit_is_a_431(server: Server, size: int) -> None:
    assert_problem(exchange(server, get("/v1/indicators", "X-Big: " + "a" * size)), 431)


def test_too_many_header_fields_is_a_431(server: Server) -> None:
    fields = [f"X-Field-{n}: {n}" for n in range(21)]
    assert_problem(exchange(server, get("/v1/indicators", *fields)), 431)


def test_an_endless_header_is_refused_before_it_ends(server: Server) -> None:
    """The server answers while the header is still coming: it does not wait for (or keep) it."""
    with connect(server) as sock:
        sock.sendall(b"GET /v1/indicators HTTP/1.1\r\nX-Endless: " + b"a" * (4 * HEAD_LIMIT))
        assert_problem(parse(read_all(sock)), 431)


def test_a_head_that_trickles_gets_a_408_in_time(server: Server) -> None:
    with connect(server) as sock:
        started = time.monotonic()
        sock.sendall(b"GET /v1/indicators HTTP/1.1\r\nX-Slow: ")
        for _ in range(10):
            try:
                sock.sendall(b"a")
            except OSError:
                break
            time.sleep(0.3)
        answer = parse(read_all(sock))
        elapsed = time.monotonic() - started
    assert_problem(answer, 408)
    assert HEAD_TIMEOUT - 0.2 < elapsed < HEAD_TIMEOUT + 3


def test_a_second_head_on_a_kept_connection_has_its_own_deadline(server: Server) -> None:
    with connect(server) as sock:
        sock.sendall(b"GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        assert read_one(sock).startswith(b"HTTP/1.1 200")
        started = time.monotonic()
        sock.sendall(b"GET /v1/indicators HTTP/1.1\r\nX-Stalled: ")
        answer = parse(read_all(sock))
    assert_problem(answer, 408)
    assert time.monotonic() - started < HEAD_TIMEOUT + 3


def test_a_silent_connection_is_closed_in_time(server: Server) -> None:
    with connect(server) as sock:
        started = time.monotonic()
        assert read_all(sock) == b""
    assert time.monotonic() - started < HEAD_TIMEOUT + 3


def test_an_idle_keep_alive_connection_is_closed(server: Server) -> None:
    with connect(server) as sock:
        sock.sendall(b"GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        first = read_one(sock)
        started = time.monotonic()
        rest = read_all(sock)
    assert first.startswith(b"HTTP/1.1 200")
    assert rest == b""
    assert time.monotonic() - started < KEEP_ALIVE + 3


def test_beyond_the_connection_limit_requests_get_a_503(server: Server) -> None:
    held = [connect(server) for _ in range(MAX_CONNECTIONS)]
    try:
        answer = exchange(server, get("/health/live"))
    finally:
        for sock in held:
            sock.close()
    assert_problem(answer, 503)
    time.sleep(0.2)
    assert exchange(server, get("/health/live"))[0] == 200


def test_raw_utf8_in_the_url_is_refused_saying_to_percent_encode(server: Server) -> None:
    body = assert_problem(exchange(server, get("/v1/search?q=湖南")), 400)
    assert "percent-encode" in body["detail"]
    encoded = exchange(server, get("/v1/search?q=%E6%B9%96%E5%8D%97"))
    assert encoded[0] == 200


@pytest.mark.parametrize(
    "request_bytes",
    [
        b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Nul: a\x00b\r\n\r\n",
        b"POST /v1/indicators HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: -1\r\n\r\n",
        b"NOT HTTP AT ALL\r\n\r\n",
    ],
)
def test_malformed_requests_get_a_problem(server: Server, request_bytes: bytes) -> None:
    assert_problem(exchange(server, request_bytes), 400)


def test_the_server_still_serves_after_all_that(server: Server) -> None:
    assert exchange(server, get("/health/live"))[0] == 200
    assert "Traceback" not in server.logs()
