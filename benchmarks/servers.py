"""Which HTTP server? The same apps under uvicorn (httptools, uvloop) and under Granian.

    .venv/bin/pip install granian        # only for this comparison: not a dependency
    .venv/bin/python benchmarks/servers.py --size 1m --backend sqlite

One region (`/v1/regions/<first synthetic province>`), interleaved rounds as in load.py, for:
the framework ceiling, ours with the response cache and ours without, each under uvicorn as
`growth-atlas serve` runs it and under `granian --interface asgi --loop uvloop --workers 1
--runtime-mode st` (one worker, pinned to core 1 like every server here). Prints req/s, p50,
p99 and server CPU per request of each, and Granian's req/s over uvicorn's. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (
    BENCH_DIR,
    HOST,
    VENV_BIN,
    Server,
    WrkResult,
    add_common_args,
    ceiling_server,
    children_of,
    free_port,
    install_bounds,
    measure,
    our_server,
    revision,
    run_main,
    step,
    table,
    wait_idle,
)
from dataset import BACKENDS, SIZES, ensure, load_endpoints, sized, targets, url
from load import capture


def granian(server: Server, target: str, app_dir: Path | None = None) -> Server:
    """`server`'s app and environment under Granian instead of uvicorn."""
    command = [
        str(VENV_BIN / "granian"), "--interface", "asgi", "--factory", "--loop", "uvloop",
        "--workers", "1", "--runtime-mode", "st", "--no-access-log", "--log-level", "warning",
        "--host", HOST, "--port", str(server.port),
    ]  # fmt: skip
    if app_dir is not None:
        command += ["--working-dir", str(app_dir)]
    return dataclasses.replace(server, name=f"{server.name}-granian", command=[*command, target])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=sorted(SIZES), default="1m")
    parser.add_argument("--backend", choices=BACKENDS, default="postgresql")
    add_common_args(parser, max_seconds=1800)
    args = parser.parse_args()
    if shutil.which("granian", path=str(VENV_BIN)) is None:
        parser.error("granian is not installed in the venv (.venv/bin/pip install granian)")
    install_bounds(args.max_seconds)
    size = ensure(sized(args.size, args.backend))
    endpoint = load_endpoints(targets(size))[0]
    uncached = {"GROWTH_ATLAS_RESPONSE_CACHE_BYTES": "0"}
    with (
        tempfile.TemporaryDirectory(prefix="bench-servers-") as tmp,
        contextlib.ExitStack() as stack,
    ):
        manifest = Path(tmp) / "manifest.json"
        ours = stack.enter_context(our_server(url(size), free_port()))
        capture(ours, [endpoint], Path(tmp))
        candidates = {
            "ceiling": ceiling_server(manifest, free_port()),
            "ours": our_server(url(size), free_port()),
            "ours-uncached": our_server(url(size), free_port(), **uncached),
        }
        running: dict[str, Server] = {}
        for name, server in candidates.items():
            target = "ceiling_app:create_app" if name == "ceiling" else "service.app:create_app"
            app_dir = BENCH_DIR if name == "ceiling" else None
            alternative = granian(dataclasses.replace(server, port=free_port()), target, app_dir)
            for label, each in ((f"{name} uvicorn", server), (f"{name} granian", alternative)):
                with step(f"starting {label}"):
                    running[label] = stack.enter_context(each)
        stack.callback(ours.stop)
        results = rounds(running, endpoint.path, size.database, args)
    report(results, endpoint.path, size.backend, args)
    return 0


def rounds(
    running: dict[str, Server], path: str, database: str, args: argparse.Namespace
) -> dict[str, WrkResult]:
    best: dict[str, WrkResult] = {}
    for number in range(max(args.repeat, 1)):
        for label, server in running.items():
            for other in running.values():
                wait_idle(other.pid)
            # Granian serves from a worker process of its own: its CPU is the one to count.
            workers = children_of(server.pid)
            result = measure(
                server.base_url + path,
                duration=args.duration,
                warmup=args.warmup if number == 0 else 1,
                connections=args.connections,
                threads=args.threads,
                server_pid=workers[0] if label.endswith("granian") and workers else server.pid,
                database=database,
            )
            print(f"    {label:24} {result.rps:10,.0f} req/s", file=sys.stderr, flush=True)
            if label not in best or result.rps > best[label].rps:
                best[label] = result
    return best


def report(
    results: dict[str, WrkResult], path: str, backend: str, args: argparse.Namespace
) -> None:
    print()
    print(f"Growth Atlas server comparison, {time.strftime('%Y-%m-%d %H:%M:%S')}")
    print(f"GET {path} ({backend}); wrk -c{args.connections} -d{args.duration}s, best of "
          f"{args.repeat}; service at {revision()}")  # fmt: skip
    print(f"load average {' '.join(Path('/proc/loadavg').read_text().split()[:3])}")
    rows = []
    for label, r in results.items():
        cpu = 1000 * r.cpu.get("server", float("nan")) / r.rps if r.rps else float("nan")
        name, server = label.rsplit(" ", 1)
        base = results.get(f"{name} uvicorn")
        ratio = f"{r.rps / base.rps:.2f}x" if server == "granian" and base and base.rps else ""
        rows.append([label, r.rps, r.p50_ms, r.p99_ms, cpu, r.cpu.get("other", 0.0), ratio])
    headers = ["server", "req/s", "p50 ms", "p99 ms", "ms cpu/req", "cpu other", "vs uvicorn"]
    print(table(headers, rows))


if __name__ == "__main__":
    run_main(main)
