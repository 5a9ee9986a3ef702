"""API keys in the database: create, list, revoke, and find by public prefix. SQL only."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlmodel import col

from service.auth.keys import NewKey, generate_key
from service.db.clock import as_utc, utc_now
from service.db.tables import ApiKey

# Each includes the ones before it: `read` (lists and items, when anonymous reads are closed),
# `write` (create and update), `admin` (delete).
Scope = Literal["read", "write", "admin"]
SCOPES: tuple[Scope, ...] = ("read", "write", "admin")


class KeyNameTaken(Exception):
    def __init__(self, name: str) -> None:
        super().__init__(f"an API key named {name!r} already exists (revoked keys keep theirs)")


class UnknownKey(Exception):
    def __init__(self, name: str) -> None:
        super().__init__(f"no API key is named {name!r}")


@dataclass(frozen=True)
class KeyInfo:
    """What may be shown of a key: never the secret, never its hash."""

    name: str
    scope: Scope
    prefix: str
    created_at: dt.datetime
    revoked_at: dt.datetime | None


@dataclass(frozen=True)
class StoredKey:
    """What authentication needs of the key a request names by its prefix."""

    name: str
    scope: Scope
    prefix: str
    key_hash: str
    revoked: bool


_INFO_COLUMNS = (
    col(ApiKey.name),
    col(ApiKey.scope),
    col(ApiKey.prefix),
    col(ApiKey.created_at),
    col(ApiKey.revoked_at),
)


async def create_key(connection: AsyncConnection, name: str, scope: Scope) -> NewKey:
    """Store a new key's hash under `name`; the returned token is the only copy of the key."""
    if await connection.scalar(select(col(ApiKey.id)).where(col(ApiKey.name) == name)) is not None:
        raise KeyNameTaken(name)
    key = generate_key()
    try:
        await connection.execute(
            insert(ApiKey).values(
                name=name,
                prefix=key.prefix,
                key_hash=key.key_hash,
                scope=scope,
                created_at=utc_now(),
            )
        )
    except IntegrityError:  # another process took the name since the check above
        raise KeyNameTaken(name) from None
    return key


async def list_keys(connection: AsyncConnection) -> list[KeyInfo]:
    rows = await connection.execute(select(*_INFO_COLUMNS).order_by(col(ApiKey.name)))
    return [_info(*row) for row in rows]


async def revoke_key(connection: AsyncConnection, name: str) -> KeyInfo:
    """Revoke the key named `name` from now on; a key already revoked keeps its first time."""
    await connection.execute(
        update(ApiKey)
        .where(col(ApiKey.name) == name, col(ApiKey.revoked_at).is_(None))
        .values(revoked_at=utc_now())
    )
    row = (await connection.execute(select(*_INFO_COLUMNS).where(col(ApiKey.name) == name))).first()
    if row is None:
        raise UnknownKey(name)
    return _info(*row)


async def find_key(connection: AsyncConnection, prefix: str) -> StoredKey | None:
    columns = (col(ApiKey.name), col(ApiKey.scope), col(ApiKey.key_hash), col(ApiKey.revoked_at))
    statement = select(*columns).where(col(ApiKey.prefix) == prefix)
    row = (await connection.execute(statement)).first()
    if row is None:
        return None
    name, scope, key_hash, revoked_at = row
    return StoredKey(name, _scope(scope), prefix, key_hash, revoked_at is not None)


def _info(
    name: str, scope: str, prefix: str, created_at: dt.datetime, revoked_at: dt.datetime | None
) -> KeyInfo:
    return KeyInfo(
        name, _scope(scope), prefix, as_utc(created_at), revoked_at and as_utc(revoked_at)
    )


def _scope(value: str) -> Scope:
    if value not in SCOPES:  # the table's check constraint makes this unreachable
        raise ValueError(f"unknown scope {value!r}")
    return value
