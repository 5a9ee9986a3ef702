"""Does latency stay flat as the data grows? The service on the 1k and on the 1m database.

    .venv/bin/python benchmarks/scale.py
    .venv/bin/python benchmarks/scale.py --duration 5 --no-single

For each size, `growth-atlas serve` (pinned to core 1, wrk to core 0) answers the list-ish
requests: a page of 100 observations of a country's subtree, a page of 100 organizations matching
"tech", and the first 100 regions. Each is measured with wrk at --connections (throughput and
latency under load) and, unless --no-single, with one connection (the latency of one request
with nothing queued before it). Prints p50/p99 per size and the ratio p50(1m)/p50(1k);
the target is <= 1.3. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (
    WrkResult,
    add_common_args,
    free_port,
    http_get,
    install_bounds,
    measure,
    our_server,
    revision,
    run_main,
    step,
    table,
    wait_for_quiet,
)
from dataset import BACKENDS, SIZES, Endpoint, ensure, scale_endpoints, sized, targets, url

TARGET = 1.3


def run_size(
    size_name: str, args: argparse.Namespace, concurrencies: list[int]
) -> tuple[list[Endpoint], dict[tuple[str, int], WrkResult], dict[str, str]]:
    size = ensure(sized(size_name, args.backend))
    found = targets(size)
    endpoints = scale_endpoints(found, args.q)
    results: dict[tuple[str, int], WrkResult] = {}
    shapes: dict[str, str] = {}
    with step(f"starting ours on {size.database}"):
        # The scale question is the database's: with the cache on, every repeat would be a hit.
        cache = {} if args.response_cache else {"GROWTH_ATLAS_RESPONSE_CACHE_BYTES": "0"}
        server = our_server(url(size), free_port(), **cache)
        server.__enter__()
    try:
        for endpoint in endpoints:
            status, _, body = http_get(server.base_url + endpoint.path, timeout=60)
            if status != 200:
                raise RuntimeError(f"{endpoint.path}: HTTP {status}: {body[:300]!r}")
            page = json.loads(body)
            shapes[endpoint.key] = f"{len(page['items'])} items, {len(body):,} B"
            for connections in concurrencies:
                if args.quiet_wait > 0:
                    wait_for_quiet(args.quiet_threshold, args.quiet_wait, size.database)
                with step(f"wrk -c{connections} {size_name} {endpoint.path}"):
                    result = measure(
                        server.base_url + endpoint.path,
                        duration=args.duration,
                        warmup=args.warmup,
                        connections=connections,
                        threads=args.threads,
                        repeat=args.repeat,
                        server_pid=server.pid,
                        database=size.database,
                    )
                results[endpoint.key, connections] = result
                print(
                    f"    {size_name} -c{connections:<3} {endpoint.label:28} "
                    f"{result.rps:9,.0f} req/s  p50 {result.p50_ms:8.2f} ms  "
                    f"p99 {result.p99_ms:8.2f} ms  other cpu {result.cpu.get('other', 0):.2f}  "
                    f"runs {', '.join(f'{x:,.0f}' for x in result.runs)}",
                    file=sys.stderr,
                    flush=True,
                )
    finally:
        server.stop()
    return endpoints, results, shapes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=BACKENDS, default="postgresql")
    parser.add_argument("--small", choices=sorted(SIZES), default="1k")
    parser.add_argument("--large", choices=sorted(SIZES), default="1m")
    parser.add_argument("--q", default="tech", help="the organizations search text")
    parser.add_argument("--no-single", action="store_true", help="skip the one-connection runs")
    parser.add_argument(
        "--response-cache",
        action="store_true",
        help="leave the response cache on (off by default: it would answer every repeat)",
    )
    add_common_args(parser, max_seconds=1200)
    args = parser.parse_args()
    install_bounds(args.max_seconds)
    concurrencies = [args.connections] + ([] if args.no_single or args.connections == 1 else [1])

    small_endpoints, small, small_shapes = run_size(args.small, args, concurrencies)
    large_endpoints, large, large_shapes = run_size(args.large, args, concurrencies)

    print()
    print(f"Growth Atlas scale benchmark, {time.strftime('%Y-%m-%d %H:%M:%S')}")
    print(
        f"ours on {SIZES[args.small].database} vs {SIZES[args.large].database}; "
        f"wrk -t{args.threads} -d{args.duration}s --latency after {args.warmup} s warm-up, "
        f"best of {args.repeat}; "
        "wrk on core 0, server on core 1"
    )
    print(f"service at {revision()}")
    for s_ep, l_ep in zip(small_endpoints, large_endpoints, strict=True):
        print(f"  {s_ep.label}: {args.small} {s_ep.path}  |  {args.large} {l_ep.path}")
    print()
    rows = []
    for endpoint in small_endpoints:
        for connections in concurrencies:
            a, b = small[endpoint.key, connections], large[endpoint.key, connections]
            ratio = b.p50_ms / a.p50_ms if a.p50_ms else float("nan")
            rows.append(
                [
                    endpoint.label,
                    connections,
                    small_shapes[endpoint.key] if connections == concurrencies[0] else "",
                    a.rps,
                    a.p50_ms,
                    a.p99_ms,
                    large_shapes[endpoint.key] if connections == concurrencies[0] else "",
                    b.rps,
                    b.p50_ms,
                    b.p99_ms,
                    f"{ratio:.2f}",
                    "met" if ratio <= TARGET else "NOT met",
                    f"{a.cpu.get('other', 0):.2f}/{b.cpu.get('other', 0):.2f}",
                ]
            )
    s, big = args.small, args.large
    print(
        table(
            ["endpoint", "conns", f"{s} page", f"{s} req/s", f"{s} p50", f"{s} p99",
             f"{big} page", f"{big} req/s", f"{big} p50", f"{big} p99",
             f"p50 {big}/{s}", f"<= {TARGET}", "other cpu"],
            rows,
        )
    )  # fmt: skip
    print("latencies in ms; other cpu: cores used by unrelated processes during each run")
    return 0


if __name__ == "__main__":
    run_main(main)
