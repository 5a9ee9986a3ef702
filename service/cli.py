"""`growth-atlas`: serve, migrate, seed, export the OpenAPI document and manage API keys."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from service.auth.cli import add_keys_commands
from service.candidates.ingest import add_ingest_command
from service.settings import ENV_PREFIX, Settings, SettingsError

DEFAULT_OPENAPI_PATH = Path("openapi/openapi.json")


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        settings = Settings.from_env()
    except SettingsError as exc:
        print(f"growth-atlas: {exc}", file=sys.stderr)
        return 2
    command: Callable[[Settings, argparse.Namespace], int] = args.command
    return command(settings, args)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="growth-atlas", description=__doc__)
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    serve = commands.add_parser("serve", help="serve the API over HTTP")
    serve.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
    serve.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
    serve.add_argument("--workers", type=int, default=1)
    serve.set_defaults(command=_serve)

    migrate = commands.add_parser("migrate", help="upgrade the database schema to the latest")
    migrate.add_argument("--revision", default="head")
    migrate.set_defaults(command=_migrate)

    seed = commands.add_parser("seed", help="load the curated seed facts (idempotent)")
    seed.add_argument("--seeds-dir", type=Path, default=None)
    seed.set_defaults(command=_seed)

    synth = commands.add_parser("synth", help="load a deterministic synthetic dataset")
    synth.add_argument("--regions", type=_count, default=1_000)
    synth.add_argument("--organizations", type=_count, default=1_000)
    synth.add_argument("--observations", type=_count, default=100_000)
    synth.add_argument("--seed", type=int, default=1)
    synth.set_defaults(command=_synth)

    config = commands.add_parser("config", help="print the effective settings, secrets masked")
    config.set_defaults(command=_config)

    openapi = commands.add_parser("openapi", help="write the OpenAPI document")
    openapi.add_argument("--output", type=Path, default=DEFAULT_OPENAPI_PATH)
    openapi.set_defaults(command=_openapi)

    add_keys_commands(commands)
    add_ingest_command(commands)
    return parser


def _serve(settings: Settings, args: argparse.Namespace) -> int:
    import uvicorn

    from service.http_protocol import BoundedHttpToolsProtocol
    from service.observability.logs import logging_config

    # JSON lines from the first message on; uvicorn is told to leave logging alone.
    logging_config(settings).configure()
    os.environ.setdefault("GROWTH_ATLAS_DATABASE_URL", settings.database_url)
    uvicorn.run(
        "service.app:create_app",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_level=settings.log_level,
        log_config=None,
        # One line per request is the service's own job (structured); uvicorn's would repeat it.
        access_log=False,
        server_header=False,
        timeout_graceful_shutdown=20,
        # Heads bounded in size and time, uvicorn's own errors as problems (see the module).
        http=BoundedHttpToolsProtocol,
        timeout_keep_alive=settings.keep_alive_timeout_seconds,
        limit_concurrency=settings.max_connections,
        # X-Forwarded-* only from the configured proxies: uvicorn's own default trusts loopback
        # (and FORWARDED_ALLOW_IPS), which let any local client pick its address.
        proxy_headers=bool(settings.trusted_proxies),
        forwarded_allow_ips=list(settings.trusted_proxies),
    )
    return 0


def _migrate(settings: Settings, args: argparse.Namespace) -> int:
    from service.db.migrate import upgrade

    upgrade(settings, args.revision)
    print(f"database at revision {args.revision}")
    return 0


def _seed(settings: Settings, args: argparse.Namespace) -> int:
    from service.db.engine import create_engine
    from service.seeding.load import seed
    from service.seeding.verify import SeedError

    async def run() -> int:
        engine = create_engine(settings)
        try:
            report = await seed(engine, args.seeds_dir or Path(settings.seeds_dir))
        except SeedError as exc:
            print(f"growth-atlas: {exc}", file=sys.stderr)
            return 1
        finally:
            await engine.dispose()
        counts = ", ".join(f"{table} {n}" for table, n in report.inserted.items())
        print(f"seed: inserted {report.total} rows ({counts})")
        return 0

    return asyncio.run(run())


def _config(settings: Settings, _args: argparse.Namespace) -> int:
    width = max(len(name) for name in settings.masked())
    for name, value in settings.masked().items():
        print(f"{ENV_PREFIX}{name.upper():<{width}}  {value}")
    return 0


def _count(text: str) -> int:
    value = int(text)
    if not 0 <= value <= 100_000_000:
        raise argparse.ArgumentTypeError("must be between 0 and 100000000")
    return value


def _synth(settings: Settings, args: argparse.Namespace) -> int:
    import time

    from service.db.engine import create_engine
    from service.synth.dataset import SynthSpec
    from service.synth.load import load_synthetic

    spec = SynthSpec(
        regions=max(args.regions, 1),
        organizations=args.organizations,
        observations=args.observations,
        seed=args.seed,
    )

    async def run() -> dict[str, int]:
        engine = create_engine(settings)
        try:
            return await load_synthetic(engine, spec)
        finally:
            await engine.dispose()

    started = time.perf_counter()
    counts = asyncio.run(run())
    elapsed = time.perf_counter() - started
    summary = ", ".join(f"{table} {n}" for table, n in counts.items())
    print(f"synth: loaded in {elapsed:.1f} s ({summary})")
    return 0


def _openapi(settings: Settings, args: argparse.Namespace) -> int:
    from service.app import create_app
    from service.openapi import contract_document

    document = contract_document(create_app(settings).openapi_schema.to_schema())
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(
        json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
