"""Benchmark databases: `growth_atlas_bench_<size>` on the local PostgreSQL, made once, reused.

    .venv/bin/python benchmarks/dataset.py --size 1m          # create (or check) one
    .venv/bin/python benchmarks/dataset.py --size 1k --fresh  # drop and rebuild

A database is built by the service's own commands, `growth-atlas migrate`, `growth-atlas seed`
and `growth-atlas synth ... --seed 1`, and is marked complete (a comment on the database naming
the spec) only when all three succeeded. It is reused when the mark and the synthetic
observation count both match; otherwise it is dropped and built again.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import psycopg
from common import ROOT, VENV_BIN
from psycopg import sql

PG_HOST = "127.0.0.1"
PG_PORT = 5432
PG_USER = "postgres"
SYNTH_SEED = 1


@dataclass(frozen=True)
class Size:
    name: str
    regions: int
    organizations: int
    observations: int

    @property
    def database(self) -> str:
        return f"growth_atlas_bench_{self.name}"

    @property
    def mark(self) -> str:
        return (
            f"growth-atlas bench: regions={self.regions} organizations={self.organizations} "
            f"observations={self.observations} seed={SYNTH_SEED}"
        )


# Both sizes give full pages (>= 100 items) for every list the benchmarks read: the 1k tree has
# two countries (~350 observations each), and a quarter of the organizations are "... Technology".
SIZES = {
    "1k": Size("1k", regions=200, organizations=1_000, observations=1_000),
    "1m": Size("1m", regions=5_000, organizations=20_000, observations=1_000_000),
}


def url(size: Size, driver: str = "asyncpg") -> str:
    return f"postgresql+{driver}://{PG_USER}@{PG_HOST}:{PG_PORT}/{size.database}"


def _connect(database: str) -> psycopg.Connection:
    return psycopg.connect(
        host=PG_HOST, port=PG_PORT, user=PG_USER, dbname=database, autocommit=True
    )


def _state(size: Size) -> tuple[bool, str | None, int | None]:
    """(exists, mark, synthetic observation count) of the size's database."""
    with _connect("postgres") as admin:
        row = admin.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
            (size.database,),
        ).fetchone()
    if row is None:
        return False, None, None
    try:
        with _connect(size.database) as conn:
            count = conn.execute(
                "SELECT count(*) FROM observations WHERE id LIKE %s", (f"synth-{SYNTH_SEED}-obs-%",)
            ).fetchone()
    except psycopg.errors.UndefinedTable:
        return True, row[0], None
    return True, row[0], int(count[0]) if count else None


def _run(args: list[str], size: Size) -> None:
    env = {
        **os.environ,
        "GROWTH_ATLAS_DATABASE_URL": url(size),
        "GROWTH_ATLAS_LOG_LEVEL": "warning",
    }
    print(f"    $ growth-atlas {' '.join(args)}", file=sys.stderr, flush=True)
    subprocess.run(
        [str(VENV_BIN / "growth-atlas"), *args],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=1800,
        # The benchmark drivers pin themselves to wrk's core; a load may use every core.
        preexec_fn=lambda: os.sched_setaffinity(0, range(os.cpu_count() or 1)),
    )


def ensure(size: Size, *, fresh: bool = False) -> Size:
    """Make sure the size's database exists, complete; build it if not. Returns `size`."""
    exists, mark, count = _state(size)
    if exists and not fresh and mark == size.mark and count == size.observations:
        print(f"... reusing {size.database} ({count:,} synthetic observations)", file=sys.stderr)
        return size
    started = time.perf_counter()
    with _connect("postgres") as admin:
        if exists:
            print(f"... dropping {size.database} (mark {mark!r}, {count} rows)", file=sys.stderr)
            admin.execute(
                sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(size.database))
            )
        print(f"... creating {size.database}", file=sys.stderr, flush=True)
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(size.database)))
    _run(["migrate"], size)
    _run(["seed"], size)
    _run(
        [
            "synth",
            "--regions", str(size.regions),
            "--organizations", str(size.organizations),
            "--observations", str(size.observations),
            "--seed", str(SYNTH_SEED),
        ],
        size,
    )  # fmt: skip
    with _connect("postgres") as admin:
        admin.execute(
            sql.SQL("COMMENT ON DATABASE {} IS {}").format(
                sql.Identifier(size.database), sql.Literal(size.mark)
            )
        )
    _, _, count = _state(size)
    if count != size.observations:
        raise RuntimeError(
            f"{size.database}: {count} synthetic observations, not {size.observations}"
        )
    print(f"... built {size.database} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return size


@dataclass(frozen=True)
class Targets:
    """Ids the benchmarks request, read from the database (they differ between sizes)."""

    province: str
    country: str
    country_subtree_observations: int


def targets(size: Size) -> Targets:
    """The first synthetic province and country by id; synthetic ids end in `-<number>`."""
    with _connect(size.database) as conn:
        province = conn.execute(
            "SELECT id FROM regions WHERE kind = 'province' AND id ~ '^[a-z]+-[0-9]+$' "
            "ORDER BY id LIMIT 1"
        ).fetchone()
        country = conn.execute(
            "SELECT id, path FROM regions WHERE kind = 'country' AND id ~ '^[a-z]+-[0-9]+$' "
            "ORDER BY id LIMIT 1"
        ).fetchone()
        if not province or not country:
            raise RuntimeError(f"{size.database}: no synthetic province or country")
        observed = conn.execute(
            "SELECT count(*) FROM observations WHERE region_id IN "
            "(SELECT id FROM regions WHERE path = %s OR path LIKE %s)",
            (country[1], country[1] + "/%"),
        ).fetchone()
    return Targets(
        province=province[0],
        country=country[0],
        country_subtree_observations=int(observed[0]) if observed else 0,
    )


@dataclass(frozen=True)
class Endpoint:
    key: str  # the ceiling app's route for it
    label: str
    path: str


def load_endpoints(found: Targets, q: str = "tech") -> list[Endpoint]:
    """The three requests load.py compares across servers."""
    return [
        Endpoint("region", "one region", f"/v1/regions/{found.province}"),
        Endpoint(
            "observations",
            "observations subtree x100",
            f"/v1/observations?region={found.country}&include_subregions=true&limit=100",
        ),
        Endpoint(
            "organizations", f"organizations q={q} x100", f"/v1/organizations?q={q}&limit=100"
        ),
    ]


def scale_endpoints(found: Targets, q: str = "tech") -> list[Endpoint]:
    """The list-ish requests scale.py compares across dataset sizes."""
    return [
        *load_endpoints(found, q)[1:],
        Endpoint("regions", "regions x100", "/v1/regions?limit=100"),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=sorted(SIZES), required=True)
    parser.add_argument("--fresh", action="store_true", help="drop and rebuild")
    args = parser.parse_args()
    size = ensure(SIZES[args.size], fresh=args.fresh)
    found = targets(size)
    print(f"{size.database}: {url(size)}")
    print(f"  province {found.province}, country {found.country} "
          f"({found.country_subtree_observations:,} observations in its subtree)")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
