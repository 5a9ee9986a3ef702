"""The network to PostgreSQL is cut under steady read load, then restored.

During the cut every request gets 503 problem+json with Retry-After (never a 500, never a hang
past the pool timeout) and readiness says not ready; after the restore the same process serves
normally again within 5 s.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from sqlalchemy.engine import make_url

from service.settings import Settings
from tests.resilience.proxy import CuttableProxy
from tests.servers import serve

POOL_TIMEOUT = 1.0
CUT_SECONDS = 4.0
RECOVERY_LIMIT = 5.0
URLS = ("/v1/regions/hunan", "/v1/observations?region=hunan&include_subregions=true&limit=20")


@dataclass(frozen=True)
class Outcome:
    sent_at: float
    elapsed: float
    status: int
    problem_json: bool
    retry_after: bool


@pytest.fixture
def proxied(seeded_settings: Settings) -> Iterator[tuple[Settings, CuttableProxy]]:
    """Settings that reach the seeded PostgreSQL database through a cuttable proxy."""
    url = make_url(seeded_settings.database_url)
    with CuttableProxy(url.port or 5432) as proxy:
        proxied = url.set(host="127.0.0.1", port=proxy.port)
        yield Settings(database_url=proxied.render_as_string(hide_password=False)), proxy


def _load(base_url: str, stop: threading.Event, outcomes: list[Outcome]) -> None:
    with httpx.Client(base_url=base_url, timeout=30, trust_env=False) as client:
        while not stop.is_set():
            for url in URLS:
                sent = time.monotonic()
                response = client.get(url)
                outcomes.append(
                    Outcome(
                        sent,
                        time.monotonic() - sent,
                        response.status_code,
                        response.headers.get("content-type") == "application/problem+json",
                        "retry-after" in response.headers,
                    )
                )


# The outage is of a database server; SQLite is a file in the process.
@pytest.mark.backends("postgresql")
@pytest.mark.slow
def test_outage_is_503_and_recovers_without_restart(
    proxied: tuple[Settings, CuttableProxy], tmp_path: Path
) -> None:
    settings, proxy = proxied
    outcomes: list[Outcome] = []
    stop = threading.Event()
    # Four loops from one address would soon be rate limited; this test is about the database.
    overrides = {
        "db_pool_timeout_seconds": str(POOL_TIMEOUT),
        "rate_limit_anonymous_per_minute": "0",
    }
    with serve(settings, tmp_path, **overrides) as server:
        workers = [
            threading.Thread(target=_load, args=(server.base_url, stop, outcomes)) for _ in range(4)
        ]
        for worker in workers:
            worker.start()
        time.sleep(2)
        cut_at = time.monotonic()
        proxy.cut()
        time.sleep(CUT_SECONDS / 2)
        ready_during_cut = httpx.get(server.base_url + "/health/ready", trust_env=False, timeout=10)
        time.sleep(CUT_SECONDS / 2)
        restored_at = time.monotonic()
        proxy.restore()
        time.sleep(RECOVERY_LIMIT + 1)
        stop.set()
        for worker in workers:
            worker.join(timeout=30)
    before = [o for o in outcomes if o.sent_at + o.elapsed < cut_at]
    during = [o for o in outcomes if cut_at <= o.sent_at < restored_at]
    after = [o for o in outcomes if o.sent_at >= restored_at + RECOVERY_LIMIT]
    print(
        f"outage: before {Counter(o.status for o in before)}, during "
        f"{Counter(o.status for o in during)}, after {Counter(o.status for o in after)}"
    )
    assert before
    assert all(o.status == 200 for o in before)
    assert during
    assert {o.status for o in during} <= {200, 503}
    assert any(o.status == 503 for o in during)
    assert all(o.problem_json and o.retry_after for o in during if o.status == 503)
    assert max(o.elapsed for o in during) < POOL_TIMEOUT * 3 + 1
    assert ready_during_cut.status_code == 503
    assert after
    assert all(o.status == 200 for o in after)
