"""Throughput and latency of the service against its FastAPI peer and the framework ceiling.

    .venv/bin/python benchmarks/load.py --size 1m
    .venv/bin/python benchmarks/load.py --size 1m --servers ours,peer,peer-eager,ceiling
    .venv/bin/python benchmarks/load.py --size 1k --duration 5 --connections 64

For each server, one at a time, pinned to core 1 (`taskset -c 1`), wrk pinned to core 0: for
each endpoint a warm-up (discarded), then `wrk -t1 -c32 -d10s --latency`. Servers:

  ours        `growth-atlas serve` (uvicorn, uvloop, httptools, one worker), log level warning;
              a repeated URL is answered from the response cache after its first request
  ours-uncached  the same with GROWTH_ATLAS_RESPONSE_CACHE_BYTES=0: every answer from the database
  peer        benchmarks/peer_fastapi: FastAPI + sync SQLModel sessions over psycopg, lazy loads
  peer-eager  the same with `selectinload` options (not the template's way; opt-in)
  ceiling     benchmarks/ceiling_app.py: Litestar sending our exact response bytes, no work

Prints requests/s, p50 and p99 per endpoint and server, the ratios ours/peer and ours/ceiling,
and the targets (one region >= 3x peer and >= 50 % of ceiling; observations >= 3x peer).
Nothing is asserted: the numbers are printed for a person to read.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (
    Server,
    WrkResult,
    add_common_args,
    ceiling_server,
    free_port,
    http_get,
    install_bounds,
    measure,
    our_server,
    peer_server,
    revision,
    run_main,
    step,
    table,
    versions,
    wait_for_quiet,
)
from dataset import SIZES, Endpoint, ensure, load_endpoints, targets, url

SERVERS = ("ours", "ours-uncached", "peer", "peer-eager", "ceiling")


def make_server(name: str, size_name: str, manifest: Path) -> Server:
    size = SIZES[size_name]
    if name == "ours":
        return our_server(url(size), free_port())
    if name == "ours-uncached":
        # Every request computed from the database: what a first read of each URL costs.
        return our_server(url(size), free_port(), GROWTH_ATLAS_RESPONSE_CACHE_BYTES="0")
    if name in ("peer", "peer-eager"):
        return peer_server(url(size, "psycopg"), free_port(), eager=name == "peer-eager")
    return ceiling_server(manifest, free_port())


def capture(server: Server, endpoints: list[Endpoint], into: Path) -> Path:
    """Save the service's responses (body and Link header) for the ceiling app to replay."""
    manifest = {}
    for endpoint in endpoints:
        status, headers, body = http_get(server.base_url + endpoint.path)
        if status != 200:
            raise RuntimeError(f"ours answered {status} to {endpoint.path}: {body[:300]!r}")
        body_path = into / f"{endpoint.key}.json"
        body_path.write_bytes(body)
        link = {"Link": headers["link"]} if "link" in headers else {}
        manifest[endpoint.key] = {"body": str(body_path), "headers": link}
    path = into / "manifest.json"
    path.write_text(json.dumps(manifest))
    return path


def _ratio(ours: WrkResult | None, other: WrkResult | None) -> str:
    if not ours or not other:
        return "-"
    return f"{ours.rps / other.rps:.2f}x" if other.rps else "inf"


def _share(ours: WrkResult | None, ceiling: WrkResult | None) -> str:
    if not ours or not ceiling or not ceiling.rps:
        return "-"
    return f"{100 * ours.rps / ceiling.rps:.0f} %"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=sorted(SIZES), default="1m")
    parser.add_argument(
        "--servers",
        default="ours,peer,ceiling",
        help=f"comma-separated, from {', '.join(SERVERS)} (default ours,peer,ceiling)",
    )
    parser.add_argument("--q", default="tech", help="the organizations search text")
    parser.add_argument("--json", type=Path, help="also write the results here")
    add_common_args(parser, max_seconds=1200)
    args = parser.parse_args()
    servers = [s.strip() for s in args.servers.split(",") if s.strip()]
    unknown = set(servers) - set(SERVERS)
    if unknown:
        parser.error(f"unknown servers: {', '.join(sorted(unknown))}")
    install_bounds(args.max_seconds)

    size = ensure(SIZES[args.size])
    found = targets(size)
    endpoints = load_endpoints(found, args.q)
    # The ceiling replays our responses, so ours runs first (or just answers once if not measured).
    servers.sort(key=SERVERS.index)
    results: dict[tuple[str, str], WrkResult] = {}
    body_bytes: dict[tuple[str, str], int] = {}

    with tempfile.TemporaryDirectory(prefix="bench-ceiling-") as tmp:
        manifest = Path(tmp) / "manifest.json"
        if "ceiling" in servers and "ours" not in servers:
            with (
                step("capturing our responses for the ceiling"),
                make_server("ours", args.size, manifest) as s,
            ):
                capture(s, endpoints, Path(tmp))
        for name in servers:
            with step(f"starting {name}"):
                server = make_server(name, args.size, manifest)
                server.__enter__()
            try:
                if name == "ours":
                    capture(server, endpoints, Path(tmp))
                for endpoint in endpoints:
                    status, _, body = http_get(server.base_url + endpoint.path, timeout=60)
                    if status != 200:
                        raise RuntimeError(
                            f"{name} answered {status} to {endpoint.path}: {body[:300]!r}"
                        )
                    body_bytes[endpoint.key, name] = len(body)
                    if args.quiet_wait > 0:
                        wait_for_quiet(args.quiet_threshold, args.quiet_wait, size.database)
                    with step(f"wrk {name} {endpoint.path}"):
                        result = measure(
                            server.base_url + endpoint.path,
                            duration=args.duration,
                            warmup=args.warmup,
                            connections=args.connections,
                            threads=args.threads,
                            repeat=args.repeat,
                            server_pid=server.pid,
                            database=size.database,
                        )
                    results[endpoint.key, name] = result
                    cpu = result.cpu
                    print(
                        f"    {name:10} {endpoint.label:28} {result.rps:10,.0f} req/s  "
                        f"p50 {result.p50_ms:8.2f} ms  p99 {result.p99_ms:8.2f} ms  "
                        f"cpu: server {cpu.get('server', 0):.2f} pg {cpu.get('postgres', 0):.2f} "
                        f"wrk {cpu.get('wrk', 0):.2f} other {cpu.get('other', 0):.2f}  "
                        f"runs {', '.join(f'{x:,.0f}' for x in result.runs)}",
                        file=sys.stderr,
                        flush=True,
                    )
            finally:
                server.stop()

    print()
    print(f"Growth Atlas load benchmark, {time.strftime('%Y-%m-%d %H:%M:%S')}")
    print(
        f"dataset {size.database}: {size.observations:,} synthetic observations, "
        f"{size.regions:,} regions, {size.organizations:,} organizations"
    )
    print(
        f"wrk -t{args.threads} -c{args.connections} -d{args.duration}s --latency "
        f"(after {args.warmup} s warm-up), best of {args.repeat}; wrk on core 0, server on "
        "core 1, PostgreSQL unpinned"
    )
    print(f"service at {revision()}")
    print(f"python {platform.python_version()}; {versions()}")
    print()
    rows = []
    for endpoint in endpoints:
        ours = results.get((endpoint.key, "ours"))
        peer = results.get((endpoint.key, "peer"))
        ceiling = results.get((endpoint.key, "ceiling"))
        first = True
        for name in servers:
            r = results.get((endpoint.key, name))
            if r is None:
                continue
            rows.append(
                [
                    endpoint.label if first else "",
                    name,
                    body_bytes[endpoint.key, name],
                    r.rps,
                    r.p50_ms,
                    r.p99_ms,
                    r.non_2xx + r.socket_errors + r.timeouts,
                    1000 * r.cpu["server"] / r.rps if r.rps and "server" in r.cpu else float("nan"),
                    r.cpu.get("server", float("nan")),
                    r.cpu.get("postgres", float("nan")),
                    r.cpu.get("other", float("nan")),
                    _ratio(ours, peer) if name == "ours" else "",
                    _share(ours, ceiling) if name == "ours" else "",
                ]
            )
            first = False
    print(
        table(
            ["endpoint", "server", "bytes", "req/s", "p50 ms", "p99 ms", "errors",
             "ms cpu/req", "cpu srv", "cpu pg", "cpu other", "ours/peer", "ours/ceiling"],
            rows,
        )
    )  # fmt: skip
    print(
        "ms cpu/req: server CPU time per request; cpu srv / pg / other: cores used meanwhile by\n"
        "the server, by PostgreSQL for this database, and by all else (noise if well above 0)"
    )
    print()
    print("targets (PostgreSQL, 1m dataset):")
    for key, label, other, want in (
        ("region", "one region: ours/peer >= 3x", "peer", 3.0),
        ("region", "one region: ours/ceiling >= 50 %", "ceiling", 0.5),
        ("observations", "observation pages: ours/peer >= 3x", "peer", 3.0),
    ):
        ours, them = results.get((key, "ours")), results.get((key, other))
        if not ours or not them:
            print(f"  {label:40} not measured")
            continue
        if them.rps == 0:
            print(f"  {label:40} {'inf':>8}  met ({other} completed no request)")
            continue
        ratio = ours.rps / them.rps
        shown = f"{100 * ratio:.0f} %" if want < 1 else f"{ratio:.2f}x"
        print(f"  {label:40} {shown:>8}  {'met' if ratio >= want else 'NOT met'}")
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "size": args.size,
                    "endpoints": {e.key: e.path for e in endpoints},
                    "results": [
                        {"endpoint": k, "server": s, "bytes": body_bytes[k, s], **vars(r)}
                        for (k, s), r in results.items()
                    ],
                },
                indent=2,
            )
        )
    return 0


if __name__ == "__main__":
    run_main(main)
