"""A client that drops while sending its body is logged and counted as 499, never as a 500."""

from __future__ import annotations

import asyncio
import json
import socket
import time
from pathlib import Path
from typing import Any

import httpx

from service.settings import Settings
from tests.conftest import migrated
from tests.keys import new_key
from tests.servers import Server, serve


def access_lines(server: Server) -> list[dict[str, Any]]:
    lines = [line for line in server.logs().splitlines() if line.startswith("{")]
    return [e for e in map(json.loads, lines) if e.get("logger") == "growth_atlas.access"]


def drop_mid_body(server: Server, key: str) -> None:
    host, port = server.base_url.removeprefix("http://").split(":")
    head = (
        "POST /v1/indicators HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        f"Authorization: Bearer {key}\r\nContent-Type: application/json\r\n"
        "Content-Length: 100\r\n\r\n"
    )
    with socket.create_connection((host, int(port)), timeout=5) as sock:
        sock.sendall(head.encode() + b'{"id": "x"')
        time.sleep(0.2)  # the handler is now waiting for the other 90 bytes


def test_a_dropped_body_is_a_499(tmp_path: Path) -> None:
    settings = migrated(Settings(database_url=f"sqlite+aiosqlite:///{tmp_path / 'atlas.db'}"))
    key = asyncio.run(new_key(settings, "dropper"))
    with serve(settings, tmp_path) as server:
        drop_mid_body(server, key)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            posts = [e for e in access_lines(server) if e["method"] == "POST"]
            if posts:
                break
            time.sleep(0.1)
        metrics = httpx.get(server.base_url + "/metrics", trust_env=False).text
        logs = server.logs()

    assert [e["status"] for e in posts] == [499]
    counted = [
        line for line in metrics.splitlines() if 'method="POST"' in line and "_total" in line
    ]
    assert any('status="499"' in line for line in counted), counted
    assert not any('status="500"' in line for line in counted), counted
    assert "Traceback" not in logs
