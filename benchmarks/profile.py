"""Where does the service spend its time under load? py-spy samples it while wrk drives it.

    .venv/bin/python benchmarks/profile.py --size 1m
    .venv/bin/python benchmarks/profile.py --size 1m --endpoint region --seconds 20

Starts `growth-atlas serve` as load.py does (core 1; wrk on core 0), and for each endpoint runs
wrk while `py-spy record` samples the server. Prints, for the event-loop thread: the CPU per
request, the share of samples by package (of the innermost frame), and the heaviest frames
inclusive of their callees; writes the raw stacks and an SVG flame graph to --out.
"""

from __future__ import annotations

import argparse
import collections
import subprocess
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (
    BENCH_DIR,
    VENV_BIN,
    CpuWindow,
    WrkResult,
    free_port,
    http_get,
    install_bounds,
    our_server,
    run_main,
    run_wrk,
)
from dataset import BACKENDS, SIZES, ensure, load_endpoints, scale_endpoints, sized, targets, url

PACKAGES = (
    ("sqlalchemy/", "sqlalchemy"),
    ("asyncpg/", "asyncpg"),
    ("sqlite3/", "sqlite3"),
    ("litestar/", "litestar"),
    ("msgspec/", "msgspec"),
    ("uvicorn/", "uvicorn"),
    ("service/", "service (ours)"),
    ("schemas/", "schemas (ours)"),
    ("logging/", "logging"),
    ("asyncio/", "asyncio"),
    ("uvloop/", "uvloop"),
    ("greenlet", "greenlet"),
    ("prometheus_client/", "prometheus_client"),
)


def package_of(frame: str) -> str:
    for needle, name in PACKAGES:
        if needle in frame:
            return name
    return "other" if frame.strip() else "(native / unknown)"


def record(pid: int, seconds: int, out: Path, rate: int, fmt: str) -> subprocess.Popen[bytes]:
    command = [str(VENV_BIN / "py-spy"), "record", "--pid", str(pid), "--nonblocking"]
    command += ["--duration", str(seconds), "--rate", str(rate), "--format", fmt]
    return subprocess.Popen(
        [*command, "--output", str(out)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def summarize(raw: Path, top: int) -> list[str]:
    """Shares by package and the heaviest inclusive frames, for the event-loop thread only."""
    inclusive: collections.Counter[str] = collections.Counter()
    packages: collections.Counter[str] = collections.Counter()
    total = 0
    for line in raw.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        frames = stack.split(";")
        # The other threads (the log queue listener, the threadpool) mostly wait.
        if not any("Runner.run" in f or "Server.run" in f for f in frames):
            continue
        n = int(count)
        total += n
        packages[package_of(frames[-1])] += n
        for frame in set(frames):
            inclusive[frame] += n
    if not total:
        return ["  no samples of the event-loop thread"]
    lines = [f"  {total} samples of the event-loop thread; by package of the innermost frame:"]
    lines += [f"    {100 * n / total:5.1f} %  {name}" for name, n in packages.most_common()]
    lines.append("  heaviest frames, inclusive of what they call:")
    skip = ("Runner.run", "Server.run", "asyncio_run", "<module>", "main (", "_serve (", "run (")
    shown = 0
    for frame, n in inclusive.most_common():
        if any(frame.startswith(s) for s in skip):
            continue
        lines.append(f"    {100 * n / total:5.1f} %  {frame[:150]}")
        shown += 1
        if shown >= top:
            break
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=sorted(SIZES), default="1m")
    parser.add_argument("--backend", choices=BACKENDS, default="postgresql")
    parser.add_argument(
        "--endpoint",
        action="append",
        choices=["region", "regions50", "region_observations", "observations", "organizations",
                 "regions"],
        help="which (repeatable; default: region, observations, organizations, regions)",
    )  # fmt: skip
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="with GROWTH_ATLAS_RESPONSE_CACHE_BYTES=0: the work of computing each answer",
    )
    parser.add_argument("--seconds", type=int, default=15, help="sampling time per endpoint")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--rate", type=int, default=250, help="py-spy samples per second")
    parser.add_argument("--top", type=int, default=30, help="frames to list")
    parser.add_argument("--out", type=Path, default=BENCH_DIR / "results" / "profiles")
    parser.add_argument("--max-seconds", type=int, default=900)
    args = parser.parse_args()
    install_bounds(args.max_seconds)
    args.out.mkdir(parents=True, exist_ok=True)

    size = ensure(sized(args.size, args.backend))
    found = targets(size)
    endpoints = {e.key: e for e in [*load_endpoints(found), *scale_endpoints(found)]}
    chosen = args.endpoint or ["region", "observations", "organizations", "regions"]
    cache = {"GROWTH_ATLAS_RESPONSE_CACHE_BYTES": "0"} if args.no_cache else {}
    with our_server(url(size), free_port(), **cache) as server:
        for key in chosen:
            endpoint = endpoints[key]
            target = server.base_url + endpoint.path
            status, _, _ = http_get(target, timeout=60)
            if status != 200:
                raise RuntimeError(f"{endpoint.path}: HTTP {status}")
            run_wrk(target, duration=3, connections=args.connections)  # warm-up
            name = f"{args.backend}-{args.size}-{key}{'-nocache' if args.no_cache else ''}"
            raw = args.out / f"{name}.txt"
            svg = args.out / f"{name}.svg"
            holder: dict[str, WrkResult] = {}

            def drive(target: str = target, holder: dict[str, WrkResult] = holder) -> None:
                holder["r"] = run_wrk(
                    target, duration=args.seconds + 2, connections=args.connections
                )

            with CpuWindow(server.pid, size.database) as window:
                wrk = threading.Thread(target=drive)
                wrk.start()
                spy = record(server.pid, args.seconds, raw, args.rate, "raw")
                _, err = spy.communicate(timeout=args.seconds + 60)
                wrk.join(timeout=args.seconds + 60)
            if spy.returncode != 0:
                raise RuntimeError(f"py-spy failed: {err.decode(errors='replace')}")
            # The flame graph from the same stacks would need flamegraph.pl; py-spy draws its own.
            flame = record(server.pid, min(args.seconds, 5), svg, args.rate, "flamegraph")
            run_wrk(target, duration=min(args.seconds, 5) + 1, connections=args.connections)
            flame.communicate(timeout=120)
            result = holder["r"]
            cpu_ms = 1000 * window.usage.get("server", 0) / result.rps if result.rps else 0.0
            print(f"\n== {endpoint.label}: {endpoint.path} ({args.size})")
            print(
                f"  {result.rps:,.0f} req/s, p50 {result.p50_ms:.2f} ms, "
                f"p99 {result.p99_ms:.2f} ms; server CPU {cpu_ms:.2f} ms per request"
            )
            print(f"  CPU meanwhile: {window.summary()}")
            print("\n".join(summarize(raw, args.top)))
            print(f"  stacks: {raw}\n  flame graph: {svg}")
    return 0


if __name__ == "__main__":
    run_main(main)
