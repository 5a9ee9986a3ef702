"""Benchmark databases: `growth_atlas_bench_<size>` on the local PostgreSQL, or a SQLite file
`var/bench/growth_atlas_bench_<size>.db`, made once, reused.

    .venv/bin/python benchmarks/dataset.py --size 1m                    # create (or check) one
    .venv/bin/python benchmarks/dataset.py --size 1k --fresh            # drop and rebuild
    .venv/bin/python benchmarks/dataset.py --size 1m --backend sqlite   # the SQLite file

A database is built by the service's own commands, `growth-atlas migrate`, `growth-atlas seed`
and `growth-atlas synth ... --seed 1`, and is marked complete (a comment on the PostgreSQL
database, a `.mark` file beside the SQLite one, naming the spec) only when all three succeeded.
It is reused when the mark and the synthetic observation count both match; otherwise it is
dropped and built again.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import re
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import psycopg
from common import ROOT, VENV_BIN
from psycopg import sql

BACKENDS = ("postgresql", "sqlite")
SQLITE_DIR = ROOT / "var" / "bench"

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
    backend: str = "postgresql"

    @property
    def database(self) -> str:
        return f"growth_atlas_bench_{self.name}"

    @property
    def sqlite_path(self) -> Path:
        return SQLITE_DIR / f"{self.database}.db"

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


def sized(name: str, backend: str) -> Size:
    return dataclasses.replace(SIZES[name], backend=backend)


def url(size: Size) -> str:
    """The service's database URL."""
    if size.backend == "sqlite":
        return f"sqlite+aiosqlite:///{size.sqlite_path}"
    return f"postgresql+asyncpg://{PG_USER}@{PG_HOST}:{PG_PORT}/{size.database}"


def peer_url(size: Size) -> str:
    """The FastAPI peer's (a sync driver, as the template has)."""
    if size.backend == "sqlite":
        return f"sqlite:///{size.sqlite_path}"
    return f"postgresql+psycopg://{PG_USER}@{PG_HOST}:{PG_PORT}/{size.database}"


def rows_of(size: Size, query: str, *params: object) -> list[tuple[object, ...]]:
    """Rows of a query with `%s` parameters, on either backend."""
    if size.backend == "sqlite":
        with sqlite3.connect(f"file:{size.sqlite_path}?mode=ro", uri=True) as lite:
            return list(lite.execute(query.replace("%s", "?"), params).fetchall())
    with _connect(size.database) as conn:
        return list(conn.execute(query, params).fetchall())  # type: ignore[arg-type]


def _connect(database: str) -> psycopg.Connection:
    return psycopg.connect(
        host=PG_HOST, port=PG_PORT, user=PG_USER, dbname=database, autocommit=True
    )


def _state(size: Size) -> tuple[bool, str | None, int | None]:
    """(exists, mark, synthetic observation count) of the size's database."""
    if size.backend == "sqlite":
        return _sqlite_state(size)
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


def _sqlite_state(size: Size) -> tuple[bool, str | None, int | None]:
    mark_file = size.sqlite_path.with_suffix(".mark")
    if not size.sqlite_path.exists():
        return False, None, None
    mark = mark_file.read_text() if mark_file.exists() else None
    try:
        (count,) = rows_of(
            size, "SELECT count(*) FROM observations WHERE id LIKE %s", f"synth-{SYNTH_SEED}-obs-%"
        )[0]
    except sqlite3.Error:
        return True, mark, None
    return True, mark, int(count)  # type: ignore[call-overload]


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
        # Migrations added since it was built (a no-op when none): the service needs them.
        _run(["migrate"], size)
        return size
    started = time.perf_counter()
    if size.backend == "sqlite":
        _build_sqlite(size)
    else:
        _build_postgresql(size, exists, mark, count)
    _, _, count = _state(size)
    if count != size.observations:
        raise RuntimeError(
            f"{size.database}: {count} synthetic observations, not {size.observations}"
        )
    print(f"... built {size.database} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return size


def _build_commands(size: Size) -> None:
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


def _build_sqlite(size: Size) -> None:
    size.sqlite_path.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{size.sqlite_path}{suffix}").unlink(missing_ok=True)
    size.sqlite_path.with_suffix(".mark").unlink(missing_ok=True)
    print(f"... creating {size.sqlite_path}", file=sys.stderr, flush=True)
    _build_commands(size)
    size.sqlite_path.with_suffix(".mark").write_text(size.mark)


def _build_postgresql(size: Size, exists: bool, mark: str | None, count: int | None) -> None:
    with _connect("postgres") as admin:
        if exists:
            print(f"... dropping {size.database} (mark {mark!r}, {count} rows)", file=sys.stderr)
            admin.execute(
                sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(size.database))
            )
        print(f"... creating {size.database}", file=sys.stderr, flush=True)
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(size.database)))
    _build_commands(size)
    with _connect("postgres") as admin:
        admin.execute(
            sql.SQL("COMMENT ON DATABASE {} IS {}").format(
                sql.Identifier(size.database), sql.Literal(size.mark)
            )
        )


@dataclass(frozen=True)
class Targets:
    """Ids the benchmarks request, read from the database (they differ between sizes)."""

    province: str
    country: str
    country_subtree_observations: int
    observed_region: str
    """The first synthetic region with more than 100 observations of its own (or the most)."""


_SYNTHETIC = re.compile(r"^[a-z]+-[0-9]+$")


def _first_synthetic(size: Size, kind: str) -> tuple[str, str]:
    rows = rows_of(size, "SELECT id, path FROM regions WHERE kind = %s ORDER BY id", kind)
    for rid, path in rows:
        if _SYNTHETIC.match(str(rid)):
            return str(rid), str(path)
    raise RuntimeError(f"{size.database}: no synthetic {kind}")


def targets(size: Size) -> Targets:
    """The first synthetic province and country by id; synthetic ids end in `-<number>`."""
    province, _ = _first_synthetic(size, "province")
    country, path = _first_synthetic(size, "country")
    observed = rows_of(
        size,
        "SELECT count(*) FROM observations WHERE region_id IN "
        "(SELECT id FROM regions WHERE path = %s OR path LIKE %s)",
        path,
        path + "/%",
    )
    counts = rows_of(
        size,
        "SELECT region_id, count(*) FROM observations WHERE region_id IS NOT NULL "
        "GROUP BY region_id ORDER BY region_id",
    )
    synthetic = [(str(r), int(n)) for r, n in counts if _SYNTHETIC.match(str(r))]  # type: ignore[call-overload]
    full = [r for r, n in synthetic if n > 100]
    busiest = full[0] if full else max(synthetic, key=lambda rn: rn[1])[0]
    return Targets(
        province=province,
        country=country,
        country_subtree_observations=int(observed[0][0]),  # type: ignore[call-overload]
        observed_region=busiest,
    )


@dataclass(frozen=True)
class Endpoint:
    key: str
    label: str
    path: str


def load_endpoints(found: Targets, q: str = "tech") -> list[Endpoint]:
    """The requests load.py compares across servers."""
    return [
        Endpoint("region", "one region", f"/v1/regions/{found.province}"),
        Endpoint("regions50", "regions x50", "/v1/regions?limit=50"),
        Endpoint(
            "region_observations",
            "observations of a region x100",
            f"/v1/observations?region={found.observed_region}&limit=100",
        ),
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
    by_key = {e.key: e for e in load_endpoints(found, q)}
    return [
        by_key["observations"],
        by_key["organizations"],
        Endpoint("regions", "regions x100", "/v1/regions?limit=100"),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=sorted(SIZES), required=True)
    parser.add_argument("--backend", choices=BACKENDS, default="postgresql")
    parser.add_argument("--fresh", action="store_true", help="drop and rebuild")
    args = parser.parse_args()
    size = ensure(sized(args.size, args.backend), fresh=args.fresh)
    found = targets(size)
    print(f"{size.database}: {url(size)}")
    print(f"  province {found.province}, country {found.country} "
          f"({found.country_subtree_observations:,} observations in its subtree), "
          f"region {found.observed_region}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
