"""Fixtures for writes: a seeded database of each test's own, and API keys to write with."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from litestar.testing import AsyncTestClient

from service.app import create_app
from service.settings import Settings
from tests.keys import new_key


@dataclass(frozen=True)
class Curator:
    """A client with a write key; `read` is its etag-carrying GET."""

    client: AsyncTestClient[Any]
    key: str
    settings: Settings

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.key}"}

    async def read(self, path: str) -> tuple[dict[str, Any], str]:
        response = await self.client.get(path)
        assert response.status_code == 200, response.text
        return response.json(), response.headers["etag"]

    async def post(self, path: str, body: Any, **headers: str) -> httpx.Response:
        return await self.client.post(path, json=body, headers={**self.auth, **headers})

    async def patch(self, path: str, body: Any, etag: str | None) -> httpx.Response:
        headers = self.auth if etag is None else {**self.auth, "If-Match": etag}
        return await self.client.patch(path, json=body, headers=headers)

    async def delete(self, path: str, etag: str | None) -> httpx.Response:
        headers = self.auth if etag is None else {**self.auth, "If-Match": etag}
        return await self.client.delete(path, headers=headers)


@pytest.fixture
async def curator(writable_settings: Settings) -> AsyncIterator[Curator]:
    """A seeded database this test may change, and a client holding a `write` key."""
    key = await new_key(writable_settings, "newsroom")
    async with AsyncTestClient(app=create_app(writable_settings)) as client:
        yield Curator(client, key, writable_settings)
