"""Bulk export of 1M observations: rows/s, and how much the server's memory grows meanwhile.

    .venv/bin/python benchmarks/export.py                       # NDJSON, identity coding
    .venv/bin/python benchmarks/export.py --format csv --encoding gzip

Starts `growth-atlas serve` (one worker, pinned to core 1) over the 1m PostgreSQL dataset
(benchmarks/dataset.py), streams `GET /v1/observations/export` to this process (core 0) while a
thread samples the server's VmRSS four times a second, checks that every observation came once
and in id order, and prints rows/s, MB/s and the RSS growth against its target (< 50 MB).
"""

from __future__ import annotations

import argparse
import csv
import sys
import threading
import time
import zlib
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import httpx
import msgspec
from common import free_port, install_bounds, our_server, revision, rss_kib, run_main, table
from dataset import BACKENDS, SIZES, Size, ensure, rows_of, sized, url

TARGET_GROWTH_MB = 50
SAMPLE_SECONDS = 0.25


class RssSampler(threading.Thread):
    """The highest VmRSS of `pid` seen while running."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_kib = rss_kib(pid)["VmRSS"]
        self._stop_event = threading.Event()

    def run(self) -> None:
        while not self._stop_event.wait(SAMPLE_SECONDS):
            self.peak_kib = max(self.peak_kib, rss_kib(self.pid)["VmRSS"])

    def stop(self) -> int:
        self._stop_event.set()
        self.join()
        return self.peak_kib


def observation_count(size: Size) -> int:
    return int(rows_of(size, "SELECT count(*) FROM observations")[0][0])  # type: ignore[call-overload]


class IdOnly(msgspec.Struct):
    id: str


class Tally:
    """Rows, bytes and order of the streamed body, read as a client would: NDJSON line by line
    (msgspec), CSV with the csv module (its quoted cells may hold newlines)."""

    def __init__(self) -> None:
        self.rows = 0
        self.bytes = 0
        self.out_of_order = 0

    def lines(self, chunks: Iterator[bytes]) -> Iterator[str]:
        partial = b""
        for chunk in chunks:
            self.bytes += len(chunk)
            *complete, partial = (partial + chunk).split(b"\n")
            for line in complete:
                yield line.decode("utf-8") + "\n"
        if partial:
            yield partial.decode("utf-8")

    def count(self, ids: Iterator[str]) -> None:
        last = ""
        for current in ids:
            self.out_of_order += current <= last
            last = current
            self.rows += 1


def ids_of(fmt: str, lines: Iterator[str]) -> Iterator[str]:
    if fmt == "csv":
        reader = csv.reader(lines)
        next(reader)  # the header row
        return (row[0] for row in reader)
    decode = msgspec.json.Decoder(IdOnly).decode
    return (decode(line).id for line in lines)


def export(base_url: str, fmt: str, encoding: str, tally: Tally) -> tuple[float, int]:
    """Stream the export; returns (seconds, bytes on the wire)."""
    decoder = zlib.decompressobj(16 + zlib.MAX_WBITS) if encoding == "gzip" else None
    wire = 0

    def decoded(raw: Iterator[bytes]) -> Iterator[bytes]:
        nonlocal wire
        for chunk in raw:
            wire += len(chunk)
            yield decoder.decompress(chunk) if decoder else chunk

    started = time.perf_counter()
    headers = {"Accept-Encoding": encoding}
    with (
        httpx.Client(timeout=600, trust_env=False) as client,
        client.stream(
            "GET", f"{base_url}/v1/observations/export", params={"format": fmt}, headers=headers
        ) as response,
    ):
        response.raise_for_status()
        tally.count(ids_of(fmt, tally.lines(decoded(response.iter_raw()))))
    return time.perf_counter() - started, wire


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=sorted(SIZES), default="1m")
    parser.add_argument("--backend", choices=BACKENDS, default="postgresql")
    parser.add_argument("--format", choices=["ndjson", "csv"], default="ndjson")
    parser.add_argument("--encoding", choices=["identity", "gzip"], default="identity")
    parser.add_argument("--max-seconds", type=int, default=1800)
    args = parser.parse_args()
    install_bounds(args.max_seconds)

    size = ensure(sized(args.size, args.backend))
    expected = observation_count(size)
    tally = Tally()
    with our_server(url(size), free_port()) as server:
        before = rss_kib(server.pid)["VmRSS"]
        sampler = RssSampler(server.pid)
        sampler.start()
        try:
            seconds, wire = export(server.base_url, args.format, args.encoding, tally)
        finally:
            peak = sampler.stop()
        after = rss_kib(server.pid)["VmRSS"]

    growth_mb = (peak - before) / 1024
    print()
    print(f"Growth Atlas export benchmark, {time.strftime('%Y-%m-%d %H:%M:%S')}")
    print(f"GET /v1/observations/export?format={args.format}, Accept-Encoding: {args.encoding}")
    print(f"on {size.database}; service at {revision()}")
    print()
    rows = [
        ["rows", f"{tally.rows:,}", f"of {expected:,} observations"],
        ["time", f"{seconds:.1f} s", ""],
        ["rate", f"{tally.rows / seconds:,.0f} rows/s", f"{tally.bytes / seconds / 1e6:.1f} MB/s"],
        ["body", f"{tally.bytes / 1e6:,.1f} MB", f"{wire / 1e6:,.1f} MB on the wire"],
        ["server VmRSS before", f"{before / 1024:.1f} MB", ""],
        ["server VmRSS peak", f"{peak / 1024:.1f} MB", f"after: {after / 1024:.1f} MB"],
    ]
    print(table(["what", "value", ""], rows))
    print()
    complete = tally.rows == expected and tally.out_of_order == 0
    print(
        f"complete and in id order: {'yes' if complete else 'NO'} "
        f"({tally.out_of_order} rows out of order)"
    )
    verdict = "met" if growth_mb < TARGET_GROWTH_MB else "NOT met"
    print(f"RSS growth {growth_mb:.1f} MB; target < {TARGET_GROWTH_MB} MB: {verdict}")
    return 0 if complete else 1


if __name__ == "__main__":
    run_main(main)
