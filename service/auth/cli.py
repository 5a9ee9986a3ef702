"""`growth-atlas keys create | list | revoke`: API keys from the command line."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import re
import sys
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from sqlalchemy.ext.asyncio import AsyncConnection

from service.auth.store import SCOPES, KeyNameTaken, UnknownKey, create_key, list_keys, revoke_key
from service.db.engine import create_engine
from service.settings import Settings

T = TypeVar("T")
# Names are what revisions record as the actor: short, printable, no spaces.
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")


def add_keys_commands(commands: Any) -> None:
    """Add `keys` and its actions to the `growth-atlas` subcommands."""
    keys = commands.add_parser("keys", help="create, list and revoke API keys")
    actions = keys.add_subparsers(required=True, metavar="ACTION")

    create = actions.add_parser("create", help="create a key and print it (the only time)")
    create.add_argument("--name", required=True, type=_key_name)
    create.add_argument("--scope", required=True, choices=SCOPES)
    create.set_defaults(command=_create)

    listing = actions.add_parser("list", help="names, scopes, prefixes and dates; no secrets")
    listing.set_defaults(command=_list)

    revoke = actions.add_parser("revoke", help="revoke a key: it stops working at once")
    revoke.add_argument("name")
    revoke.set_defaults(command=_revoke)


def _key_name(text: str) -> str:
    if not _NAME.match(text):
        raise argparse.ArgumentTypeError(
            "1 to 64 characters: letters, digits and . _ @ -, starting with a letter or digit"
        )
    return text


def _create(settings: Settings, args: argparse.Namespace) -> int:
    try:
        key = _run(settings, lambda c: create_key(c, args.name, args.scope))
    except KeyNameTaken as exc:
        return _fail(exc)
    # The key alone on stdout, so that `KEY=$(growth-atlas keys create ...)` captures it.
    print(key.token)
    print(
        f"created key {args.name!r} (scope {args.scope}, prefix {key.prefix}); "
        "store it now: it is not kept and cannot be shown again",
        file=sys.stderr,
    )
    return 0


def _list(settings: Settings, _args: argparse.Namespace) -> int:
    table = [("NAME", "SCOPE", "PREFIX", "CREATED", "REVOKED")]
    for key in _run(settings, list_keys):
        revoked = _time(key.revoked_at) if key.revoked_at else "-"
        table.append((key.name, key.scope, key.prefix, _time(key.created_at), revoked))
    widths = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
    for row in table:
        cells = (cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        print("  ".join(cells).rstrip())
    return 0


def _revoke(settings: Settings, args: argparse.Namespace) -> int:
    try:
        key = _run(settings, lambda c: revoke_key(c, args.name))
    except UnknownKey as exc:
        return _fail(exc)
    assert key.revoked_at is not None
    print(f"key {key.name!r} (prefix {key.prefix}) revoked at {_time(key.revoked_at)}")
    return 0


def _run(settings: Settings, work: Callable[[AsyncConnection], Awaitable[T]]) -> T:
    """Run `work` in one transaction on a short-lived engine."""

    async def run() -> T:
        engine = create_engine(settings)
        try:
            async with engine.begin() as connection:
                return await work(connection)
        finally:
            await engine.dispose()

    return asyncio.run(run())


def _time(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _fail(exc: Exception) -> int:
    print(f"growth-atlas: {exc}", file=sys.stderr)
    return 1
