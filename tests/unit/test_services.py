"""The app's resources are closed together: one that fails to close does not leak the others."""

from __future__ import annotations

from contextlib import AsyncExitStack
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from service import services as services_module
from service.services import open_services
from service.settings import Settings


class _Engine:
    """Stands for an engine: records its closing, or fails to close."""

    sync_engine = SimpleNamespace(pool=None)  # what the metrics' pool collector reads

    def __init__(self, name: str, closed: list[str], *, fails: bool = False) -> None:
        self.name, self.closed, self.fails = name, closed, fails

    async def dispose(self) -> None:
        self.closed.append(self.name)
        if self.fails:
            raise RuntimeError(f"{self.name} failed to close")


async def test_a_resource_failing_to_close_leaves_the_others_closed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    closed: list[str] = []

    def reads(_: Settings, **__: Any) -> _Engine:
        return _Engine("reads", closed)

    def writes(_: Settings) -> _Engine:
        return _Engine("writes", closed, fails=True)

    monkeypatch.setattr(services_module, "create_engine", reads)
    monkeypatch.setattr(services_module, "create_write_engine", writes)
    closing = AsyncExitStack()
    open_services(Settings(database_url=f"sqlite+aiosqlite:///{tmp_path / 'atlas.db'}"), closing)
    with pytest.raises(RuntimeError, match="writes failed to close"):
        await closing.aclose()
    assert closed == ["writes", "reads"]
