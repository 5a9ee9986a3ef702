"""CPU per request, in process: the service's ASGI app against the ceiling's, no sockets, no wrk.

    .venv/bin/python benchmarks/request_cost.py --backend sqlite
    .venv/bin/python benchmarks/request_cost.py --backend postgresql --endpoint region --cache

Builds the service with `create_app` (the settings `load.py` gives `growth-atlas serve`; the
response cache off unless `--cache`) and the ceiling app (benchmarks/ceiling_app.py, answering
the body the service just sent), then calls each app's ASGI callable `--requests` times in a
row with the scope uvicorn would build for wrk's request, and prints the CPU time
(`time.process_time`) per request, the best of `--rounds` rounds. Rounds alternate between the
apps, so a drifting machine load touches both alike.

CPU time, unlike req/s, hardly moves when other work shares the machine. What it leaves out is
the HTTP server's own work (parsing, writing, the event loop's socket handling): about 0.03 ms
a request for the ceiling under `load.py`, a little more for the service, which sends more
headers. PostgreSQL's own CPU is not counted (another process); the service's part of each
round trip to it is.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import uvloop

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dataset import BACKENDS, SIZES, ensure, load_endpoints, sized, targets, url

App = Callable[[dict[str, Any], Any, Any], Awaitable[None]]
HEADERS = [(b"host", b"127.0.0.1:8000")]  # what wrk sends


def scope_of(target: str) -> dict[str, Any]:
    """The scope uvicorn's httptools protocol builds for `GET target`."""
    path, _, query = target.partition("?")
    return {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": "2.4"},
        "http_version": "1.1",
        "server": ("127.0.0.1", 8000),
        "client": ("127.0.0.1", 50000),
        "scheme": "http",
        "method": "GET",
        "root_path": "",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query.encode(),
        "headers": list(HEADERS),
        "state": {},
    }


async def _receive() -> dict[str, Any]:
    return {"type": "http.request", "body": b"", "more_body": False}


async def call(app: App, target: str) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
    """One request; its status, headers and body."""
    answer: dict[str, Any] = {"body": b""}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            answer["status"], answer["headers"] = message["status"], message["headers"]
        else:
            answer["body"] += message.get("body", b"")

    await app(scope_of(target), _receive, send)
    return answer["status"], answer["headers"], answer["body"]


async def cpu_per_request(app: App, target: str, requests: int) -> float:
    """Seconds of this process's CPU per request, over `requests` requests in a row."""

    async def send(_message: dict[str, Any]) -> None:
        return None

    started = time.process_time()
    for _ in range(requests):
        await app(scope_of(target), _receive, send)
    return (time.process_time() - started) / requests


def ceiling_app(target: str, body: bytes, headers: dict[str, str]) -> App:
    """The ceiling, answering `target` with `body` (and its `Link`) as load.py's manifest does."""
    import ceiling_app as ceiling

    with tempfile.TemporaryDirectory(prefix="request-cost-") as name:
        folder = Path(name)  # read by `create_app`, not needed after it
        (folder / "body").write_bytes(body)
        manifest = {target: {"body": str(folder / "body"), "headers": headers}}
        (folder / "manifest.json").write_text(json.dumps(manifest))
        os.environ["CEILING_RESPONSES"] = str(folder / "manifest.json")
        return ceiling.create_app()  # type: ignore[return-value]


def service_app(database_url: str, *, cache: bool) -> Any:
    """The service as `load.py` serves it (`ours`, or `ours-uncached` without `cache`)."""
    os.environ.update(
        {
            "GROWTH_ATLAS_DATABASE_URL": database_url,
            "GROWTH_ATLAS_LOG_LEVEL": "warning",
            "GROWTH_ATLAS_RATE_LIMIT_ANONYMOUS_PER_MINUTE": "1000000",
        }
    )
    if not cache:
        os.environ["GROWTH_ATLAS_RESPONSE_CACHE_BYTES"] = "0"
    from service.app import create_app
    from service.observability.logs import logging_config
    from service.settings import Settings

    logging_config(Settings.from_env()).configure()  # as `growth-atlas serve` does
    return create_app()


async def measure(args: argparse.Namespace, target: str, database_url: str) -> None:
    ours = service_app(database_url, cache=args.cache)
    async with ours.lifespan():
        status, headers, body = await call(ours, target)
        if status != 200:
            raise RuntimeError(f"{target}: HTTP {status}: {body[:300]!r}")
        link = {k.decode(): v.decode() for k, v in headers if k == b"link"}
        apps = {
            "ours": ours,
            "ceiling": ceiling_app(target, body, {k.title(): v for k, v in link.items()}),
        }
        for app in apps.values():  # warm-up: first-request work, caches, prepared statements
            await cpu_per_request(app, target, args.requests // 10 + 1)
        best = {name: float("inf") for name in apps}
        for _ in range(args.rounds):
            for name, app in apps.items():
                best[name] = min(best[name], await cpu_per_request(app, target, args.requests))
    report(args, target, len(body), best)


def report(args: argparse.Namespace, target: str, size: int, best: dict[str, float]) -> None:
    label = "ours (cache)" if args.cache else "ours (no cache)"
    print(f"{args.backend} {args.size}  GET {target}  ({size} bytes)")
    print(f"  best of {args.rounds} rounds of {args.requests} requests, in-process ASGI calls")
    print(f"  {label:16} {best['ours'] * 1e6:8.1f} us CPU/request")
    print(f"  {'ceiling':16} {best['ceiling'] * 1e6:8.1f} us CPU/request")
    print(f"  ceiling / ours   {best['ceiling'] / best['ours']:8.1%}  (ASGI app alone)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=sorted(SIZES), default="1m")
    parser.add_argument("--backend", choices=BACKENDS, default="postgresql")
    parser.add_argument(
        "--endpoint",
        default="region",
        choices=["region", "regions50", "region_observations", "observations", "organizations"],
    )
    parser.add_argument("--cache", action="store_true", help="with the response cache on")
    parser.add_argument("--requests", type=int, default=5000, help="requests per round")
    parser.add_argument("--rounds", type=int, default=5, help="rounds per app; the best is kept")
    parser.add_argument("--profile", type=Path, help="also write a cProfile of ours to this file")
    args = parser.parse_args()

    size = ensure(sized(args.size, args.backend))
    endpoints = {e.key: e for e in load_endpoints(targets(size))}
    target = endpoints[args.endpoint].path
    uvloop.run(measure(args, target, url(size)))
    if args.profile is not None:
        uvloop.run(profile(args, target, url(size)))
    return 0


async def profile(args: argparse.Namespace, target: str, database_url: str) -> None:
    """cProfile of `--requests` requests to ours (after a warm-up), written to `--profile`."""
    c_profile = _standard_cprofile()
    ours = service_app(database_url, cache=args.cache)
    async with ours.lifespan():
        await cpu_per_request(ours, target, args.requests // 10 + 1)
        profiler = c_profile.Profile(time.process_time)  # CPU, not time spent waiting
        profiler.enable()
        await cpu_per_request(ours, target, args.requests)
        profiler.disable()
    profiler.dump_stats(args.profile)
    print(f"  profile of ours written to {args.profile}")


def _standard_cprofile() -> ModuleType:
    """cProfile, importing the standard library's `profile`, not benchmarks/profile.py."""
    here = Path(__file__).resolve().parent
    saved = sys.path[:]
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != here]
    try:
        return importlib.import_module("cProfile")
    finally:
        sys.path[:] = saved


if __name__ == "__main__":
    raise SystemExit(main())
