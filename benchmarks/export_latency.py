"""Do exports starve reads? A one-item GET's latency idle, then while ten exports stream.

    .venv/bin/python benchmarks/export_latency.py --size 1m
    .venv/bin/python benchmarks/export_latency.py --size 1m --backend sqlite --exports 10

Starts `growth-atlas serve` (one worker, core 1) with GROWTH_ATLAS_MAX_CONCURRENT_EXPORTS set to
`--exports` and the response cache off (so that every GET reads the database). This process
(core 0) sends one-item GETs one after another on a kept-alive connection for `--seconds`: first
with nothing else running, then while `--exports` curl processes (core 0, output discarded)
stream `GET /v1/observations/export` of the whole table. Prints the median, p90 and p99 of each,
their ratio (target: the median under exports within 3x of the idle one) and how many exports
were still streaming at the end. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (
    HOST,
    WRK_CPU,
    free_port,
    install_bounds,
    our_server,
    revision,
    run_main,
    table,
)
from dataset import BACKENDS, SIZES, ensure, sized, targets, url

TARGET_RATIO = 3.0


def latencies(port: int, path: str, seconds: float, at_most: int) -> list[float]:
    """Seconds per GET, one after another on one connection, for `seconds` or `at_most` GETs."""
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    out: list[float] = []
    deadline = time.monotonic() + seconds
    try:
        while time.monotonic() < deadline and len(out) < at_most:
            started = time.perf_counter()
            connection.request("GET", path, headers={"Accept": "application/json"})
            response = connection.getresponse()
            response.read()
            out.append(time.perf_counter() - started)
            if response.status != 200:
                raise RuntimeError(f"{path}: HTTP {response.status}")
    finally:
        connection.close()
    return out


def summary(samples: list[float]) -> list[object]:
    ms = sorted(1000 * s for s in samples)
    return [
        len(ms),
        statistics.median(ms),
        ms[int(0.9 * (len(ms) - 1))],
        ms[int(0.99 * (len(ms) - 1))],
    ]


def start_exports(port: int, count: int, max_seconds: int) -> list[subprocess.Popen[bytes]]:
    """`count` curl processes streaming the whole observation export to /dev/null."""
    started = []
    for _ in range(count):
        command = [
            "taskset", "-c", WRK_CPU, "curl", "--silent", "--output", "/dev/null",
            "--max-time", str(max_seconds), f"http://{HOST}:{port}/v1/observations/export",
        ]  # fmt: skip
        started.append(subprocess.Popen(command, stdin=subprocess.DEVNULL))
    return started


def bytes_written(pid: int) -> int:
    """What `pid` has written so far, sockets included (`wchar` of /proc/<pid>/io)."""
    for line in Path(f"/proc/{pid}/io").read_text().splitlines():
        if line.startswith("wchar:"):
            return int(line.split()[1])
    return 0


def one_more_export(port: int) -> int:
    """The status of one export beyond those streaming: 503 when they hold every slot."""
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        connection.request("GET", "/v1/observations/export")
        return connection.getresponse().status
    finally:
        connection.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=sorted(SIZES), default="1m")
    parser.add_argument("--backend", choices=BACKENDS, default="postgresql")
    parser.add_argument("--exports", type=int, default=10, help="exports streaming meanwhile")
    parser.add_argument("--seconds", type=float, default=15.0, help="of GETs, idle and loaded")
    parser.add_argument("--at-most", type=int, default=20000, help="GETs per phase")
    parser.add_argument("--max-seconds", type=int, default=600)
    args = parser.parse_args()
    install_bounds(args.max_seconds)

    size = ensure(sized(args.size, args.backend))
    path = f"/v1/regions/{targets(size).province}"
    env = {
        "GROWTH_ATLAS_MAX_CONCURRENT_EXPORTS": str(args.exports),
        "GROWTH_ATLAS_RESPONSE_CACHE_BYTES": "0",
    }
    with our_server(url(size), free_port(), **env) as server:
        latencies(server.port, path, 2.0, 500)  # warm-up
        idle = latencies(server.port, path, args.seconds, args.at_most)
        exports = start_exports(server.port, args.exports, args.max_seconds)
        try:
            time.sleep(2.0)  # every export past its first batch
            written, started = bytes_written(server.pid), time.monotonic()
            loaded = latencies(server.port, path, args.seconds, args.at_most)
            elapsed = time.monotonic() - started
            streamed = (bytes_written(server.pid) - written) / elapsed
            streaming = sum(p.poll() is None for p in exports)
            beyond = one_more_export(server.port)
        finally:
            for process in exports:
                process.terminate()
            for process in exports:
                with contextlib.suppress(subprocess.TimeoutExpired):
                    process.wait(timeout=10)

    print()
    print(f"Growth Atlas export latency benchmark, {time.strftime('%Y-%m-%d %H:%M:%S')}")
    print(f"GET {path} one at a time; {args.backend} {size.database}; service at {revision()}")
    print(f"load average {' '.join(Path('/proc/loadavg').read_text().split()[:3])}")
    print()
    rows = [["idle", *summary(idle)], [f"{args.exports} exports streaming", *summary(loaded)]]
    print(table(["GET one region", "requests", "median ms", "p90 ms", "p99 ms"], rows))
    print()
    print(
        f"exports streamed {streamed / 1e6:.1f} MB/s meanwhile (all ten together, the GETs' "
        f"answers included); still streaming at the end: {streaming} of {args.exports}; "
        f"one more export meanwhile: HTTP {beyond} (503 when the others hold every slot)"
    )
    ratio = statistics.median(loaded) / statistics.median(idle)
    verdict = "met" if ratio <= TARGET_RATIO else "NOT met"
    print(f"median under exports / idle: {ratio:.2f}x; target <= {TARGET_RATIO:.0f}x: {verdict}")
    return 0


if __name__ == "__main__":
    run_main(main)
