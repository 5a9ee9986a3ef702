"""SIGTERM under load: requests in flight are answered in full, then the pool is closed."""

from __future__ import annotations

import signal
import threading
import time
from collections import Counter
from pathlib import Path

import httpx

from service.settings import Settings
from tests.servers import SHUTDOWN_TIMEOUT, serve

PAGE = "/v1/observations?limit=500"


def _load(base_url: str, expected: bytes, tally: Counter[str], stop: threading.Event) -> None:
    """Request the page until the server is gone, sorting every outcome.

    An error before the response's headers means the server closed a connection on which it had
    not started answering: the request was never processed and a client may retry it. An error
    after them is a response cut short, which graceful shutdown must never cause.
    """
    with httpx.Client(base_url=base_url, timeout=30, trust_env=False) as client:
        while not stop.is_set():
            try:
                with client.stream("GET", PAGE) as response:
                    try:
                        body = response.read()
                    except httpx.TransportError as exc:
                        tally[f"cut mid-response: {exc!r}"] += 1
                        continue
            except httpx.ConnectError:
                tally["refused after shutdown began"] += 1
                return
            except httpx.TransportError:
                tally["closed before answering"] += 1
                continue
            whole = response.status_code == 200 and body == expected
            tally["complete" if whole else f"wrong: {response.status_code}"] += 1


def test_sigterm_lets_in_flight_requests_finish(seeded_settings: Settings, tmp_path: Path) -> None:
    tally: Counter[str] = Counter()
    stop = threading.Event()
    # Eight loops from one address would soon be rate limited; this test is about draining.
    with serve(seeded_settings, tmp_path, rate_limit_anonymous_per_minute="0") as server:
        expected = httpx.get(server.base_url + PAGE, trust_env=False, timeout=10).content
        workers = [
            threading.Thread(target=_load, args=(server.base_url, expected, tally, stop))
            for _ in range(8)
        ]
        for worker in workers:
            worker.start()
        time.sleep(1.5)
        server.process.send_signal(signal.SIGTERM)
        exit_code = server.process.wait(timeout=SHUTDOWN_TIMEOUT)
        stop.set()
        for worker in workers:
            worker.join(timeout=30)
        logs = server.logs()
    print(f"shutdown under load: {dict(tally)}")
    # uvicorn drains, runs the shutdown hooks, then re-raises SIGTERM so the exit shows the signal.
    assert exit_code in (0, -signal.SIGTERM)
    assert tally["complete"] > 0
    assert set(tally) <= {"complete", "closed before answering", "refused after shutdown began"}
    assert "Application shutdown complete" in logs  # the shutdown hook that closes the pool ran
