"""Throughput and latency of the service against its FastAPI peer and the framework ceiling.

    .venv/bin/python benchmarks/load.py --size 1m
    .venv/bin/python benchmarks/load.py --size 1m --backend sqlite
    .venv/bin/python benchmarks/load.py --size 1m --servers ours,peer,peer-eager,ceiling
    .venv/bin/python benchmarks/load.py --size 1k --duration 5 --connections 64

All the servers run at once, each pinned to core 1 (`taskset -c 1`), wrk pinned to core 0, and
are measured interleaved: for each round, each endpoint, each server in turn, a warm-up
(discarded, first round only), then `wrk -t1 -c32 -d10s --latency`; the best round is kept. Slow
drift of the machine's load then touches every server alike. Servers:

  ours           `growth-atlas serve` (uvicorn, uvloop, httptools, one worker), log level
                 warning; a repeated URL is answered from the response cache after its first
                 request
  ours-uncached  the same with GROWTH_ATLAS_RESPONSE_CACHE_BYTES=0: every answer computed
  peer           benchmarks/peer_fastapi: FastAPI + sync SQLModel sessions (psycopg on
                 PostgreSQL, sqlite3 on SQLite), lazy loads
  peer-eager     the same with `selectinload` options (not the template's way; opt-in)
  ceiling        benchmarks/ceiling_app.py: Litestar sending our exact response bytes, no work

`--backend` chooses the database: PostgreSQL (the default) or a SQLite file, both built by
dataset.py with the service's own commands. Prints requests/s, p50 and p99 per endpoint and
server, the ratios to the peer and the ceiling, and the targets of each. Nothing is asserted:
the numbers are printed for a person to read.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
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
    wait_idle,
)
from dataset import BACKENDS, SIZES, Endpoint, Size, ensure, load_endpoints, peer_url, sized, url
from dataset import targets as find_targets

Key = tuple[str, str]  # (endpoint key, server name)
SERVERS = ("ours", "ours-uncached", "peer", "peer-eager", "ceiling")
# (endpoint, server, compared with, at least, label): the targets, printed met / NOT met.
TARGETS = (
    ("region", "ours", "peer", 3.0, "one region, cache: ours/peer >= 3x"),
    ("region", "ours", "ceiling", 0.5, "one region, cache: ours/ceiling >= 50 %"),
    ("region", "ours-uncached", "peer", 3.0, "one region, no cache: /peer >= 3x"),
    ("region", "ours-uncached", "ceiling", 0.3, "one region, no cache: /ceiling >= 30 %"),
    ("regions50", "ours", "peer", 5.0, "regions x50, cache: ours/peer >= 5x"),
    ("regions50", "ours-uncached", "peer", 5.0, "regions x50, no cache: /peer >= 5x"),
    ("region_observations", "ours", "peer", 10.0, "observations of a region, cache: >= 10x"),
    ("region_observations", "ours-uncached", "peer", 10.0, "observations, no cache: >= 10x"),
    ("observations", "ours-uncached", "peer", 3.0, "observation subtree, no cache: >= 3x"),
)


def make_server(name: str, size: Size, manifest: Path) -> Server:
    if name == "ours":
        return our_server(url(size), free_port())
    if name == "ours-uncached":
        # Every request computed from the database: what a first read of each URL costs.
        return our_server(url(size), free_port(), GROWTH_ATLAS_RESPONSE_CACHE_BYTES="0")
    if name in ("peer", "peer-eager"):
        return peer_server(peer_url(size), free_port(), eager=name == "peer-eager")
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
        manifest[endpoint.path] = {"body": str(body_path), "headers": link}
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


def start_servers(
    names: list[str], size: Size, endpoints: list[Endpoint], tmp: Path, stack: contextlib.ExitStack
) -> dict[str, Server]:
    """Every server, started and registered on `stack` to be stopped; the ceiling last, as it
    replays what ours answered."""
    manifest = tmp / "manifest.json"
    running: dict[str, Server] = {}
    for name in names:
        if name == "ceiling":
            continue
        with step(f"starting {name}"):
            running[name] = stack.enter_context(make_server(name, size, manifest))
    if "ceiling" in names:
        source = running.get("ours") or running.get("ours-uncached")
        if source is None:
            source = stack.enter_context(make_server("ours", size, manifest))
        capture(source, endpoints, tmp)
        with step("starting ceiling"):
            running["ceiling"] = stack.enter_context(make_server("ceiling", size, manifest))
    return {name: running[name] for name in names}


def first_answers(running: dict[str, Server], endpoints: list[Endpoint]) -> dict[Key, int]:
    """Each server answers each request with a 200 before it is measured; its size in bytes."""
    sizes = {}
    for name, server in running.items():
        for endpoint in endpoints:
            status, _, body = http_get(server.base_url + endpoint.path, timeout=60)
            if status != 200:
                raise RuntimeError(f"{name} answered {status} to {endpoint.path}: {body[:300]!r}")
            sizes[endpoint.key, name] = len(body)
    return sizes


def measure_interleaved(
    running: dict[str, Server], endpoints: list[Endpoint], size: Size, args: argparse.Namespace
) -> dict[Key, WrkResult]:
    """Rounds of every endpoint on every server in turn; the best round of each is kept."""
    best: dict[Key, WrkResult] = {}
    for round_number in range(max(args.repeat, 1)):
        for endpoint in endpoints:
            for name, server in running.items():
                for other in running.values():  # nothing left over from the last measurement
                    wait_idle(other.pid)
                if args.quiet_wait > 0:
                    wait_for_quiet(args.quiet_threshold, args.quiet_wait, size.database)
                with step(f"round {round_number + 1}: wrk {name} {endpoint.path}"):
                    result = measure(
                        server.base_url + endpoint.path,
                        duration=args.duration,
                        warmup=args.warmup if round_number == 0 else 1,
                        connections=args.connections,
                        threads=args.threads,
                        server_pid=server.pid,
                        database=size.database,
                    )
                _log_result(name, endpoint, result)
                kept = best.get((endpoint.key, name))
                runs = (kept.runs if kept else ()) + (result.rps,)
                if kept is None or result.rps > kept.rps:
                    kept = result
                best[endpoint.key, name] = dataclasses.replace(kept, runs=runs)
    return best


def _log_result(name: str, endpoint: Endpoint, result: WrkResult) -> None:
    cpu = result.cpu
    print(
        f"    {name:13} {endpoint.label:30} {result.rps:10,.0f} req/s  "
        f"p50 {result.p50_ms:8.2f} ms  p99 {result.p99_ms:8.2f} ms  "
        f"cpu: server {cpu.get('server', 0):.2f} pg {cpu.get('postgres', 0):.2f} "
        f"wrk {cpu.get('wrk', 0):.2f} other {cpu.get('other', 0):.2f}",
        file=sys.stderr,
        flush=True,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=sorted(SIZES), default="1m")
    parser.add_argument("--backend", choices=BACKENDS, default="postgresql")
    parser.add_argument(
        "--servers",
        default="ours,ours-uncached,peer,ceiling",
        help=f"comma-separated, from {', '.join(SERVERS)} (default ours,ours-uncached,peer,"
        "ceiling)",
    )
    parser.add_argument("--q", default="tech", help="the organizations search text")
    parser.add_argument(
        "--endpoints", help="comma-separated keys to measure (default: all); see dataset.py"
    )
    parser.add_argument("--json", type=Path, help="also write the results here")
    add_common_args(parser, max_seconds=3600)
    args = parser.parse_args()
    servers = [s.strip() for s in args.servers.split(",") if s.strip()]
    unknown = set(servers) - set(SERVERS)
    if unknown:
        parser.error(f"unknown servers: {', '.join(sorted(unknown))}")
    install_bounds(args.max_seconds)

    size = ensure(sized(args.size, args.backend))
    endpoints = load_endpoints(find_targets(size), args.q)
    if args.endpoints:
        wanted = set(args.endpoints.split(","))
        endpoints = [e for e in endpoints if e.key in wanted]
    servers.sort(key=SERVERS.index)
    with (
        tempfile.TemporaryDirectory(prefix="bench-ceiling-") as tmp,
        contextlib.ExitStack() as stack,
    ):
        running = start_servers(servers, size, endpoints, Path(tmp), stack)
        body_bytes = first_answers(running, endpoints)
        results = measure_interleaved(running, endpoints, size, args)
    report(args, size, servers, endpoints, results, body_bytes)
    return 0


def report(
    args: argparse.Namespace,
    size: Size,
    servers: list[str],
    endpoints: list[Endpoint],
    results: dict[Key, WrkResult],
    body_bytes: dict[Key, int],
) -> None:
    print()
    print(f"Growth Atlas load benchmark, {time.strftime('%Y-%m-%d %H:%M:%S')}")
    print(
        f"{size.backend} dataset {size.database}: {size.observations:,} synthetic observations, "
        f"{size.regions:,} regions, {size.organizations:,} organizations"
    )
    print(
        f"wrk -t{args.threads} -c{args.connections} -d{args.duration}s --latency "
        f"(after {args.warmup} s warm-up), best of {args.repeat} interleaved rounds; wrk on "
        "core 0, servers on core 1, PostgreSQL unpinned"
    )
    print(f"service at {revision()}")
    print(f"python {platform.python_version()}; {versions()}; load average {load_average()}")
    print()
    print(table(HEADERS, rows(servers, endpoints, results, body_bytes)))
    print(
        "ms cpu/req: server CPU time per request; cpu srv / pg / other: cores used meanwhile by\n"
        "the server, by PostgreSQL for this database, and by all else (noise if well above 0)"
    )
    print()
    print(f"targets ({size.backend}, {size.name} dataset):")
    for key, ours_name, other, want, label in TARGETS:
        ours, them = results.get((key, ours_name)), results.get((key, other))
        if not ours or not them:
            print(f"  {label:45} not measured")
            continue
        if them.rps == 0:
            print(f"  {label:45} {'inf':>8}  met ({other} completed no request)")
            continue
        ratio = ours.rps / them.rps
        shown = f"{100 * ratio:.0f} %" if want < 1 else f"{ratio:.2f}x"
        print(f"  {label:45} {shown:>8}  {'met' if ratio >= want else 'NOT met'}")
    errors = sum(r.non_2xx + r.socket_errors + r.timeouts for r in results.values())
    print(f"  {'errors under load: none':45} {errors:>8}  {'met' if errors == 0 else 'NOT met'}")
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "size": args.size,
                    "backend": size.backend,
                    "endpoints": {e.key: e.path for e in endpoints},
                    "results": [
                        {"endpoint": k, "server": s, "bytes": body_bytes[k, s], **vars(r)}
                        for (k, s), r in results.items()
                    ],
                },
                indent=2,
            )
        )


HEADERS = ["endpoint", "server", "bytes", "req/s", "p50 ms", "p99 ms", "errors",
           "ms cpu/req", "cpu srv", "cpu pg", "cpu other", "/peer", "/ceiling"]  # fmt: skip


def rows(
    servers: list[str],
    endpoints: list[Endpoint],
    results: dict[Key, WrkResult],
    body_bytes: dict[Key, int],
) -> list[list[object]]:
    out: list[list[object]] = []
    for endpoint in endpoints:
        peer = results.get((endpoint.key, "peer"))
        ceiling = results.get((endpoint.key, "ceiling"))
        first = True
        for name in servers:
            r = results.get((endpoint.key, name))
            if r is None:
                continue
            ours = name.startswith("ours")
            out.append(
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
                    _ratio(r, peer) if ours else "",
                    _share(r, ceiling) if ours else "",
                ]
            )
            first = False
    return out


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


if __name__ == "__main__":
    run_main(main)
