"""Writes across a PostgreSQL outage: every acknowledged write survives, none is applied twice.

A writer creates indicators through a cuttable proxy, each POST with its own Idempotency-Key.
During the cut writes get 503 (after each, the writer pauses briefly, as a client asked to retry
later would); after the restore the writer retries every unacknowledged one with the same key:
each answers 201, and the database holds exactly the indicators sent.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections import Counter
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url
from sqlmodel import col

from service.db.engine import create_engine
from service.db.tables import Indicator
from service.settings import Settings
from tests.keys import new_key
from tests.resilience.proxy import CuttableProxy
from tests.servers import serve

CUT_SECONDS = 3.0
RECOVERY_SECONDS = 5.0
UNAVAILABLE_PAUSE_SECONDS = 0.05


def _indicator(n: int) -> dict[str, str]:
    return {"id": f"outage-{n:04d}", "name": f"Outage {n}", "description": "d", "unit": "count"}


def _write(client: httpx.Client, key: str, n: int) -> int:
    headers = {"Authorization": f"Bearer {key}", "Idempotency-Key": f"outage-{n}"}
    try:
        return client.post("/v1/indicators", json=_indicator(n), headers=headers).status_code
    except httpx.TransportError:
        return 0  # no answer: not acknowledged


def _writer(client: httpx.Client, key: str, stop: threading.Event, sent: dict[int, int]) -> None:
    n = 0
    while not stop.is_set():
        sent[n] = _write(client, key, n)
        if sent[n] != 201:
            # Backs off as a client told to retry later would, but keeps writing across the
            # restore: without a pause, the cut alone made thousands of writes to retry.
            stop.wait(UNAVAILABLE_PAUSE_SECONDS)
        n += 1


async def _stored_ids(settings: Settings) -> set[str]:
    engine = create_engine(settings)
    try:
        async with engine.connect() as connection:
            stored = await connection.scalars(
                select(col(Indicator.id)).where(col(Indicator.id).startswith("outage-"))
            )
            return set(stored)
    finally:
        await engine.dispose()


# The outage is of a database server; SQLite is a file in the process.
@pytest.mark.backends("postgresql")
@pytest.mark.slow
def test_acknowledged_writes_survive_and_retries_apply_once(
    writable_settings: Settings, tmp_path: Path
) -> None:
    key = asyncio.run(new_key(writable_settings, "outage-writer"))
    url = make_url(writable_settings.database_url)
    sent: dict[int, int] = {}
    stop = threading.Event()
    with CuttableProxy(url.port or 5432) as proxy:
        proxied = url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
        overrides = {"db_pool_timeout_seconds": "1", "rate_limit_key_per_minute": "0"}
        with (
            serve(Settings(database_url=proxied), tmp_path, **overrides) as server,
            httpx.Client(base_url=server.base_url, timeout=30, trust_env=False) as client,
        ):
            writer = threading.Thread(target=_writer, args=(client, key, stop, sent))
            writer.start()
            time.sleep(1.5)
            proxy.cut()
            time.sleep(CUT_SECONDS)
            proxy.restore()
            time.sleep(RECOVERY_SECONDS)
            stop.set()
            writer.join(timeout=30)
            unacknowledged = [n for n, status in sent.items() if status != 201]
            retried = {n: _write(client, key, n) for n in unacknowledged}
    stored = asyncio.run(_stored_ids(writable_settings))
    statuses = Counter(sent.values())
    print(f"writes: {statuses}; retried {len(retried)}: {Counter(retried.values())}")
    assert statuses[201] > 0
    assert statuses[503] > 0
    assert set(statuses) <= {201, 503}
    # A retry of a write that committed but whose answer was lost replays its 201 (no 409).
    assert set(retried.values()) <= {201}
    assert stored == {_indicator(n)["id"] for n in sent}
