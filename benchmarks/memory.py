"""Resident memory of one service worker before and after 100k requests on the 1m database.

    .venv/bin/python benchmarks/memory.py
    .venv/bin/python benchmarks/memory.py --requests 20000 --size 1k

`growth-atlas serve` (one worker, pinned to core 1) answers a rotation of requests over the
endpoints, sent by wrk (core 0) with a Lua script: many regions, observation pages of many
subtrees (first and second pages), organization searches, region lists. wrk runs in slices of
--slice seconds until at least --requests requests were answered (bounded by --max-seconds).
Prints VmRSS (and the peak, VmHWM) from /proc/<pid>/status after start, after each slice and at
the end; the target is < 150 MB after. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (
    children_of,
    free_port,
    http_get,
    install_bounds,
    our_server,
    revision,
    rss_kib,
    run_main,
    run_wrk,
    step,
    table,
)
from dataset import BACKENDS, SIZES, Size, ensure, rows_of, sized, url

TARGET_MB = 150
QUERIES = ("tech", "group", "indus", "mater", "an", "zhou", "basf", "shan", "ling", "co., ltd")


def first_paths(size: Size) -> list[str]:
    """A spread of requests over every benchmarked endpoint and more ids than a cache would hold."""
    every = [str(r[0]) for r in rows_of(size, "SELECT id FROM regions ORDER BY id")]
    # A spread over the id order that does not depend on the backend's hash functions.
    regions = sorted(every, key=lambda rid: hashlib.md5(rid.encode()).hexdigest())[:300]
    subtrees = [
        str(r[0])
        for r in rows_of(
            size,
            "SELECT id FROM regions WHERE kind IN ('country', 'province') ORDER BY id LIMIT 120",
        )
    ]
    kinds = [str(r[0]) for r in rows_of(size, "SELECT DISTINCT kind FROM regions")]
    paths = [f"/v1/regions/{r}" for r in regions]
    paths += [f"/v1/observations?region={r}&include_subregions=true&limit=100" for r in subtrees]
    paths += [f"/v1/observations?region={r}&limit=50" for r in regions[:60]]
    paths += [f"/v1/organizations?q={urllib.parse.quote(q)}&limit=100" for q in QUERIES]
    paths += [f"/v1/regions?limit=100&kind={k}" for k in kinds]
    paths += ["/v1/regions?limit=100", "/v1/organizations?limit=100"]
    return paths


def with_second_pages(base_url: str, paths: list[str]) -> list[str]:
    """Add the page after each list page that has one (its `Link` header, a signed cursor)."""
    out = list(paths)
    for path in paths:
        status, headers, _ = http_get(base_url + path, timeout=60)
        if status != 200:
            raise RuntimeError(f"{path}: HTTP {status}")
        link = headers.get("link", "")
        if link.startswith("<") and ">" in link:
            out.append(link[1 : link.index(">")])
    return out


def lua_script(paths: list[str], into: Path) -> Path:
    lines = ",\n".join(json.dumps(p) for p in paths)
    script = into / "rotate.lua"
    script.write_text(
        f"local paths = {{\n{lines}\n}}\n"
        "local n = 0\n"
        "request = function()\n"
        "  n = n + 1\n"
        '  return wrk.format("GET", paths[(n % #paths) + 1])\n'
        "end\n"
    )
    return script


def mb(kib: int) -> float:
    return kib / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=sorted(SIZES), default="1m")
    parser.add_argument("--backend", choices=BACKENDS, default="postgresql")
    parser.add_argument("--requests", type=int, default=100_000, help="stop at or above this")
    parser.add_argument("--slice", type=int, default=15, help="seconds per wrk slice")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--max-seconds", type=int, default=1800)
    args = parser.parse_args()
    install_bounds(args.max_seconds)
    started = time.monotonic()

    size = ensure(sized(args.size, args.backend))
    paths = first_paths(size)
    with (
        tempfile.TemporaryDirectory(prefix="bench-memory-") as tmp,
        our_server(url(size), free_port()) as server,
    ):
        if children_of(server.pid):
            print(f"note: server {server.pid} has children {children_of(server.pid)}")
        pid = server.pid
        before = rss_kib(pid)
        with step("collecting second-page cursors"):
            paths = with_second_pages(server.base_url, paths)
        script = lua_script(paths, Path(tmp))
        after_first = rss_kib(server.pid)
        total = errors = 0
        rows = [["after start", 0, f"{mb(before['VmRSS']):.1f}", f"{mb(before['VmHWM']):.1f}", ""]]
        first = f"{mb(after_first['VmRSS']):.1f}"
        rows.append([f"after {len(paths)} distinct", len(paths), first, "", ""])
        budget = args.max_seconds - 60
        while total < args.requests:
            if time.monotonic() - started + args.slice > budget:
                print(f"stopping early: --max-seconds {args.max_seconds} would be exceeded")
                break
            result = run_wrk(
                server.base_url + paths[0],
                duration=args.slice,
                connections=args.connections,
                script=script,
            )
            total += result.requests
            errors += result.non_2xx + result.socket_errors + result.timeouts
            now = rss_kib(server.pid)
            rows.append([f"slice {len(rows) - 1}", total, f"{mb(now['VmRSS']):.1f}",
                         f"{mb(now['VmHWM']):.1f}", f"{result.rps:,.0f} req/s"])  # fmt: skip
            print(
                f"    {total:>8,} requests  VmRSS {mb(now['VmRSS']):6.1f} MB  "
                f"{result.rps:7,.0f} req/s  p99 {result.p99_ms:.1f} ms",
                file=sys.stderr,
                flush=True,
            )
        after = rss_kib(server.pid)

    print()
    print(f"Growth Atlas memory benchmark, {time.strftime('%Y-%m-%d %H:%M:%S')}")
    print(
        f"ours (one worker, pid {pid}) on {size.database}; {len(paths)} distinct requests "
        f"rotated by wrk -c{args.connections} in {args.slice} s slices"
    )
    print(f"service at {revision()}")
    print()
    # About a dozen rows: the first slices, then every k-th, and always the last.
    every = max(1, (len(rows) - 2) // 10)
    shown = [r for i, r in enumerate(rows) if i < 4 or i % every == 0 or i == len(rows) - 1]
    print(table(["when", "requests", "VmRSS MB", "VmHWM MB", "rate"], shown))
    print()
    print(f"requests answered: {total:,} ({errors:,} errors or non-2xx)")
    print(
        f"VmRSS before {mb(before['VmRSS']):.1f} MB, after {mb(after['VmRSS']):.1f} MB "
        f"(peak {mb(after['VmHWM']):.1f} MB); target < {TARGET_MB} MB after: "
        f"{'met' if mb(after['VmRSS']) < TARGET_MB else 'NOT met'}"
    )
    return 0


if __name__ == "__main__":
    run_main(main)
