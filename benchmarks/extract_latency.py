"""Latency of `POST /v1/extract` on 1,000-word articles, in process, on one core.

    taskset -c 1 .venv/bin/python benchmarks/extract_latency.py
    taskset -c 1 .venv/bin/python benchmarks/extract_latency.py --requests 500 --words 1000

Migrates and seeds a temporary SQLite database (the embedded default), builds the service with
`create_app`, and posts `--requests` articles of `--words` words each: the `dev` articles of
benchmarks/extraction/ joined and cut into pieces of that length (dense regional-economy news,
50 to 70 figures per 1,000 words). Each request goes through the whole app (routing, body
limit, rate limit, validation, the extractor, encoding) over Litestar's in-process test client,
with no sockets. Prints p50, p95 and p99 of the wall time per request; the target is a p95
under 50 ms on one core. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "benchmarks" / "extraction" / "dev"


def articles(words: int, count: int) -> list[str]:
    """`count` pieces of `words` words, cut in turn from the dev articles joined."""
    joined = " ".join(path.read_text() for path in sorted(ARTICLES.glob("*.txt"))).split(" ")
    pieces = [" ".join(joined[i : i + words]) for i in range(0, len(joined) - words, words)]
    return [pieces[i % len(pieces)] for i in range(count)]


def prepared_database(folder: Path) -> str:
    """A migrated, seeded SQLite database in `folder`, as `make run` prepares it."""
    url = f"sqlite+aiosqlite:///{folder / 'extract.db'}"
    env = {**os.environ, "GROWTH_ATLAS_DATABASE_URL": url}
    cli = str(Path(sys.executable).with_name("growth-atlas"))
    for command in ("migrate", "seed"):
        subprocess.run([cli, command], env=env, check=True, capture_output=True)
    return url


def timings(url: str, texts: list[str]) -> list[float]:
    """Seconds per request, each text posted once after a warm-up."""
    os.environ.update(
        {
            "GROWTH_ATLAS_DATABASE_URL": url,
            "GROWTH_ATLAS_LOG_LEVEL": "warning",
            "GROWTH_ATLAS_RATE_LIMIT_ANONYMOUS_PER_MINUTE": "1000000",
        }
    )
    from litestar.testing import TestClient

    from service.app import create_app

    spent = []
    with TestClient(create_app()) as client:
        for text in texts[:20]:
            client.post("/v1/extract", json={"text": text})
        for text in texts:
            start = time.perf_counter()
            response = client.post("/v1/extract", json={"text": text, "published_on": "2025-06-30"})
            spent.append(time.perf_counter() - start)
            if response.status_code != 200:
                raise SystemExit(f"POST /v1/extract answered {response.status_code}")
    return spent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--words", type=int, default=1000)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    texts = articles(args.words, args.requests)
    with tempfile.TemporaryDirectory() as folder:
        spent = sorted(timings(prepared_database(Path(folder)), texts))
    cuts = statistics.quantiles(spent, n=100)
    cores = len(os.sched_getaffinity(0))
    print(f"POST /v1/extract, {args.requests} articles of {args.words} words, {cores} core(s):")
    print(
        f"  p50 {cuts[49] * 1e3:.1f} ms   p95 {cuts[94] * 1e3:.1f} ms   "
        f"p99 {cuts[98] * 1e3:.1f} ms   (target: p95 < 50 ms on one core)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
